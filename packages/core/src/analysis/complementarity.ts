/**
 * Input–output chain complementarity between every pair of units (methods.md M11, "inter-city chain
 * complementarity", our composite): `C_ab = Σ_k Σ_l LQ⁺_ak · a_kl · LQ⁺_bl`, LQ⁺ = max(LQ − 1, 0) over **traded**
 * industries only (./traded.ts: a unit's surplus in retail or health supplies nobody else's specialisation), a = the
 * national technical coefficients mapped to the analysis classification. Own-industry purchases (k = l) are left
 * out by default — two units specialised in the same industry are homogeneous, not complementary.
 *
 * The composite grows with the number and strength of specialisations, so the typology reads a scale-free
 * version: the LQ⁺-weighted mean coefficient between a's and b's specialisations divided by the table's mean
 * off-diagonal coefficient — the chain ratio. Ratio 1 = the two sets of specialisations buy from each other as
 * much as two industries picked at random; ≥ `chainHigh` = strong complementarity.
 *
 * Missing links: for each of the metro's `leadingIndustries` largest industries, every input k with
 * `a_kl ≥ keyInputCoefficient` that no unit specialises in (LQ < `advantageLq` everywhere) and whose metro share is
 * below `missingShareRatio` × its share of national gross output.
 */
import { _chainComplementarity, _lqPlus, _pairChainLinks } from '../cooperation/chain-complementarity.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { byCode } from './internal.ts';
import { analysisMessages as msg } from './messages.ts';
import type { MetroAnalysisOptions } from './options.ts';
import type { TradedMapping } from './traded.ts';
import type { AnalysisInputOutput, ComplementarityPart } from './types.ts';

interface Prepared {
  /** The IO coefficients in the matrix's industry order; 0 for an industry the table lacks and, unless
   * `includeOwnIndustry`, on the diagonal. */
  readonly a: Float64Array;
  /** 1 where `a` is read (both industries in the table; off the diagonal unless `includeOwnIndustry`), else 0. */
  readonly read: Float64Array;
  /** Mean off-diagonal coefficient over the industries the table maps. */
  readonly meanOff: number;
}

function prepare(matrix: RegionIndustryMatrix, io: AnalysisInputOutput, own: boolean): Prepared {
  const n = io.industries.length;
  const nI = matrix.industryCount;
  const index = new Map(io.industries.map((c, k) => [c, k]));
  const toIo = new Int32Array(nI).fill(-1);
  matrix.industries.forEach((c, i) => {
    const k = index.get(c);
    if (k !== undefined) toIo[i] = k;
  });
  const used = Array.from(toIo).filter((k) => k >= 0);
  let s = 0;
  let cnt = 0;
  for (const k of used)
    for (const l of used)
      if (k !== l) {
        s += io.coefficients[k * n + l] as number;
        cnt++;
      }
  const a = new Float64Array(nI * nI);
  const read = new Float64Array(nI * nI);
  for (let k = 0; k < nI; k++) {
    const ik = toIo[k] as number;
    if (ik < 0) continue;
    for (let l = 0; l < nI; l++) {
      const il = toIo[l] as number;
      if (il < 0 || (!own && k === l)) continue;
      a[k * nI + l] = io.coefficients[ik * n + il] as number;
      read[k * nI + l] = 1;
    }
  }
  return { a, read, meanOff: cnt > 0 ? s / cnt : 0 };
}

