/** Small shared pieces of the analysis: pair enumeration, industry groups, a null-skipping mean. */
import type { AnalysisIndustry, IndustryGroup } from './types.ts';

/** Producer-service (management) ISIC sections: J, K, M, N (Duranton–Puga "management"; 赵勇、白永秀 2012). */
const producerServiceSections = ['J', 'K', 'M', 'N'] as const;

/** The functional group of one ISIC section. */
function groupOfSection(section: string): IndustryGroup {
  if (section === 'A' || section === 'B') return 'primary';
  if (section === 'C') return 'production';
  if (section === 'D' || section === 'E' || section === 'F') return 'utilities-construction';
  if ((producerServiceSections as readonly string[]).includes(section)) return 'producer-services';
  if (/^[G-U]$/.test(section)) return 'other-services';
  return 'unknown';
}

/**
 * The group of an industry: three-sector codes directly; otherwise the group its ISIC sections agree on (the
 * first section's group when they disagree — the loader lists the main section first).
 */
export function groupOfIndustry(classification: string, industry: AnalysisIndustry): IndustryGroup {
  if (classification === 'THREE-SECTOR') {
    if (industry.code === 'I') return 'primary';
    if (industry.code === 'II') return 'secondary';
    if (industry.code === 'III') return 'tertiary';
    return 'unknown';
  }
  const first = industry.isicSections[0];
  return first === undefined ? 'unknown' : groupOfSection(first);
}

/** Three-sector class of a group. */
export function sectorOfGroup(group: IndustryGroup): 'primary' | 'secondary' | 'tertiary' | null {
  if (group === 'primary') return 'primary';
  if (group === 'production' || group === 'utilities-construction' || group === 'secondary') return 'secondary';
  if (group === 'producer-services' || group === 'other-services' || group === 'tertiary') return 'tertiary';
  return null;
}

/** Every unordered pair (a, b) with a before b in `units`, as index pairs. */
export function pairIndexes(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out.push([a, b]);
  return out;
}

/** Code-point order (the spec's lexical order). */
export const byCode = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Mean of the non-null values, or `null` when there are none. */
export function mean(values: readonly (number | null)[]): number | null {
  let s = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    s += v;
    n++;
  }
  return n === 0 ? null : s / n;
}
