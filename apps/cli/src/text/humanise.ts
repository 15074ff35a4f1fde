/**
 * Messages for people (issue 9): the core and the data package write their messages for programmers —
 * `readLongCsv: cannot read a.csv …`, `pass duplicates: "sum" or "first"` — and the command line shows them to
 * people who typed `metrocoop measures …`. This rewrites them once, at the boundary: the internal function name in
 * front becomes the command the user ran, and option syntax of the API becomes the command line's option.
 */

/** API option names and the command-line form that sets them (`name: "value"` → the option and the value). */
const optionForms: Readonly<Record<string, (value: string) => string>> = {
  duplicates: (v) => `--duplicates ${v}`,
  zeroTotals: (v) => `--zero-totals ${v}`,
  zeroBase: (v) => `--zero-base ${v}`,
  components: (v) => `--option components=${v}`,
  proximity: (v) => `--option proximity=${v}`,
  threshold: (v) => `--option threshold=${v}`,
};

/**
 * A leading internal name: camelCase or PascalCase, possibly dotted (`RegionIndustryMatrix.fromCoordinates`),
 * followed by an English or a Chinese colon.
 */
const internalName = /^(?:[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)(?:\.[A-Za-z0-9]+)*(: |：)/;

/** The message as the user of `command` (e.g. `data import`) should read it. */
export function humanise(message: string, command: string | null): string {
  let text = message.replace(internalName, (_, colon: string) => (command === null ? '' : `${command}${colon}`));
  for (const [name, form] of Object.entries(optionForms)) {
    // name: "a" or "b" / name: "a"（或 "b"）
    const pattern = new RegExp(`\\b${name}: "([^"]+)"(?:( or | 或 |或|、)"([^"]+)")?`, 'g');
    text = text.replace(pattern, (_, a: string, joiner?: string, b?: string) => (b === undefined ? form(a) : `${form(a)}${joiner}${b}`));
  }
  return text;
}

/** Does a text still show an internal name or API option syntax? (The scan the tests run over CLI output.) */
export function internalSyntax(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const m = /(?:^|\s)((?:[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)(?:\.[A-Za-z0-9]+)*)(?:: |：)/.exec(line);
    if (m) found.push(m[1] as string);
    for (const name of Object.keys(optionForms)) if (new RegExp(`\\b${name}: "`).test(line)) found.push(`${name}: "…"`);
  }
  return found;
}
