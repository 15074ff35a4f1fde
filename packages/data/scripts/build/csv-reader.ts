/**
 * A small RFC 4180 CSV reader for the raw files of /work/shared/data and the built dataset files: quoted fields
 * with doubled quotes, commas and line breaks inside quotes, `\n` or `\r\n` line ends, a UTF-8 BOM ignored.
 * Returns text only; callers convert numbers themselves so that a gap (empty cell) stays visible.
 */

/** Parse CSV text into rows of fields (the header is the first row). A final empty line is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  for (; i < n; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parse CSV text with a header into records keyed by the header names; `line` is the 1-based file line. */
export function parseCsvRecords(text: string): { line: number; record: Record<string, string> }[] {
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  const out: { line: number; record: Record<string, string> }[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] as string[];
    if (cells.length === 1 && cells[0] === '') continue;
    const record: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) record[header[c] as string] = cells[c] ?? '';
    out.push({ line: r + 1, record });
  }
  return out;
}
