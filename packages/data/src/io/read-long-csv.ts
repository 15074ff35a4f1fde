/**
 * A fast reader of long region–industry–value CSV files into a `RegionIndustryMatrix`, for `metrocoop measures`
 * and friends. It parses bytes directly — no decoding of the whole file, no string per field: labels are looked up
 * by their bytes (a region repeated from the previous row costs one comparison), plain decimals are read from the
 * bytes — accepts RFC 4180 quoting, a UTF-8 BOM, CRLF, and reports the file, row and column of any problem.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { InvalidInputError, type MatrixOptions, RegionIndustryMatrix } from '@metrocoop/core/measures';

export interface LongCsvOptions extends MatrixOptions {
  /** Column with region ids (default `region`). */
  readonly regionColumn?: string;
  /** Column with industry ids (default `industry`). */
  readonly industryColumn?: string;
  /** Column with the numeric values (default `value`). */
  readonly valueColumn?: string;
}

export const defaultLongCsvOptions = { regionColumn: 'region', industryColumn: 'industry', valueColumn: 'value' } as const;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Read a long CSV file into a matrix. Empty value cells are an error (a gap must be explicit, not a zero). */
export function readLongCsv(path: string, options: LongCsvOptions = {}): RegionIndustryMatrix {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InvalidInputError(
      {
        en: `readLongCsv: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path.`,
        zh: `readLongCsv：无法读取 ${path}（${(error as NodeJS.ErrnoException).code ?? 'error'}）；请检查路径。`,
      },
      { file: path },
      'FILE_NOT_READABLE',
    );
  }
  return parseLongCsv(bytes, path, options);
}

