/**
 * Input–output chain complementarity between every pair of units (methods.md M11, "inter-city chain
 * complementarity", our composite): `C_ab = Σ_k Σ_l LQ⁺_ak · a_kl · LQ⁺_bl`, LQ⁺ = max(LQ − 1, 0) over **traded**
 * industries only (./traded.ts: a unit's surplus in retail or health supplies nobody else's specialisation), a = the
 * national technical coefficients mapped to the analysis classification. Own-industry purchases (k = l) are left
 * out by default — two units specialised in the same industry are homogeneous, not complementary.
 *
 * The composite grows with the number and strength of specialisations, so the typology reads a scale-free
 * version, the chain ratio: the composite divided by what a's specialisations would supply b's if each of them sold
 * to b's industries as much as it sells to an average industry — `Σ_k Σ_l LQ⁺_ak · ā_k · LQ⁺_bl`, ā_k = the mean
 * off-diagonal coefficient of supplier k's row. Ratio 1 = a's specialisations are no more tied to b's than to any
 * industry; ≥ `chainHigh` = they are targeted suppliers of b's specialisations. The supplier's own row is the
 * reference because some suppliers (manufacturing above all) sell a large share to every industry: against the
 * table's overall mean, any manufacturing-led unit would look upstream of every other unit.
 *
 * Missing links: ./findings/missing-links.ts (the metro's input-to-buyer ratios against the nation's).
 */
import { _chainComplementarity, _lqPlus, _pairChainLinks } from '../cooperation/chain-complementarity.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { missingLinks } from './findings/missing-links.ts';
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
  /** The reference of the chain ratio: supplier k's mean off-diagonal coefficient ā_k where `a` is read, else 0. */
  readonly expected: Float64Array;
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
  const expected = new Float64Array(nI * nI);
  for (let k = 0; k < nI; k++) {
    let rowSum = 0;
    let rowCount = 0;
    for (let l = 0; l < nI; l++) {
      if (l === k || (toIo[l] as number) < 0) continue;
      rowSum += a[k * nI + l] as number;
      rowCount++;
    }
    const mean = rowCount > 0 ? rowSum / rowCount : 0;
    for (let l = 0; l < nI; l++) expected[k * nI + l] = (read[k * nI + l] as number) * mean;
  }
  return { a, read, meanOff: cnt > 0 ? s / cnt : 0, expected };
}

export function complementarityPart(
  matrix: RegionIndustryMatrix,
  lq: Float64Array,
  io: AnalysisInputOutput | undefined,
  traded: TradedMapping,
  options: Required<MetroAnalysisOptions>,
  primary: (code: string) => boolean = () => false,
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
  // zeroing those coefficients. The chain ratio divides it by the same product on the suppliers' row means
  // (see the file header).
  const nR = units.length;
  const nI = industries.length;
  const p = prepare(matrix, io, options.includeOwnIndustry);
  const plus = _lqPlus(lq);
  for (let r = 0; r < nR; r++) for (let i = 0; i < nI; i++) if (traded.kind[i] !== 'traded') plus[r * nI + i] = 0;
  const composite = _chainComplementarity(plus, p.a, nR, nI);
  const expected = _chainComplementarity(plus, p.expected, nR, nI);
  const direction = (from: number, to: number) => {
    const c = from * nR + to;
    const e = expected[c] as number;
    return { composite: composite[c] as number, ratio: e > 0 ? (composite[c] as number) / e : null };
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
      const best = Math.max(ab.ratio ?? -1, ba.ratio ?? -1);
      const ratio = best < 0 ? null : best;
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

  // Missing links: the metro's input-to-buyer ratios against the nation's (./findings/missing-links.ts).
  const missing = missingLinks(matrix, traded, io, options, primary);
  const totals = matrix.industryTotals();
  const ioIndex = new Map(io.industries.map((c, k) => [c, k]));
  const leading = industries
    .map((c, i) => ({ c, i, v: totals[i] as number }))
    .filter((x) => traded.kind[x.i] === 'traded' && ioIndex.has(x.c))
    .sort((x, y) => y.v - x.v || byCode(x.c, y.c))
    .slice(0, options.leadingIndustries)
    .map((x) => x.c);
  const missingLinksFlat = missing.flatMap((m) =>
    m.inputs.map((x) => ({
      input: x.input,
      buyer: m.buyer,
      coefficient: x.coefficient,
      metroRatio: x.metroRatio,
      nationalRatio: x.nationalRatio,
      relative: x.relative,
    })),
  );
  return {
    table: { id: io.id, year: io.year, mapping: io.mapping, source: io.source ?? null, meanOffDiagonal: p.meanOff },
    pairs,
    links,
    leadingIndustries: leading,
    missingLinks: missingLinksFlat,
    absent: [],
  };
}
