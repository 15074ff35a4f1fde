/**
 * Column headers of wide tables → industry codes. A header may be the code itself (`C`, `31-33`), a code and a
 * name (`C 制造业`, `C.制造业`), or a name (`制造业`, `第二产业`) as in the store's industries or the built-in
 * yearbook names; total columns (`合计`, `Total`) map to the total row (no industry). The classification is the
 * stated one, else the one that explains most headers.
 */
import { normaliseName, totalNames } from './industry-names.ts';
import type { IndustryName } from './stage.ts';

/** One header's meaning: an industry code, the total, or not recognised (kept as typed, reported later). */
export interface HeaderMapping {
  readonly header: string;
  /** `null` for the total column. */
  readonly industry: string | null;
  readonly recognised: boolean;
}

const totals = new Set(totalNames.map(normaliseName));

function matchIn(header: string, classification: string, industries: readonly IndustryName[]): string | null {
  const h = header.trim();
  const codes = industries.filter((i) => i.classification === classification);
  for (const i of codes) if (i.code === h) return i.code;
  const lead = /^([A-Za-z]{1,3}|[0-9]{2}(?:-[0-9]{2})?)[\s.、:：_-]+(.+)$/u.exec(h);
  if (lead !== null) {
    const code = lead[1] as string;
    for (const i of codes) if (i.code === code || i.code === code.toUpperCase()) return i.code;
  }
  const n = normaliseName(h);
  for (const i of codes) if (i.names.some((name) => normaliseName(name) === n)) return i.code;
  return null;
}

/** Map headers to codes of one classification (stated, or detected: the one matching most headers). */
export function mapIndustryHeaders(
  headers: readonly string[],
  industries: readonly IndustryName[],
  stated: string | null,
): { classification: string | null; mappings: HeaderMapping[] } {
  const candidates = stated !== null ? [stated] : [...new Set(industries.map((i) => i.classification))];
  let best: string | null = stated;
  let bestCount = 0;
  if (stated === null) {
    for (const c of candidates) {
      const count = headers.filter((h) => !totals.has(normaliseName(h)) && matchIn(h, c, industries) !== null).length;
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
  }
  const mappings = headers.map((header): HeaderMapping => {
    if (totals.has(normaliseName(header))) return { header, industry: null, recognised: true };
    const code = best === null ? null : matchIn(header, best, industries);
    return code === null ? { header, industry: header.trim(), recognised: false } : { header, industry: code, recognised: true };
  });
  return { classification: best, mappings };
}

/** Header texts of key columns (lower case / normalised) → field. */
export const keyHeaders: Readonly<Record<string, 'region' | 'year' | 'indicator' | 'unit' | 'source' | 'classification' | 'note'>> = {
  region: 'region',
  region_id: 'region',
  region_code: 'region',
  regionid: 'region',
  regioncode: 'region',
  area: 'region',
  地区: 'region',
  地区代码: 'region',
  地区名称: 'region',
  城市: 'region',
  省份: 'region',
  地区城市: 'region',
  都道府県: 'region',
  市区町村: 'region',
  year: 'year',
  年份: 'year',
  年度: 'year',
  年: 'year',
  indicator: 'indicator',
  指标: 'indicator',
  unit: 'unit',
  单位: 'unit',
  source: 'source',
  来源: 'source',
  classification: 'classification',
  分类: 'classification',
  note: 'note',
  备注: 'note',
};

/** The field of a key header, or undefined for an industry column. */
export function keyField(header: string): (typeof keyHeaders)[string] | undefined {
  return keyHeaders[normaliseName(header)];
}
