/**
 * The positioning optimiser's core (issue 10, point 1): choose the lead industries of every unit of a metro area
 * at once, by a mixed-integer program solved with HiGHS (the `highs` WebAssembly package, CPLEX LP text input).
 *
 * Model. Units u = 1..U, industries i = 1..I (T ⊆ I the traded ones), capability c_ui, duplication weight
 * w_uv = w_vu ≥ 0 (e.g. linkage), penalty λ ≥ 0, leads per unit L, cap K on the leaders of one traded industry.
 *
 *   variables   x_ui ∈ {0, 1}            unit u leads industry i
 *               y_uvi ∈ [0, 1]           u < v both lead traded i (only where λ·w_uv > 0)
 *   maximise    Σ_ui c_ui x_ui − λ Σ_{u<v} w_uv Σ_{i∈T} y_uvi
 *   subject to  Σ_i x_ui = L                 for every unit u
 *               Σ_u x_ui ≤ K                 for every traded industry i
 *               y_uvi ≥ x_ui + x_vi − 1      (linearised duplication; y is pushed down to max(0, x_ui + x_vi − 1))
 *               x_ui = 1                     for every fixed choice (u, i)
 *
 * Before solving, the settings that cannot be met are reported by name (L > I; U · max(0, L − |I∖T|) > |T| · min(K, U);
 * more fixed choices than L in a unit or than K in a traded industry); a remaining infeasibility found by the solver
 * is reported with the three constraint families. All throw InvalidInputError with code `INFEASIBLE`. The objective
 * returned is recomputed from the chosen x (so it does not carry the solver's tolerances).
 */
import highsModule, { type Highs } from 'highs';
import { InvalidInputError } from '../errors/metro-error.ts';
import { planningMessages as m } from './messages.ts';

const fn = 'choosePositions';

/** An industry of the optimisation: its code and whether it is traded (only traded industries are capped and penalised). */
export interface PositioningIndustry {
  readonly code: string;
  readonly traded: boolean;
}

/** A choice fixed in advance (e.g. stated in a plan). */
export interface FixedPosition {
  readonly unit: string;
  readonly industry: string;
}

/** Input of {@link choosePositions}. */
export interface PositioningInput {
  /** Unit ids, in order. */
  readonly units: readonly string[];
  /** Industries, in order. */
  readonly industries: readonly PositioningIndustry[];
  /** Capability score per unit × industry, row-major (units × industries); finite. */
  readonly capability: Float64Array;
  /** Duplication weight per unit pair, units × units row-major, symmetric, finite and ≥ 0 (the diagonal is ignored). */
  readonly duplicationWeight: Float64Array;
  /** Choices fixed to 1. */
  readonly fixed?: readonly FixedPosition[];
}

/** Options of {@link choosePositions}. */
export interface PositioningOptions {
  /** Lead industries chosen for every unit (integer ≥ 1). Default 2. */
  readonly leadsPerUnit?: number;
  /** Most units that may lead one traded industry (integer ≥ 1). Default ceil(units / 3). */
  readonly maxLeadersPerIndustry?: number;
  /** λ, the weight of the duplication of traded industries among weighted pairs (finite, ≥ 0). Default 1. */
  readonly duplicationPenalty?: number;
}

/** The options actually used. */
export interface ResolvedPositioningOptions {
  readonly leadsPerUnit: number;
  readonly maxLeadersPerIndustry: number;
  readonly duplicationPenalty: number;
}

/** Result of {@link choosePositions}. */
export interface PositioningResult {
  /** The chosen industries of each unit, in input order (industry codes in input order). */
  readonly leads: readonly { readonly unit: string; readonly industries: readonly string[] }[];
  /** x as 0/1, units × industries row-major. */
  readonly chosen: Uint8Array;
  /** The objective: capability − duplicationPenalty · duplication. */
  readonly objective: number;
  /** Σ c_ui x_ui. */
  readonly capability: number;
  /** Σ_{u<v} w_uv · (number of traded industries both lead), before the penalty. */
  readonly duplication: number;
  readonly options: ResolvedPositioningOptions;
}