/** Parse long CSV bytes (UTF-8) into a matrix; `file` names the source in errors. */
export function parseLongCsv(bytes: Uint8Array, file: string, options: LongCsvOptions = {}): RegionIndustryMatrix {
  const regionColumn = options.regionColumn ?? defaultLongCsvOptions.regionColumn;
  const industryColumn = options.industryColumn ?? defaultLongCsvOptions.industryColumn;
  const valueColumn = options.valueColumn ?? defaultLongCsvOptions.valueColumn;
  const fail = (row: number, column: string, value: string, en: string, zh: string): never => {
    throw new InvalidInputError(
      {
        en: `${file}, row ${row}, column ${column}: ${en} (got ${JSON.stringify(value)}).`,
        zh: `${file} 第 ${row} 行 ${column} 列：${zh}（得到 ${JSON.stringify(value)}）。`,
      },
      { file, row, column, value },
      'INVALID_CSV',
    );
  };
  if (!isUtf8(bytes)) {
    return fail(
      1,
      '(file)',
      '',
      'is not valid UTF-8; convert it (e.g. from GBK) or import it with `metrocoop data import`',
      '不是有效的 UTF-8 编码；请先转换（如从 GBK）或用 `metrocoop data import` 导入',
    );
  }
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const end = bytes.length;
  // Fields of the current record as byte ranges; kind 0 = plain, 1 = quoted, 2 = quoted with doubled quotes. Only
  // the first `capacity` fields are kept (a longer record is an error; a longer header is read again).
  let capacity = 64;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let kinds = new Uint8Array(capacity);
  let count = 0;
  const readRecord = (): boolean => {
    count = 0;
    if (pos >= end) return false;
    for (;;) {
      let s: number;
      let e: number;
      let kind = 0;
      if (bytes[pos] === QUOTE) {
        s = ++pos;
        kind = 1;
        for (;;) {
          if (pos >= end) break;
          if (bytes[pos] === QUOTE) {
            if (bytes[pos + 1] === QUOTE) {
              pos += 2;
              kind = 2;
            } else break;
          } else pos++;
        }
        e = pos;
        pos++; // closing quote
      } else {
        s = pos;
        for (;;) {
          if (pos >= end) break;
          const c = bytes[pos];
          if (c === COMMA || c === LF || c === CR) break;
          pos++;
        }
        e = pos;
      }
      if (count < capacity) {
        starts[count] = s;
        ends[count] = e;
        kinds[count] = kind;
      }
      count++;
      if (pos < end && bytes[pos] === COMMA) {
        pos++;
        continue;
      }
      if (pos < end && bytes[pos] === CR) pos++;
      if (pos < end && bytes[pos] === LF) pos++;
      return true;
    }
  };
  const text = (k: number): string => {
    const s = source.toString('utf8', starts[k] as number, ends[k] as number);
    return kinds[k] === 2 ? s.replaceAll('""', '"') : s;
  };
  const bodyStart = pos;
  if (!readRecord()) fail(1, '(header)', '', 'the file is empty; expected a header row', '文件为空；应有表头行');
  if (count > capacity) {
    capacity = count;
    starts = new Int32Array(capacity);
    ends = new Int32Array(capacity);
    kinds = new Uint8Array(capacity);
    pos = bodyStart;
    readRecord();
  }
  const header = Array.from({ length: count }, (_, k) => text(k).trim());
  const col = (name: string): number => {
    const k = header.indexOf(name);
    if (k < 0) fail(1, name, header.join(','), `no column named ${JSON.stringify(name)} in the header`, `表头中没有名为 ${JSON.stringify(name)} 的列`);
    return k;
  };
  const cR = col(regionColumn);
  const cI = col(industryColumn);
  const cV = col(valueColumn);
  const regionIds = new LabelIds(bytes, text);
  const industryIds = new LabelIds(bytes, text);
  let rowCapacity = Math.max(1024, Math.ceil(bytes.length / 12));
  let rIdx = new Int32Array(rowCapacity);
  let iIdx = new Int32Array(rowCapacity);
  let vals = new Float64Array(rowCapacity);
  let n = 0;
  let row = 1;
  let lastRegion = -1;
  let lastStart = 0;
  let lastLength = -1;
  while (readRecord()) {
    row++;
    if (count === 1 && ends[0] === starts[0]) continue; // blank line
    if (count !== header.length) {
      fail(row, '(record)', '', `has ${count} fields; expected ${header.length} like the header`, `有 ${count} 个字段；应与表头一致为 ${header.length} 个`);
    }
    const rs = starts[cR] as number;
    const rl = (ends[cR] as number) - rs;
    const is = starts[cI] as number;
    const il = (ends[cI] as number) - is;
    if (rl === 0) fail(row, regionColumn, '', 'empty region id', '地区代码为空');
    if (il === 0) fail(row, industryColumn, '', 'empty industry id', '行业代码为空');
    let value = kinds[cV] === 2 ? -1 : plainDecimal(bytes, starts[cV] as number, ends[cV] as number);
    if (value < 0) {
      const raw = text(cV);
      value = raw.trim() === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(value)) fail(row, valueColumn, raw, 'not a number; expected a finite number', '不是数值；应为有限数');
      if (value < 0) fail(row, valueColumn, raw, 'negative; expected a non-negative value', '为负数；应为非负值');
    }
    // Long files are usually sorted by region: the same bytes as the previous row need no lookup at all.
    let r: number;
    if (kinds[cR] !== 2 && rl === lastLength && sameBytes(bytes, rs, lastStart, rl)) r = lastRegion;
    else {
      r = kinds[cR] === 2 ? regionIds.idOfText(text(cR)) : regionIds.idOf(rs, rl, cR);
      if (kinds[cR] !== 2) {
        lastRegion = r;
        lastStart = rs;
        lastLength = rl;
      }
    }
    const i = kinds[cI] === 2 ? industryIds.idOfText(text(cI)) : industryIds.idOf(is, il, cI);
    if (n === rowCapacity) {
      rowCapacity *= 2;
      const r2 = new Int32Array(rowCapacity);
      r2.set(rIdx);
      rIdx = r2;
      const i2 = new Int32Array(rowCapacity);
      i2.set(iIdx);
      iIdx = i2;
      const v2 = new Float64Array(rowCapacity);
      v2.set(vals);
      vals = v2;
    }
    rIdx[n] = r;
    iIdx[n] = i;
    vals[n] = value;
    n++;
  }
  if (n === 0) fail(row, '(data)', '', 'no data rows after the header', '表头之后没有数据行');
  return RegionIndustryMatrix.fromCoordinates(regionIds.labels, industryIds.labels, rIdx.subarray(0, n), iIdx.subarray(0, n), vals.subarray(0, n), options);
}

