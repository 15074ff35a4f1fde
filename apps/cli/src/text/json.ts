/**
 * JSON for people and programs alike: objects indented two spaces, but an array of numbers, strings, booleans or
 * nulls on one line (a matrix one row a line). Pair data are columns of tens of thousands of values; one value a
 * line would make a 30 MB document 130 MB. The text parses to exactly what `JSON.stringify` gives.
 */

const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';

function write(value: unknown, indent: string, out: string[]): void {
  if (isScalar(value) || (typeof value === 'object' && value !== null && 'toJSON' in value)) {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    if (value.every(isScalar)) {
      out.push(JSON.stringify(value));
      return;
    }
    out.push('[\n');
    value.forEach((item, k) => {
      out.push(inner);
      write(item === undefined ? null : item, inner, out);
      out.push(k < value.length - 1 ? ',\n' : '\n');
    });
    out.push(`${indent}]`);
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{\n');
  entries.forEach(([key, v], k) => {
    out.push(`${inner}${JSON.stringify(key)}: `);
    write(v, inner, out);
    out.push(k < entries.length - 1 ? ',\n' : '\n');
  });
  out.push(`${indent}}`);
}

/** The document as text (ends with a newline). */
export function jsonText(value: unknown): string {
  const out: string[] = [];
  write(value, '', out);
  out.push('\n');
  return out.join('');
}
