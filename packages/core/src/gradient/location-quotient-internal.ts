/**
 * The location quotient `LQ_ri = (x_ri/x_r)/(x_i/x)` on a row-major array, for the measures of this folder and of
 * spatial/ and cooperation/ that need it. Internal: the public `locationQuotient` lives in src/specialisation/;
 * this copy keeps these measures independent of it (dedupe later). A region or industry with total 0 gives 0.
 */
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';

/** LQ of every cell, row-major regions × industries; 0 where the cell or a total is 0. */
export function locationQuotientValues(m: RegionIndustryMatrix): Float64Array {
  const nR = m.regionCount;
  const nI = m.industryCount;
  const rt = m.regionTotals();
  const it = m.industryTotals();
  const total = m.total();
  const out = new Float64Array(nR * nI);
  for (let r = 0; r < nR; r++) {
    const xr = rt[r] as number;
    if (xr === 0) continue;
    for (let i = 0; i < nI; i++) {
      const v = m.values[r * nI + i] as number;
      const xi = it[i] as number;
      if (v === 0 || xi === 0) continue;
      out[r * nI + i] = (v / xr) / (xi / total);
    }
  }
  return out;
}