/** The defaults, for a given number of units. */
export function defaultPositioningOptions(units: number): ResolvedPositioningOptions {
  return { leadsPerUnit: 2, maxLeadersPerIndustry: Math.max(1, Math.ceil(units / 3)), duplicationPenalty: 1 };
}

let highsPromise: Promise<Highs> | undefined;

/**
 * The loader function. The package's types describe a CommonJS module (so NodeNext types the default import as the
 * namespace), while its ESM build, which Node and the bundlers load, exports the loader as default: accept both.
 */
type HighsLoader = typeof highsModule.default;
const highsExport = highsModule as unknown as HighsLoader | { readonly default: HighsLoader };
const highsLoader: HighsLoader = typeof highsExport === 'function' ? highsExport : highsExport.default;

/** The HiGHS module, loaded once (asynchronously) and reused; a failed load is retried on the next call. */
function loadHighs(): Promise<Highs> {
  const loading =
    highsPromise ??
    highsLoader().catch((e: unknown) => {
      highsPromise = undefined;
      throw e;
    });
  highsPromise = loading;
  return loading;
}

function resolveOptions(units: number, options: PositioningOptions): ResolvedPositioningOptions {
  const d = defaultPositioningOptions(units);
  const leadsPerUnit = options.leadsPerUnit ?? d.leadsPerUnit;
  const maxLeadersPerIndustry = options.maxLeadersPerIndustry ?? d.maxLeadersPerIndustry;
  const duplicationPenalty = options.duplicationPenalty ?? d.duplicationPenalty;
  if (!Number.isInteger(leadsPerUnit) || leadsPerUnit < 1)
    throw new InvalidInputError(m.invalidOption(fn, 'leadsPerUnit', leadsPerUnit, 'an integer ≥ 1'), undefined, 'INVALID_OPTION');
  if (!Number.isInteger(maxLeadersPerIndustry) || maxLeadersPerIndustry < 1)
    throw new InvalidInputError(m.invalidOption(fn, 'maxLeadersPerIndustry', maxLeadersPerIndustry, 'an integer ≥ 1'), undefined, 'INVALID_OPTION');
  if (!Number.isFinite(duplicationPenalty) || duplicationPenalty < 0)
    throw new InvalidInputError(m.invalidOption(fn, 'duplicationPenalty', duplicationPenalty, 'a finite number ≥ 0'), undefined, 'INVALID_OPTION');
  return { leadsPerUnit, maxLeadersPerIndustry, duplicationPenalty };
}

function checkLabels(what: string, labels: readonly string[]): Map<string, number> {
  if (labels.length === 0) throw new InvalidInputError(m.empty(fn, what));
  const index = new Map<string, number>();
  for (const [k, label] of labels.entries()) {
    if (index.has(label)) throw new InvalidInputError(m.duplicate(fn, what, label), { label });
    index.set(label, k);
  }
  return index;
}