export function complementarityPart(
  matrix: RegionIndustryMatrix,
  lq: readonly (readonly number[])[],
  io: AnalysisInputOutput | undefined,
  traded: TradedMapping,
  options: Required<MetroAnalysisOptions>,
): ComplementarityPart {
  const units = matrix.regions;
  const industries = matrix.industries;
  const empty = { a: [], b: [], composite: [], reverse: [], ratio: [] };
  if (io === undefined)
    return {
      table: null,
      pairs: empty,
      links: [],
      leadingIndustries: [],
      missingLinks: [],
      absent: [{ what: 'complementarity', reason: msg.noInputOutput() }],
    };
  // The composite is the core's chain complementarity C = P·A·Pᵀ (cooperation/chain-complementarity.ts) on the
  // metro's LQ⁺, with two deliberate differences: the table's industries only (a metro industry the table lacks
  // has no coefficients), and own-industry purchases (k = l) left out unless `includeOwnIndustry` — both by
  // zeroing those coefficients. The analysis then reads a scale-free version: the LQ⁺-weighted mean coefficient
  // (the same product on a 0/1 matrix of the coefficients read gives the weights Σ LQ⁺_ak LQ⁺_bl) over the
  // table's mean off-diagonal coefficient, the chain ratio.
  const nR = units.length;
  const nI = industries.length;
  const p = prepare(matrix, io, options.includeOwnIndustry);
  const plus = _lqPlus(Float64Array.from(lq.flat()));
  for (let r = 0; r < nR; r++) for (let i = 0; i < nI; i++) if (traded.kind[i] !== 'traded') plus[r * nI + i] = 0;
  const composite = _chainComplementarity(plus, p.a, nR, nI);
  const weight = _chainComplementarity(plus, p.read, nR, nI);
  const direction = (from: number, to: number) => {
    const c = from * nR + to;
    const w = weight[c] as number;
    return { composite: composite[c] as number, mean: w > 0 ? (composite[c] as number) / w : null };
  };
  // Pairs as columns; the supplier → buyer links only for the pairs with a high ratio (the strongest first, at
  // most `topLinks` × 10 pairs), so that a metro of hundreds of units stays a document a person can open.
  const count = (nR * (nR - 1)) / 2;
  type Columns = { -readonly [K in keyof ComplementarityPart['pairs']]: ComplementarityPart['pairs'][K][number][] };
  const pairs: Columns = { a: new Array(count), b: new Array(count), composite: new Array(count), reverse: new Array(count), ratio: new Array(count) };
  const strong: { p: number; a: number; b: number; ratio: number }[] = [];
  let q = 0;
  for (let a = 0; a < nR; a++) {
    for (let b = a + 1; b < nR; b++, q++) {
      const ab = direction(a, b);
      const ba = direction(b, a);
      const best = Math.max(ab.mean ?? -1, ba.mean ?? -1);
      const ratio = best < 0 || !(p.meanOff > 0) ? null : best / p.meanOff;
      pairs.a[q] = a;
      pairs.b[q] = b;
      pairs.composite[q] = ab.composite;
      pairs.reverse[q] = ba.composite;
      pairs.ratio[q] = ratio;
      if (ratio !== null && ratio >= options.chainHigh) strong.push({ p: q, a, b, ratio });
    }
  }
  strong.sort((x, y) => y.ratio - x.ratio || x.p - y.p);
  const links: ComplementarityPart['links'][number][] = [];
  for (const { a, b } of strong.slice(0, options.topLinks * 10)) {
    const pairLinks = [
      ..._pairChainLinks(plus, p.a, nI, options.topLinks, a, b).map((x) => ({ ...x, from: units[a] as string, to: units[b] as string })),
      ..._pairChainLinks(plus, p.a, nI, options.topLinks, b, a).map((x) => ({ ...x, from: units[b] as string, to: units[a] as string })),
    ]
      .sort((x, y) => y.v - x.v || byCode(x.from, y.from) || x.k - y.k || x.l - y.l)
      .slice(0, options.topLinks);
    for (const x of pairLinks) {
      links.push({
        a: units[a] as string,
        b: units[b] as string,
        from: x.from,
        to: x.to,
        supplier: industries[x.k] as string,
        buyer: industries[x.l] as string,
        contribution: x.v,
      });
    }
  }

  // Missing links.
  const totals = matrix.industryTotals();
  const grand = matrix.total();
  const ioIndex = new Map(io.industries.map((c, k) => [c, k]));
  let outTotal = 0;
  for (const c of industries) {
    const k = ioIndex.get(c);
    if (k !== undefined) outTotal += io.output[k] as number;
  }
  const leading = industries
    .map((c, i) => ({ c, v: totals[i] as number }))
    .filter((x) => ioIndex.has(x.c))
    .sort((x, y) => y.v - x.v || byCode(x.c, y.c))
    .slice(0, options.leadingIndustries)
    .map((x) => x.c);
  const missingLinks: ComplementarityPart['missingLinks'][number][] = [];
  for (const buyer of leading) {
    const l = ioIndex.get(buyer) as number;
    for (const input of industries) {
      if (input === buyer) continue;
      const k = ioIndex.get(input);
      if (k === undefined) continue;
      const coefficient = io.coefficients[k * io.industries.length + l] as number;
      if (coefficient < options.keyInputCoefficient) continue;
      const i = industries.indexOf(input);
      if (lq.some((row) => (row[i] as number) >= options.advantageLq)) continue;
      const metroShare = grand > 0 ? (totals[i] as number) / grand : 0;
      const nationalShare = outTotal > 0 ? (io.output[k] as number) / outTotal : 0;
      if (metroShare < options.missingShareRatio * nationalShare) missingLinks.push({ input, buyer, coefficient, metroShare, nationalShare });
    }
  }
  missingLinks.sort((x, y) => y.coefficient - x.coefficient || byCode(x.buyer, y.buyer) || byCode(x.input, y.input));
  return {
    table: { id: io.id, year: io.year, mapping: io.mapping, meanOffDiagonal: p.meanOff },
    pairs,
    links,
    leadingIndustries: leading,
    missingLinks,
    absent: [],
  };
}
