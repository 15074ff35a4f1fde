/**
 * Where a CSV's structure breaks, as a person would look for it: a quote opened and never closed, text after a
 * closing quote, a record with more or fewer fields than the header. DuckDB's reader reports such files as
 * "Error when sniffing file" (no row), or — when its sniffer gives up on the header — reads them with made-up
 * column names; this scan names the row (the line where the record starts; header = row 1), the column and what
 * was expected. It runs over the head of a file before DuckDB reads it, and over the whole file when DuckDB fails.
 */

/** The first structural problem of a CSV text. */
export interface CsvProblem {
  /** Row as a user sees it: the line where the record starts (the header is row 1). */
  readonly row: number;
  /** The header text of the field (or `column N` beyond the header). */
  readonly column: string;
  /** The start of the offending field or record. */
  readonly value: string;
  readonly expected: string;
}

const snippet = (text: string, from: number): string => {
  const s = text.slice(from, from + 40).split(/\r\n|\n|\r/)[0] ?? '';
  return s.length < 40 ? s : `${s.slice(0, 39)}…`;
};

/**
 * Scan `text` (the file's decoded text, or its head when `complete` is false: then a quote still open at the end
 * is not a problem, nor is the last, possibly cut, record). Blank lines are skipped as DuckDB does.
 */
export function csvProblem(text: string, delimiter: string, complete: boolean): CsvProblem | null {
  const header: string[] = [];
  let headerDone = false;
  let field = 0;
  let fieldStart = 0;
  let atFieldStart = true;
  let inQuotes = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  let quoteField = 0;
  let quoteAt = 0;
  let recordStart = 0;
  const columnName = (k: number) => header[k] ?? `column ${k + 1}`;
  const endField = (end: number) => {
    if (!headerDone) header.push(text.slice(fieldStart, end).trim().replace(/^"|"$/g, ''));
  };
  const endRecord = (at: number): CsvProblem | null => {
    const blank = field === 0 && at === recordStart;
    if (!headerDone) {
      headerDone = true;
      return null;
    }
    if (!blank && field + 1 !== header.length) {
      return {
        row: recordLine,
        column: columnName(Math.min(field, header.length)),
        value: snippet(text, recordStart),
        expected: `${header.length} fields separated by ${JSON.stringify(delimiter)}, like the header; found ${field + 1} (a delimiter inside a value needs double quotes)`,
      };
    }
    return null;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          i++;
          continue;
        }
        inQuotes = false;
        afterQuote = true;
      } else if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
      continue;
    }
    if (ch === delimiter) {
      endField(i);
      field++;
      fieldStart = i + 1;
      atFieldStart = true;
      afterQuote = false;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField(i);
      const problem = endRecord(ch === '\r' && text[i] === '\n' ? i - 1 : i);
      if (problem !== null) return problem;
      line++;
      recordLine = line;
      recordStart = i + 1;
      field = 0;
      fieldStart = i + 1;
      atFieldStart = true;
      afterQuote = false;
      continue;
    }
    if (afterQuote && ch !== ' ' && ch !== '\t') {
      return {
        row: line,
        column: columnName(field),
        value: snippet(text, fieldStart),
        expected: `the delimiter ${JSON.stringify(delimiter)} or the end of the line after the closing quote (a quote inside a quoted value is written "")`,
      };
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      quoteLine = line;
      quoteField = field;
      quoteAt = i;
      atFieldStart = false;
      continue;
    }
    if (ch !== ' ' && ch !== '\t') atFieldStart = false;
  }
  if (!complete) return null;
  if (inQuotes) {
    return {
      row: quoteLine,
      column: columnName(quoteField),
      value: snippet(text, quoteAt),
      expected: 'a closing double quote for the value opened here (a quote inside a value is written "")',
    };
  }
  if (recordStart < n) {
    endField(n);
    return endRecord(n);
  }
  return null;
}