/** Validates the input and the settings; returns the fixed choices as flat indices u·I + i. */
function validate(input: PositioningInput, o: ResolvedPositioningOptions): Set<number> {
  const unitIndex = checkLabels('unit', input.units);
  const industryIndex = checkLabels(
    'industry',
    input.industries.map((d) => d.code),
  );
  const U = input.units.length;
  const I = input.industries.length;
  if (input.capability.length !== U * I) throw new InvalidInputError(m.shape(fn, 'capability', input.capability.length, U * I));
  if (input.duplicationWeight.length !== U * U) throw new InvalidInputError(m.shape(fn, 'duplicationWeight', input.duplicationWeight.length, U * U));
  for (let k = 0; k < U * I; k++) {
    const c = input.capability[k] as number;
    if (!Number.isFinite(c)) {
      const where = `${input.units[Math.floor(k / I)]} × ${input.industries[k % I]?.code}`;
      throw new InvalidInputError(m.badValue(fn, 'capability', where, c, 'a finite number'), { index: k });
    }
  }
  for (let u = 0; u < U; u++) {
    for (let v = u + 1; v < U; v++) {
      const w = input.duplicationWeight[u * U + v] as number;
      const wt = input.duplicationWeight[v * U + u] as number;
      const where = `${input.units[u]} × ${input.units[v]}`;
      if (!Number.isFinite(w) || w < 0) throw new InvalidInputError(m.badValue(fn, 'duplicationWeight', where, w, 'a finite number ≥ 0'), { u, v });
      if (w !== wt) throw new InvalidInputError(m.badValue(fn, 'duplicationWeight', where, wt, `a symmetric matrix (${w})`), { u, v });
    }
  }
  const fixed = new Set<number>();
  for (const f of input.fixed ?? []) {
    const u = unitIndex.get(f.unit);
    if (u === undefined) throw new InvalidInputError(m.unknownLabel(fn, 'unit', f.unit), { unit: f.unit }, 'NOT_FOUND');
    const i = industryIndex.get(f.industry);
    if (i === undefined) throw new InvalidInputError(m.unknownLabel(fn, 'industry', f.industry), { industry: f.industry }, 'NOT_FOUND');
    fixed.add(u * I + i);
  }
  // The settings that conflict by themselves, named.
  const L = o.leadsPerUnit;
  const K = o.maxLeadersPerIndustry;
  if (L > I) throw new InvalidInputError(m.leadsExceedIndustries(fn, L, I), { leadsPerUnit: L, industries: I }, 'INFEASIBLE');
  const T = input.industries.filter((d) => d.traded).length;
  const nonTraded = I - T;
  const tradedPerUnit = Math.max(0, L - nonTraded);
  if (U * tradedPerUnit > T * Math.min(K, U))
    throw new InvalidInputError(
      m.tradedCapacity(fn, U, tradedPerUnit, T, Math.min(K, U), L, nonTraded),
      { units: U, leadsPerUnit: L, tradedIndustries: T, maxLeadersPerIndustry: K },
      'INFEASIBLE',
    );
  const perUnit = new Int32Array(U);
  const perIndustry = new Int32Array(I);
  for (const k of fixed) {
    perUnit[Math.floor(k / I)] = (perUnit[Math.floor(k / I)] as number) + 1;
    perIndustry[k % I] = (perIndustry[k % I] as number) + 1;
  }
  for (let u = 0; u < U; u++)
    if ((perUnit[u] as number) > L)
      throw new InvalidInputError(m.fixedPerUnit(fn, input.units[u] as string, perUnit[u] as number, L), { unit: input.units[u] }, 'INFEASIBLE');
  for (let i = 0; i < I; i++) {
    const d = input.industries[i] as PositioningIndustry;
    if (d.traded && (perIndustry[i] as number) > K)
      throw new InvalidInputError(m.fixedPerIndustry(fn, d.code, perIndustry[i] as number, K), { industry: d.code }, 'INFEASIBLE');
  }
  return fixed;
}

/** A coefficient term of the LP text: ` + 1.5 x_0_1` or ` - 2 x_0_1`. */
function term(coef: number, name: string): string {
  return coef < 0 ? ` - ${String(-coef)} ${name}` : ` + ${String(coef)} ${name}`;
}

/** The CPLEX LP text of the model (exported for tests and debugging; names are x_u_i, y_u_v_i by input index). */
export function positioningLp(input: PositioningInput, o: ResolvedPositioningOptions, fixed: ReadonlySet<number>): string {
  const U = input.units.length;
  const I = input.industries.length;
  const traded = input.industries.flatMap((d, i) => (d.traded ? [i] : []));
  const lines: string[] = ['Maximize'];
  let obj = ' obj:';
  for (let u = 0; u < U; u++) for (let i = 0; i < I; i++) obj += term(input.capability[u * I + i] as number, `x_${u}_${i}`);
  const ys: string[] = [];
  const yRows: string[] = [];
  if (o.duplicationPenalty > 0) {
    for (let u = 0; u < U; u++) {
      for (let v = u + 1; v < U; v++) {
        const coef = o.duplicationPenalty * (input.duplicationWeight[u * U + v] as number);
        if (!(coef > 0)) continue;
        for (const i of traded) {
          const y = `y_${u}_${v}_${i}`;
          ys.push(y);
          obj += term(-coef, y);
          yRows.push(` d_${u}_${v}_${i}: ${y} - x_${u}_${i} - x_${v}_${i} >= -1`);
        }
      }
    }
  }
  lines.push(obj, 'Subject To');
  for (let u = 0; u < U; u++) {
    const xs = Array.from({ length: I }, (_, i) => `x_${u}_${i}`).join(' + ');
    lines.push(` l_${u}: ${xs} = ${o.leadsPerUnit}`);
  }
  for (const i of traded) {
    const xs = Array.from({ length: U }, (_, u) => `x_${u}_${i}`).join(' + ');
    lines.push(` k_${i}: ${xs} <= ${o.maxLeadersPerIndustry}`);
  }
  lines.push(...yRows, 'Bounds');
  for (const k of [...fixed].sort((a, b) => a - b)) lines.push(` x_${Math.floor(k / I)}_${k % I} = 1`);
  for (const y of ys) lines.push(` 0 <= ${y} <= 1`);
  lines.push('Binary');
  for (let u = 0; u < U; u++) for (let i = 0; i < I; i++) lines.push(` x_${u}_${i}`);
  lines.push('End', '');
  return lines.join('\n');
}

