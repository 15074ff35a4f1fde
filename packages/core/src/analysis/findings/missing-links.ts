/**
 * F5 — missing chain links, compared like with like. For each of the metro's `leadingIndustries` largest **traded**
 * industries l (by the unit set's own indicator, among the industries of the national IO table), every traded,
 * non-primary input k ≠ l with a national technical coefficient `a_kl ≥ keyInputCoefficient` is compared as an
 * input-to-buyer ratio (agriculture and mining — ISIC A, B — are left out as inputs: a metro is not expected to hold
 * land- and resource-bound activities in the national proportion, and urban-unit employment leaves farmers out):
 *
 *   metro ratio    = M_k ÷ M_l   (the metro's totals of k and l in the unit set's indicator)
 *   national ratio = x_k ÷ x_l   (national gross output of k and l, the IO table)
 *   relative       = metro ratio ÷ national ratio
 *
 * The input is missing when `relative < missingShareRatio`: the metro holds less than half as much of the input,
 * relative to the industry that buys it, as the nation does. The metro's size and the indicator's scale cancel in
 * each ratio; with an output measure both ratios are in value terms (value added against gross output: the
 * finding says which basis); with employment the comparison assumes the two industries' output per worker stand in
 * the same proportion in the metro as in the nation — an assumption stated by `basis`, not a mix of an employment
 * share with an output share (the comparison this rule replaces, which never fired).
 *
 * One finding per buyer listing its missing inputs. Priority: the largest effect(relative, missingShareRatio) among
 * the inputs × the buyer's share of the metro's activity.
 */
import type { RegionIndustryMatrix } from '../../matrix/region-industry-matrix.ts';
import { byCode } from '../internal.ts';
import type { MetroAnalysisOptions } from '../options.ts';
import type { TradedMapping } from '../traded.ts';
import type { AnalysisInputOutput } from '../types.ts';
import { type DraftOf, effect, type FindingRule } from './context.ts';

/** The missing inputs of one leading industry. */
export interface MissingInputs {
  readonly buyer: string;
  /** The buyer's share of the metro's activity. */
  readonly buyerShare: number;
  readonly inputs: readonly { input: string; coefficient: number; metroRatio: number; nationalRatio: number; relative: number }[];
}

/**
 * The missing inputs of the metro's leading traded industries (see the file header); buyers with none are left out.
 * `primary` says which industries are primary (left out as inputs).
 */
export function missingLinks(
  matrix: RegionIndustryMatrix,
  traded: TradedMapping,
  io: AnalysisInputOutput,
  options: Pick<Required<MetroAnalysisOptions>, 'leadingIndustries' | 'keyInputCoefficient' | 'missingShareRatio'>,
  primary: (code: string) => boolean = () => false,
): MissingInputs[] {
  const totals = matrix.industryTotals();
  const grand = matrix.total();
  const codes = matrix.industries;
  const ioIndex = new Map(io.industries.map((c, k) => [c, k]));
  const nIo = io.industries.length;
  const candidates = codes.map((c, i) => ({ c, i, v: totals[i] as number })).filter((x) => traded.kind[x.i] === 'traded' && ioIndex.has(x.c));
  const leading = [...candidates].sort((x, y) => y.v - x.v || byCode(x.c, y.c)).slice(0, options.leadingIndustries);
  const out: MissingInputs[] = [];
  for (const l of leading) {
    const il = ioIndex.get(l.c) as number;
    const xl = io.output[il] as number;
    if (!(l.v > 0) || !(xl > 0)) continue;
    const inputs: MissingInputs['inputs'][number][] = [];
    for (const k of candidates) {
      if (k.c === l.c || primary(k.c)) continue;
      const ik = ioIndex.get(k.c) as number;
      const coefficient = io.coefficients[ik * nIo + il] as number;
      const xk = io.output[ik] as number;
      if (coefficient < options.keyInputCoefficient || !(xk > 0)) continue;
      const metroRatio = k.v / l.v;
      const nationalRatio = xk / xl;
      const relative = metroRatio / nationalRatio;
      if (relative < options.missingShareRatio) inputs.push({ input: k.c, coefficient, metroRatio, nationalRatio, relative });
    }
    if (inputs.length === 0) continue;
    inputs.sort((p, q) => p.relative - q.relative || byCode(p.input, q.input));
    out.push({ buyer: l.c, buyerShare: grand > 0 ? l.v / grand : 0, inputs });
  }
  return out;
}

export const missingLinksRule: FindingRule = (x, o) => {
  if (x.inputOutput === undefined) return [];
  const groups = x.structure.industryGroups;
  return missingLinks(x.matrix, x.traded, x.inputOutput, o, (c) => groups[c] === 'primary').map((m): DraftOf<'missing-chain-link'> => {
    const strongest = Math.max(...m.inputs.map((i) => effect(i.relative, o.missingShareRatio)));
    return {
      id: `missing-chain-link:${m.buyer}`,
      kind: 'missing-chain-link',
      rule: 'F5',
      priority: strongest * m.buyerShare,
      data: { buyer: m.buyer, buyerShare: m.buyerShare, basis: x.measure, threshold: o.missingShareRatio, inputs: m.inputs.map((i) => ({ ...i })) },
      evidence: m.inputs.map((i) => ({
        measure: 'inputToBuyerRatio',
        units: [],
        values: { coefficient: i.coefficient, metroRatio: i.metroRatio, nationalRatio: i.nationalRatio, relative: i.relative },
      })),
      regions: [],
      industries: [m.buyer, ...m.inputs.map((i) => i.input)],
    };
  });
};