const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A plain decimal cell (digits with at most one point, at most 15 digits) read from its bytes, or −1 when the cell is
 * anything else (signs, exponents, spaces, long digit strings, empty) and must go through `Number`. An integer of ≤ 15
 * digits divided by an exact power of ten ≤ 10^22 is correctly rounded (Clinger's fast path), so this is the same
 * double as `Number(text)`.
 */
function plainDecimal(bytes: Uint8Array, start: number, stop: number): number {
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (let k = start; k < stop; k++) {
    const c = (bytes[k] as number) - 48;
    if (c >= 0 && c <= 9) {
      mantissa = mantissa * 10 + c;
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === -2 && fraction < 0) {
      fraction = 0; // the decimal point
    } else return -1;
  }
  if (digits === 0 || digits > 15) return -1;
  return fraction <= 0 ? mantissa : mantissa / (POW10[fraction] as number);
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

/**
 * Ids of labels in order of first appearance. Fields are looked up by their bytes in an open-addressing table (no
 * string per row); a string is made once per distinct label, and the string map stays the one authority so that a
 * label spelled with doubled quotes in one row and plainly in another is still one label.
 */
class LabelIds {
  readonly labels: string[] = [];
  readonly #byText = new Map<string, number>();
  #mask = 1023;
  #slots = new Int32Array(1024).fill(-1); // entry index, −1 = empty
  #keyStart: number[] = [];
  #keyLength: number[] = [];
  #idOfEntry: number[] = [];
  readonly #bytes: Uint8Array;
  readonly #text: (field: number) => string;

  constructor(bytes: Uint8Array, text: (field: number) => string) {
    this.#bytes = bytes;
    this.#text = text;
  }

  /** The id of the label whose UTF-8 bytes are `bytes[start … start + length)` (field `field` of the record). */
  idOf(start: number, length: number, field: number): number {
    const bytes = this.#bytes;
    let h = 0x811c9dc5;
    for (let k = 0; k < length; k++) h = Math.imul(h ^ (bytes[start + k] as number), 0x01000193);
    let slot = h & this.#mask;
    for (;;) {
      const entry = this.#slots[slot] as number;
      if (entry < 0) break;
      if (this.#keyLength[entry] === length && sameBytes(bytes, start, this.#keyStart[entry] as number, length)) return this.#idOfEntry[entry] as number;
      slot = (slot + 1) & this.#mask;
    }
    const id = this.idOfText(this.#text(field));
    const entry = this.#keyStart.length;
    this.#keyStart.push(start);
    this.#keyLength.push(length);
    this.#idOfEntry.push(id);
    this.#slots[slot] = entry;
    if (2 * this.#keyStart.length > this.#mask) this.#grow();
    return id;
  }

  /** The id of a label given as text. */
  idOfText(label: string): number {
    let id = this.#byText.get(label);
    if (id === undefined) {
      id = this.labels.length;
      this.#byText.set(label, id);
      this.labels.push(label);
    }
    return id;
  }

  #grow(): void {
    const mask = this.#mask * 2 + 1;
    const slots = new Int32Array(mask + 1).fill(-1);
    const bytes = this.#bytes;
    for (let entry = 0; entry < this.#keyStart.length; entry++) {
      const start = this.#keyStart[entry] as number;
      const length = this.#keyLength[entry] as number;
      let h = 0x811c9dc5;
      for (let k = 0; k < length; k++) h = Math.imul(h ^ (bytes[start + k] as number), 0x01000193);
      let slot = h & mask;
      while ((slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.#mask = mask;
    this.#slots = slots;
  }
}