/** Capability and duplication of a 0/1 choice (units × industries row-major). */
export function positioningObjective(
  input: PositioningInput,
  chosen: Uint8Array,
  duplicationPenalty: number,
): { objective: number; capability: number; duplication: number } {
  const U = input.units.length;
  const I = input.industries.length;
  let capability = 0;
  for (let k = 0; k < U * I; k++) if (chosen[k]) capability += input.capability[k] as number;
  let duplication = 0;
  for (let u = 0; u < U; u++) {
    for (let v = u + 1; v < U; v++) {
      const w = input.duplicationWeight[u * U + v] as number;
      if (w === 0) continue;
      let shared = 0;
      for (let i = 0; i < I; i++) if ((input.industries[i] as PositioningIndustry).traded && chosen[u * I + i] && chosen[v * I + i]) shared++;
      duplication += w * shared;
    }
  }
  return { objective: capability - duplicationPenalty * duplication, capability, duplication };
}

/**
 * Chooses `leadsPerUnit` lead industries for every unit, maximising capability minus the penalised duplication of
 * traded industries among weighted unit pairs, with at most `maxLeadersPerIndustry` leaders per traded industry and
 * the fixed choices kept (the model is in this file's header). Async: the HiGHS module is loaded on the first call.
 * Throws InvalidInputError: `INVALID_INPUT` (shapes, values), `INVALID_OPTION`, `NOT_FOUND` (a fixed choice's label),
 * `INFEASIBLE` (the settings conflict; the message names the constraints).
 */
export async function choosePositions(input: PositioningInput, options: PositioningOptions = {}): Promise<PositioningResult> {
  const o = resolveOptions(input.units.length, options);
  const fixed = validate(input, o);
  const U = input.units.length;
  const I = input.industries.length;
  const lp = positioningLp(input, o, fixed);
  const highs = await loadHighs();
  const solution = highs.solve(lp, { mip_rel_gap: 0, mip_abs_gap: 0, output_flag: false });
  if (solution.Status === 'Infeasible' || solution.Status === 'Primal infeasible or unbounded')
    throw new InvalidInputError(
      m.infeasible(fn, o.leadsPerUnit, o.maxLeadersPerIndustry, fixed.size),
      { leadsPerUnit: o.leadsPerUnit, maxLeadersPerIndustry: o.maxLeadersPerIndustry, fixed: fixed.size },
      'INFEASIBLE',
    );
  if (solution.Status !== 'Optimal') throw new Error(m.solverFailed(fn, solution.Status).en);
  const chosen = new Uint8Array(U * I);
  for (let u = 0; u < U; u++) {
    for (let i = 0; i < I; i++) {
      const col = solution.Columns[`x_${u}_${i}`];
      chosen[u * I + i] = col !== undefined && 'Primal' in col && col.Primal > 0.5 ? 1 : 0;
    }
  }
  const leads = input.units.map((unit, u) => ({
    unit,
    industries: input.industries.flatMap((d, i) => (chosen[u * I + i] ? [d.code] : [])),
  }));
  return { leads, chosen, ...positioningObjective(input, chosen, o.duplicationPenalty), options: o };
}
