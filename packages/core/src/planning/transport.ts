/**
 * Transport priorities (issue 10, point 4): the pairs of units whose expected interaction is high but whose rail
 * connection is poor or missing, ranked; pairs whose rail connection is unknown listed apart, never as gaps.
 *
 * Expected interaction of a pair a, b (docs/methodology/planning-transport.md):
 *   gravity   g_ab = √(P_a G_a) · √(P_b G_b) / d_ab^β      (methods.md M7; d = great-circle km, β = the analysis's exponent)
 *   chain     c_ab = C_ab + C_ba                            (methods.md M11, both directions; the analysis's composites)
 *   E_ab      = ĝ_ab · (1 + κ · ĉ_ab)                       (ĝ, ĉ = ÷ the metro's largest; κ = chainWeight, default 1)
 * Always on km, never on rail minutes — even when the analysis's linkage used minutes as impedance — so the expected
 * interaction does not already contain the rail time it is compared with. Units without population or GDP have no
 * mass: the analysis documents no fallback (linkage.ts: "shown, never filled"), so their pairs have no expected
 * interaction and are listed as not scored. The chain enters only when the table tells industries apart (the
 * analysis's `homogenisation.traded.judgeable`); on a three-sector table it is shown, not used.
 *
 * Rail status of a pair: the analysis's `linkage.pairs.railMinutes` (fastest direct train, mean of both directions)
 * and the planning context's rail gaps. Time-distance ratio TG = t / (d / v_ref) (methods.md M14, v_ref = 200 km/h):
 * a direct pair is `slow` when TG is above the metro median over the direct pairs and the straight-line speed d / t
 * is below the floor (default 120 km/h). `no-direct-train` = both units are in the source and no direct train runs;
 * `unknown` = a unit has no station in the source, no row names it, or the unit set has no timetable at all.
 *
 * Ranking: pairs with status slow or no-direct-train whose E is in the metro's top part (E ≥ the interaction quantile,
 * default the upper quartile, methods.md M14), by E (ties: the pair order). Headline = the first 12.
 */
import { InvalidInputError, type LocalizedText } from '../errors/metro-error.ts';
import type { TransportPart, TransportPriority, TransportUnit, UnitCoverage, UnknownReason, UnknownTransportPair } from './transport-schema.ts';
import type { PlanningContext } from './types.ts';

const fn = 'transportPriorities';

/** A timetable's date and how to read it, by source id. */
export interface TimetableDate {
  /** The date or validity, e.g. `2025-01-15` or `2020-12-30/2021-01-21`. */
  readonly date: string;
  /** Short, for sentences: e.g. "winter 2020/21 timetable, ≈ January 2021". */
  readonly label: LocalizedText;
  /** How the date is known, when the source does not state it. */
  readonly note?: LocalizedText;
}

/**
 * The dates of the embedded dataset's timetables (packages/data/raw/transport/SOURCES.md). The planning context
 * carries a row's source but not its date, so the core knows these two; pass others through `timetableDates`.
 */
export const defaultTimetableDates: Readonly<Record<string, TimetableDate>> = {
  CN_RAIL_CNRAIL_BOARDS: {
    date: '2020-12-30/2021-01-21',
    label: { en: 'winter 2020/21 timetable, ≈ January 2021', zh: '2020/21 年冬季时刻表，约 2021 年 1 月' },
    note: {
      en: 'The source states no date; line openings bound it: Yancheng–Nantong EMUs run (opened 2020-12-30), no Beijing–Chengde EMU (opened 2021-01-22).',
      zh: '来源未注明日期，由线路开通日期推定：盐通高铁动车已开行（2020-12-30 开通），京承段尚无动车（2021-01-22 开通）。',
    },
  },
  us_amtrak_gtfs_20241228: {
    date: '2025-01-15',
    label: { en: 'Amtrak GTFS, trains running on Wednesday 2025-01-15', zh: '美铁 GTFS，2025-01-15（星期三）运行的列车' },
  },
};

/** Options of {@link transportPriorities}. */
export interface TransportOptions {
  /**
   * The gravity mass M. `population-gdp`: √(P·G) (M7); a unit without GDP has no mass. `population`: P for every unit
   * (Zipf's P_a·P_b / d^β). `auto` (default): √(P·G) when every unit with a population has a GDP, else P for every
   * unit — one kind of mass for the whole metro, so that pairs stay comparable (BosWash MSAs have no GDP).
   */
  readonly mass?: 'auto' | 'population-gdp' | 'population';
  /** Gravity distance-decay exponent β (finite, ≥ 0). Default: the analysis's own (`linkage.exponent`, 2 by default; M7). */
  readonly gravityExponent?: number;
  /**
   * κ, how much chain complementarity raises the expected interaction: E = ĝ · (1 + κ · ĉ); the most complementary
   * pair's gravity counts (1 + κ) times. Finite, ≥ 0; 0 = gravity only. Default 1 (complementarity can at most double it).
   */
  readonly chainWeight?: number;
  /** A pair is in the metro's top part when E ≥ this quantile of E over the metro's pairs (0–1, < 1). Default 0.75 (M14: top quartile). */
  readonly interactionQuantile?: number;
  /** v_ref of TG = t / (d / v_ref), in km/h (> 0). Default 200 (UIC: the lower bound of high speed on upgraded lines). TG = v_ref ÷ straight-line speed. */
  readonly referenceSpeedKmh?: number;
  /**
   * A direct pair is slow only when its straight-line speed is also below this (km/h, > 0), so that a metro whose
   * trains are all fast flags none; `null` = the median alone decides. Default 120 (≈ a 160 km/h "fast railway" service
   * after a route detour of 1.3: below it the pair has no high-speed-grade service).
   */
  readonly speedFloorKmh?: number | null;
  /** Number of priorities in the headline list (integer ≥ 0). Default 12. */
  readonly headline?: number;
  /** Timetable dates by source id. Default {@link defaultTimetableDates}. */
  readonly timetableDates?: Readonly<Record<string, TimetableDate>>;
}

/** Defaults of {@link TransportOptions} (`gravityExponent`: the analysis's own). */
export const defaultTransportOptions = {
  mass: 'auto',
  chainWeight: 1,
  interactionQuantile: 0.75,
  referenceSpeedKmh: 200,
  speedFloorKmh: 120,
  headline: 12,
} as const;

interface Resolved {
  readonly mass: 'auto' | 'population-gdp' | 'population';
  readonly gravityExponent: number;
  readonly chainWeight: number;
  readonly interactionQuantile: number;
  readonly referenceSpeedKmh: number;
  readonly speedFloorKmh: number | null;
  readonly headline: number;
  readonly timetableDates: Readonly<Record<string, TimetableDate>>;
}

// ---- texts

/** Numbers in texts: 3 significant digits (the columns keep the full value). */
const fmt = (v: number | null): string =>
  v === null
    ? '—'
    : v === 0
      ? '0'
      : Math.abs(v) >= 1e6
        ? v.toExponential(2)
        : Math.abs(v) >= 100
          ? v.toFixed(0)
          : Math.abs(v) >= 10
            ? v.toFixed(1)
            : v.toPrecision(3);

const messages = {
  invalidOption: (option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${JSON.stringify(value)}）；应为 ${expected}。`,
  }),
  pairCount: (what: string, got: number, expected: number): LocalizedText => ({
    en: `${fn}: ${what} has ${got} pairs (got an analysis whose parts disagree); expected ${expected}, one per pair of its units.`,
    zh: `${fn}：${what} 有 ${got} 个单元对（分析的各部分不一致）；应为 ${expected} 个，每对单元一个。`,
  }),
  notInSource: (name: string, sources: string): LocalizedText => ({
    en: `${name}: no station of it is in the timetable source (${sources}) — its pairs are unknown, not gaps in service.`,
    zh: `${name}：时刻表来源（${sources}）中没有它的车站——其单元对为未知，而不是缺少服务。`,
  }),
  noRow: (name: string, topLevel: boolean): LocalizedText =>
    topLevel
      ? {
          en: `${name}: no timetable row names this unit — it is a province-level unit (directly under the country) and the source times trains between cities, not provinces; its pairs are unknown.`,
          zh: `${name}：时刻表中没有该单元的记录——它是省级单元（直属国家），而来源记录的是城市之间的列车，不是省之间；其单元对为未知。`,
        }
      : { en: `${name}: no timetable row names this unit; its pairs are unknown.`, zh: `${name}：时刻表中没有该单元的记录；其单元对为未知。` },
  noTimetable: (name: string): LocalizedText => ({
    en: `${name}: no timetable row links two units of this unit set (no timetable is stored for them, or its units are cities and these are not); every pair is unknown.`,
    zh: `${name}：时刻表中没有连接该单元集任意两个单元的记录（未收录其时刻表，或时刻表以城市为单元而这些单元不是城市）；所有单元对均为未知。`,
  }),
  unknownPair: (a: string, b: string, reason: UnknownReason, uncovered: string): LocalizedText =>
    reason === 'pair-not-in-source'
      ? { en: `${a} – ${b}: rail connection unknown — the source has no row for this pair.`, zh: `${a}—${b}：铁路联系未知——来源中没有该单元对的记录。` }
      : reason === 'no-timetable-data'
        ? { en: `${a} – ${b}: rail connection unknown — no timetable data for the unit set.`, zh: `${a}—${b}：铁路联系未知——该单元集没有时刻表数据。` }
        : {
            en: `${a} – ${b}: rail connection unknown — not covered by the timetable: ${uncovered}.`,
            zh: `${a}—${b}：铁路联系未知——时刻表未覆盖：${uncovered}。`,
          },
  unknownSummary: (count: number, pairs: number, top: number, listed: boolean): LocalizedText => ({
    en:
      `${count} of ${pairs} pairs have an unknown rail connection (${top} of them in the top part of expected interaction); ` +
      (listed
        ? 'the top-part ones are listed by expected interaction — an order, not a ranking of gaps: whether their link is poor is not known.'
        : 'no unit has timetable data, so none is listed.'),
    zh:
      `${pairs} 个单元对中有 ${count} 个铁路联系未知（其中 ${top} 个位于预期联系强度的前列）；` +
      (listed ? '前列者按预期联系强度列出——这只是顺序，不是缺口排名：其联系是否薄弱并不知道。' : '没有单元有时刻表数据，因此不逐一列出。'),
  }),
  noMass: (a: string, b: string, status: string): LocalizedText => ({
    en: `${a} – ${b} (${status}): expected interaction unknown — population, GDP or a representative point is missing (a gap, not filled).`,
    zh: `${a}—${b}（${status === 'slow' ? '慢速' : '无直达列车'}）：预期联系强度未知——缺少人口、GDP 或代表点（数据缺口，未填补）。`,
  }),
  titleNoDirect: (a: string, b: string, e: number, thr: number, date: LocalizedText): LocalizedText => ({
    en: `${a} – ${b}: no direct train (${date.en}), though the expected interaction ${fmt(e)} is in the metro's top part (≥ ${fmt(thr)}).`,
    zh: `${a}—${b}：无直达列车（${date.zh}），而预期联系强度 ${fmt(e)} 位于都市圈前列（≥ ${fmt(thr)}）。`,
  }),
  titleSlow: (a: string, b: string, minutes: number, km: number, speed: number, tg: number, median: number, floor: number | null): LocalizedText => ({
    en:
      `${a} – ${b}: slow for the distance — fastest direct train ${fmt(minutes)} min for ${fmt(km)} km (${fmt(speed)} km/h straight-line; ` +
      `TG ${fmt(tg)} above the metro median ${fmt(median)}${floor === null ? '' : ` and speed below the ${fmt(floor)} km/h floor`}).`,
    zh:
      `${a}—${b}：相对距离偏慢——最快直达列车 ${fmt(minutes)} 分钟、直线距离 ${fmt(km)} 公里（直线速度 ${fmt(speed)} 公里/小时；` +
      `时间距离比 TG ${fmt(tg)} 高于都市圈中位数 ${fmt(median)}${floor === null ? '' : `，且速度低于 ${fmt(floor)} 公里/小时的下限`}）。`,
  }),
  detail: (
    p: {
      a: string;
      b: string;
      mass: 'population-gdp' | 'population';
      ma: number;
      mb: number;
      g: number;
      gn: number;
      km: number;
      c: number | null;
      cn: number | null;
      used: boolean;
      e: number;
    },
    source: string,
    date: LocalizedText,
    transfer: boolean,
  ): LocalizedText => ({
    en:
      `Masses ${p.mass === 'population' ? 'P (population)' : '√(P·G)'}: ${p.a} ${fmt(p.ma)}, ${p.b} ${fmt(p.mb)}; gravity ${fmt(p.g)} at ${fmt(p.km)} km (${fmt(p.gn)} of the metro's largest); ` +
      (p.c === null
        ? 'no chain complementarity (no input–output table); '
        : `chain complementarity ${fmt(p.c)} (${fmt(p.cn)} of the largest${p.used ? '' : ', shown, not used'}); `) +
      `expected interaction ${fmt(p.e)}. Source ${source}, ${date.en}.` +
      (transfer
        ? ' The source lists direct trains between its own stations only: a journey with a change, an untimed conventional train, or a train from a station the source lacks may exist.'
        : ''),
    zh:
      `引力质量 ${p.mass === 'population' ? 'P（人口）' : '√(P·G)'}：${p.a} ${fmt(p.ma)}，${p.b} ${fmt(p.mb)}；直线距离 ${fmt(p.km)} 公里下的引力 ${fmt(p.g)}（为都市圈最大值的 ${fmt(p.gn)}）；` +
      (p.c === null ? '无产业链互补性（无投入产出表）；' : `产业链互补性 ${fmt(p.c)}（为最大值的 ${fmt(p.cn)}${p.used ? '' : '，仅列示，未计入'}）；`) +
      `预期联系强度 ${fmt(p.e)}。来源 ${source}，${date.zh}。` +
      (transfer ? '来源只列其收录车站之间的直达列车：换乘、未计时的普速列车或来源未收录车站的列车可能存在。' : ''),
  }),
  massPopulationGdp: (): LocalizedText => ({
    en: 'Mass √(P·G) from population and GDP (methods.md M7).',
    zh: '引力质量为 √(P·G)，取自人口与 GDP（methods.md M7）。',
  }),
  massPopulationAsked: (): LocalizedText => ({ en: 'Mass P (population), as asked (option mass).', zh: '按选项 mass 的要求，引力质量为人口 P。' }),
  massPopulationAuto: (units: readonly string[]): LocalizedText => ({
    en: `Mass P (population) for every unit: GDP is missing for ${units.join(', ')}, and the analysis fills no mass (a gap, never estimated); one kind of mass keeps the pairs comparable.`,
    zh: `所有单元的引力质量均取人口 P：${units.join('、')} 缺少 GDP，而分析不填补质量（数据缺口，从不估算）；统一一种质量，单元对之间才可比。`,
  }),
  noMassUnits: (total: number, names: readonly string[], zh: boolean): LocalizedText => {
    const more = total > names.length ? (zh ? ` 等 ${total} 个` : ` and ${total - names.length} more`) : '';
    const list = names.join(zh ? '、' : ', ') + more;
    return {
      en: `No mass for ${total} units (population or GDP missing: ${list}), a gap in the data, not filled: their pairs have no expected interaction.`,
      zh: `${total} 个单元缺少引力质量（缺少人口或 GDP：${list}），为数据缺口，未填补：其单元对没有预期联系强度。`,
    };
  },
  noPointUnits: (total: number, names: readonly string[], zh: boolean): LocalizedText => {
    const more = total > names.length ? (zh ? ` 等 ${total} 个` : ` and ${total - names.length} more`) : '';
    const list = names.join(zh ? '、' : ', ') + more;
    return {
      en: `No representative point for ${total} units (${list}): no distance, so their pairs have no gravity, speed or time-distance ratio.`,
      zh: `${total} 个单元缺少代表点（${list}）：没有距离，其单元对没有引力、速度与时间距离比。`,
    };
  },
  undatedSource: (source: string): LocalizedText => ({ en: `${source}: timetable date not given`, zh: `${source}：未给出时刻表日期` }),
  noteKm: (kind: 'rail-minutes' | 'km'): LocalizedText =>
    kind === 'rail-minutes'
      ? {
          en: "The analysis's linkage used rail minutes as impedance; the expected interaction here is recomputed on great-circle km so that it does not already contain the rail time it is compared with.",
          zh: '分析的联系强度以铁路分钟为阻抗；此处的预期联系强度按大圆距离（公里）重新计算，以免其中已含有所要比较的铁路时间。',
        }
      : {
          en: "Gravity on great-circle km, as the analysis's own linkage (no rail time enters the expected interaction).",
          zh: '引力按大圆距离（公里）计算，与分析的联系强度相同（预期联系强度中不含铁路时间）。',
        },
  noteChainCoarse: (classification: string): LocalizedText => ({
    en: `Chain complementarity is shown but not used: the ${classification} table has too few traded industries to tell industries apart (a three-sector table cannot judge industries), so the expected interaction is gravity alone.`,
    zh: `产业链互补性仅列示、未计入：${classification} 表的可贸易行业过少，无法区分行业（三次产业表无法判断行业），因此预期联系强度仅为引力。`,
  }),
  noteChainNone: (): LocalizedText => ({
    en: 'No input–output table maps to the classification: the expected interaction is gravity alone.',
    zh: '没有可映射到该分类的投入产出表：预期联系强度仅为引力。',
  }),
  noteChainZero: (): LocalizedText => ({
    en: 'No pair has any chain complementarity: the expected interaction is gravity alone.',
    zh: '没有单元对具有产业链互补性：预期联系强度仅为引力。',
  }),
  noteChainWeightZero: (): LocalizedText => ({
    en: 'chainWeight is 0: the expected interaction is gravity alone.',
    zh: 'chainWeight 为 0：预期联系强度仅为引力。',
  }),
  noteMedian: (direct: number, median: number | null, floor: number | null, vref: number): LocalizedText => ({
    en:
      median === null
        ? 'No pair has a direct train and a distance: no pair can be slow.'
        : `Median time-distance ratio over the ${direct} pairs with a direct train: ${fmt(median)} (v_ref ${fmt(vref)} km/h, i.e. ${fmt(vref / median)} km/h straight-line); ` +
          (floor === null ? 'a direct pair above it is slow.' : `a direct pair above it and slower than ${fmt(floor)} km/h is slow.`),
    zh:
      median === null
        ? '没有同时具有直达列车和距离的单元对：不判断慢速。'
        : `${direct} 个有直达列车的单元对的时间距离比中位数：${fmt(median)}（参考速度 ${fmt(vref)} 公里/小时，即直线速度 ${fmt(vref / median)} 公里/小时）；` +
          (floor === null ? '高于中位数的直达单元对为慢速。' : `高于中位数且直线速度低于 ${fmt(floor)} 公里/小时的直达单元对为慢速。`),
  }),
  noteInVehicle: (): LocalizedText => ({
    en: 'Times are scheduled in-vehicle minutes of the fastest direct train (no access, waiting or transfer); the network has changed since the timetable date.',
    zh: '时间为最快直达列车的计划在车时间（不含到站、候车与换乘）；时刻表日期之后线网已有变化。',
  }),
};

// ---- computation

function resolve(ctx: PlanningContext, options: TransportOptions): Resolved {
  const gravityExponent = options.gravityExponent ?? ctx.analysis.linkage.exponent;
  const chainWeight = options.chainWeight ?? defaultTransportOptions.chainWeight;
  const interactionQuantile = options.interactionQuantile ?? defaultTransportOptions.interactionQuantile;
  const referenceSpeedKmh = options.referenceSpeedKmh ?? defaultTransportOptions.referenceSpeedKmh;
  const speedFloorKmh = options.speedFloorKmh === undefined ? defaultTransportOptions.speedFloorKmh : options.speedFloorKmh;
  const headline = options.headline ?? defaultTransportOptions.headline;
  const mass = options.mass ?? defaultTransportOptions.mass;
  const bad = (name: string, value: unknown, expected: string): InvalidInputError =>
    new InvalidInputError(messages.invalidOption(name, value, expected), { option: name, value }, 'INVALID_OPTION');
  if (!(Number.isFinite(gravityExponent) && gravityExponent >= 0)) throw bad('gravityExponent', gravityExponent, 'a finite number ≥ 0');
  if (!(Number.isFinite(chainWeight) && chainWeight >= 0)) throw bad('chainWeight', chainWeight, 'a finite number ≥ 0');
  if (!(interactionQuantile >= 0 && interactionQuantile < 1)) throw bad('interactionQuantile', interactionQuantile, 'a number in [0, 1)');
  if (!(Number.isFinite(referenceSpeedKmh) && referenceSpeedKmh > 0)) throw bad('referenceSpeedKmh', referenceSpeedKmh, 'a finite number > 0 (km/h)');
  if (speedFloorKmh !== null && !(Number.isFinite(speedFloorKmh) && speedFloorKmh > 0))
    throw bad('speedFloorKmh', speedFloorKmh, 'a finite number > 0 (km/h) or null');
  if (!(Number.isInteger(headline) && headline >= 0)) throw bad('headline', headline, 'an integer ≥ 0');
  if (mass !== 'auto' && mass !== 'population-gdp' && mass !== 'population') throw bad('mass', mass, "'auto', 'population-gdp' or 'population'");
  return {
    mass,
    gravityExponent,
    chainWeight,
    interactionQuantile,
    referenceSpeedKmh,
    speedFloorKmh,
    headline,
    timetableDates: options.timetableDates ?? defaultTimetableDates,
  };
}

/** Quantile by linear interpolation between order statistics (Hyndman & Fan 1996 type 7, R's default); `sorted` ascending. */
function quantile(sorted: Float64Array, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * The transport priorities of a metro: pairs whose expected interaction (gravity on km and chain complementarity)
 * is in the metro's top part but whose rail connection is slow or has no direct train, ranked by expected
 * interaction; pairs without timetable data listed apart as unknown. Pure and synchronous; the result is JSON-ready
 * and deterministic (see ./transport-schema.ts and docs/methodology/planning-transport.md).
 *
 * Throws `InvalidInputError`: `INVALID_OPTION` (an option out of range), `INVALID_INPUT` (the analysis's pair parts
 * do not have one entry per pair of its units).
 *
 * @example
 * const part = transportPriorities(ctx);
 * part.headline[0]?.title.en; // "Beijing – Chengde: no direct train (winter 2020/21 timetable, ≈ January 2021), though …"
 */
export function transportPriorities(ctx: PlanningContext, options: TransportOptions = {}): TransportPart {
  const o = resolve(ctx, options);
  const { analysis } = ctx;
  const units = analysis.units;
  const n = units.length;
  const count = (n * (n - 1)) / 2;
  const lp = analysis.linkage.pairs;
  if (lp.a.length !== count)
    throw new InvalidInputError(messages.pairCount('analysis.linkage.pairs', lp.a.length, count), { got: lp.a.length, expected: count });
  const index = new Map(units.map((u, k) => [u.id, k]));
  const nameEn = (k: number): string => units[k]?.nameEn ?? '';
  const nameZh = (k: number): string => units[k]?.nameZh ?? units[k]?.nameEn ?? '';

  // Masses from the overview (by unit id).
  const overview = new Map(analysis.overview.map((v) => [v.unit, v]));
  const mass = new Float64Array(n).fill(-1);
  const unitRows: TransportUnit[] = [];
  const massValue = (v: { value: number; unit: string; year: number; source: string } | null | undefined) =>
    v == null ? null : { value: v.value, unit: v.unit, year: v.year, source: v.source };
  const pop = (k: number): number | null => overview.get(units[k]?.id as string)?.population?.value ?? null;
  const gdp = (k: number): number | null => overview.get(units[k]?.id as string)?.gdp?.value ?? null;
  const withPopulation = units.map((_, k) => k).filter((k) => pop(k) !== null);
  const withoutGdp = withPopulation.filter((k) => gdp(k) === null);
  const massKind: 'population-gdp' | 'population' =
    o.mass === 'population' || (o.mass === 'auto' && withoutGdp.length > 0 && withPopulation.length > 0) ? 'population' : 'population-gdp';
  for (let k = 0; k < n; k++) {
    const p = pop(k);
    const g = gdp(k);
    if (massKind === 'population' && p !== null && p >= 0) mass[k] = p;
    else if (p !== null && g !== null && p >= 0 && g >= 0) mass[k] = Math.sqrt(p * g);
  }
  const massReason =
    massKind === 'population-gdp'
      ? messages.massPopulationGdp()
      : o.mass === 'population'
        ? messages.massPopulationAsked()
        : both(messages.massPopulationAuto(withoutGdp.map(nameEn)), messages.massPopulationAuto(withoutGdp.map(nameZh)));

  // Pair slots a*n+b (a < b) → column q.
  const slot = new Int32Array(n * n).fill(-1);
  for (let q = 0; q < count; q++) slot[(lp.a[q] as number) * n + (lp.b[q] as number)] = q;

  // Gravity on km.
  const km = new Float64Array(count).fill(-1);
  const gravity = new Float64Array(count).fill(-1);
  let gMax = 0;
  for (let q = 0; q < count; q++) {
    const d = lp.km[q];
    if (d == null || !(d > 0)) continue;
    km[q] = d;
    const ma = mass[lp.a[q] as number] as number;
    const mb = mass[lp.b[q] as number] as number;
    if (ma < 0 || mb < 0) continue;
    const g = (ma * mb) / d ** o.gravityExponent;
    gravity[q] = g;
    if (g > gMax) gMax = g;
  }

  // Chain complementarity, both directions.
  const comp = analysis.complementarity;
  const hasTable = comp.table !== null;
  const chainAb = new Float64Array(count).fill(-1);
  const chainBa = new Float64Array(count).fill(-1);
  let cMax = 0;
  if (hasTable) {
    if (comp.pairs.a.length !== count) throw new InvalidInputError(messages.pairCount('analysis.complementarity.pairs', comp.pairs.a.length, count));
    for (let k = 0; k < count; k++) {
      const a = comp.pairs.a[k] as number;
      const b = comp.pairs.b[k] as number;
      const q = slot[Math.min(a, b) * n + Math.max(a, b)] as number;
      if (q < 0) continue;
      // Stored as (a < b): composite = a supplies b; reverse = b supplies a.
      const forward = comp.pairs.composite[k] as number;
      const reverse = comp.pairs.reverse[k] as number;
      chainAb[q] = a < b ? forward : reverse;
      chainBa[q] = a < b ? reverse : forward;
      const s = forward + reverse;
      if (s > cMax) cMax = s;
    }
  }
  const judgeable = analysis.homogenisation.traded.judgeable;
  const chainUsed = hasTable && judgeable && cMax > 0 && o.chainWeight > 0;
  const basisNotes: LocalizedText[] = [messages.noteKm(analysis.linkage.impedance.kind)];
  // Units without a mass or a point, named (the first ten) in each language.
  const shown = 10;
  const massless = units.map((_, k) => k).filter((k) => (mass[k] as number) < 0);
  if (massless.length > 0) {
    const first = massless.slice(0, shown);
    basisNotes.push(both(messages.noMassUnits(massless.length, first.map(nameEn), false), messages.noMassUnits(massless.length, first.map(nameZh), true)));
  }
  const pointless = units.map((_, k) => k).filter((k) => units[k]?.lon === null || units[k]?.lat === null);
  if (pointless.length > 0) {
    const first = pointless.slice(0, shown);
    basisNotes.push(both(messages.noPointUnits(pointless.length, first.map(nameEn), false), messages.noPointUnits(pointless.length, first.map(nameZh), true)));
  }
  if (!hasTable) basisNotes.push(messages.noteChainNone());
  else if (!judgeable) basisNotes.push(messages.noteChainCoarse(analysis.unitSet.classification));
  else if (!(cMax > 0)) basisNotes.push(messages.noteChainZero());
  else if (o.chainWeight === 0) basisNotes.push(messages.noteChainWeightZero());

  // Expected interaction and the top part.
  const interaction = new Float64Array(count).fill(-1);
  const known: number[] = [];
  for (let q = 0; q < count; q++) {
    const g = gravity[q] as number;
    if (g < 0 || !(gMax > 0)) continue;
    const c = chainUsed ? ((chainAb[q] as number) + (chainBa[q] as number)) / cMax : 0;
    const e = (g / gMax) * (1 + o.chainWeight * c);
    interaction[q] = e;
    known.push(e);
  }
  const threshold = quantile(Float64Array.from(known).sort(), o.interactionQuantile);
  const inTop = (q: number): boolean | null => ((interaction[q] as number) < 0 || threshold === null ? null : (interaction[q] as number) >= threshold);

  // Timetable coverage of the units, from the timed rows and the rail gaps.
  const coverage = new Int8Array(n); // 0 none, 1 not-in-source row, 2 covered
  const fastest = new Float64Array(count).fill(-1);
  const rowSource: (string | null)[] = new Array(count).fill(null);
  const sourcePairs = new Map<string, Set<number>>();
  const notePair = (source: string, q: number) => {
    let s = sourcePairs.get(source);
    if (s === undefined) sourcePairs.set(source, (s = new Set()));
    s.add(q);
  };
  for (const t of ctx.input.travelTimes ?? []) {
    const a = index.get(t.origin);
    const b = index.get(t.destination);
    if (a === undefined || b === undefined || a === b || !(t.minutes > 0)) continue;
    coverage[a] = 2;
    coverage[b] = 2;
    const q = slot[Math.min(a, b) * n + Math.max(a, b)] as number;
    notePair(t.source, q);
    const f = fastest[q] as number;
    if (f < 0 || t.minutes < f || (t.minutes === f && t.source < (rowSource[q] as string))) {
      fastest[q] = t.minutes;
      rowSource[q] = t.source;
    }
  }
  const noDirect: (string | null)[] = new Array(count).fill(null);
  for (const g of ctx.railGaps) {
    const a = index.get(g.origin);
    const b = index.get(g.destination);
    if (a === undefined || b === undefined || a === b) continue;
    const q = slot[Math.min(a, b) * n + Math.max(a, b)] as number;
    if (g.reason === 'no-direct-train') {
      coverage[a] = 2;
      coverage[b] = 2;
      if (noDirect[q] === null || g.source < (noDirect[q] as string)) noDirect[q] = g.source;
      notePair(g.source, q);
    } else {
      if ((coverage[a] as number) < 1) coverage[a] = 1;
      if ((coverage[b] as number) < 1) coverage[b] = 1;
    }
  }
  const anyData = ctx.railGaps.some((g) => index.has(g.origin) && index.has(g.destination)) || sourcePairs.size > 0;
  const sourceNames = [
    ...new Set([...sourcePairs.keys(), ...ctx.railGaps.filter((g) => index.has(g.origin) && index.has(g.destination)).map((g) => g.source)]),
  ].sort();
  // Directly under the country: parent null (the context's top level) or the country itself (e.g. CN-130000 → CN).
  const topLevel = (id: string): boolean => ctx.parents[id] === null || ctx.parents[id] === analysis.metro.country;
  const unitCoverage: UnitCoverage[] = [];
  for (let k = 0; k < n; k++) {
    const u = units[k] as (typeof units)[number];
    const c: UnitCoverage = !anyData ? 'no-timetable-data' : coverage[k] === 2 ? 'covered' : coverage[k] === 1 ? 'not-in-source' : 'no-row';
    unitCoverage.push(c);
    const name = `${u.nameEn}`;
    const reason: LocalizedText | null =
      c === 'covered'
        ? null
        : c === 'not-in-source'
          ? both(messages.notInSource(name, sourceNames.join(', ')), messages.notInSource(nameZh(k), sourceNames.join('、')))
          : c === 'no-row'
            ? both(messages.noRow(name, topLevel(u.id)), messages.noRow(nameZh(k), topLevel(u.id)))
            : both(messages.noTimetable(name), messages.noTimetable(nameZh(k)));
    const v = overview.get(u.id);
    unitRows.push({
      id: u.id,
      nameEn: u.nameEn,
      nameZh: u.nameZh,
      population: massValue(v?.population),
      gdp: massValue(v?.gdp),
      mass: (mass[k] as number) >= 0 ? (mass[k] as number) : null,
      coverage: c,
      reason,
    });
  }

  // Rail status, speed and TG.
  const status: TransportPart['pairs']['status'][number][] = new Array(count);
  const minutes = new Float64Array(count).fill(-1);
  const speed = new Float64Array(count).fill(-1);
  const tg = new Float64Array(count).fill(-1);
  const directTg: number[] = [];
  for (let q = 0; q < count; q++) {
    const a = lp.a[q] as number;
    const b = lp.b[q] as number;
    const t = lp.railMinutes[q];
    if (t != null && t > 0) {
      status[q] = 'direct';
      minutes[q] = t;
      const d = km[q] as number;
      if (d > 0) {
        speed[q] = d / (t / 60);
        tg[q] = t / ((d / o.referenceSpeedKmh) * 60);
        directTg.push(tg[q] as number);
      }
    } else if (unitCoverage[a] !== 'covered' || unitCoverage[b] !== 'covered') status[q] = 'unknown';
    else if (noDirect[q] !== null) status[q] = 'no-direct-train';
    else status[q] = 'unknown';
  }
  const medianTg = median(directTg);
  const aboveMedian = (q: number): boolean => medianTg !== null && (tg[q] as number) > medianTg;
  const belowFloor = (q: number): boolean | null => (o.speedFloorKmh === null ? null : (speed[q] as number) >= 0 && (speed[q] as number) < o.speedFloorKmh);
  for (let q = 0; q < count; q++) if (status[q] === 'direct' && (tg[q] as number) >= 0 && aboveMedian(q) && belowFloor(q) !== false) status[q] = 'slow';

  // Sources of the pairs, with their dates.
  const dateOf = (source: string): LocalizedText & { date: string | null; note: LocalizedText | null } => {
    const d = o.timetableDates[source];
    if (d !== undefined) return { date: d.date, note: d.note ?? null, en: d.label.en, zh: d.label.zh };
    // Else the date the data state for the source (a user-defined metro's travel times), if any.
    const stated = ctx.timetables?.find((t) => t.source === source)?.date ?? null;
    return stated === null
      ? { date: null, note: null, ...messages.undatedSource(source) }
      : { date: stated, note: null, en: `timetable of ${stated} (${source})`, zh: `${stated} 时刻表（${source}）` };
  };
  const pairSource = (q: number): string | null => rowSource[q] ?? noDirect[q] ?? null;

  // Priorities.
  const eligible: number[] = [];
  const notScored: TransportPart['notScored'][number][] = [];
  for (let q = 0; q < count; q++) {
    const s = status[q];
    if (s !== 'slow' && s !== 'no-direct-train') continue;
    const top = inTop(q);
    if (top === null) {
      const a = lp.a[q] as number;
      const b = lp.b[q] as number;
      notScored.push({
        a: units[a]?.id as string,
        b: units[b]?.id as string,
        status: s,
        reason: both(messages.noMass(nameEn(a), nameEn(b), s), messages.noMass(nameZh(a), nameZh(b), s)),
      });
    } else if (top) eligible.push(q);
  }
  eligible.sort((x, y) => (interaction[y] as number) - (interaction[x] as number) || x - y);
  const priorities: TransportPriority[] = eligible.map((q, r) => {
    const a = lp.a[q] as number;
    const b = lp.b[q] as number;
    const s = status[q] as 'slow' | 'no-direct-train';
    const source = pairSource(q) as string;
    const date = dateOf(source);
    const g = gravity[q] as number;
    const c = hasTable ? (chainAb[q] as number) + (chainBa[q] as number) : null;
    const cn = c !== null && cMax > 0 ? c / cMax : null;
    const e = interaction[q] as number;
    const d = km[q] as number;
    const direct = s === 'slow';
    const unit = (k: number) => {
      const v = overview.get(units[k]?.id as string);
      return {
        id: units[k]?.id as string,
        nameEn: nameEn(k),
        nameZh: units[k]?.nameZh ?? null,
        population: v?.population?.value as number,
        gdp: massKind === 'population' ? null : (v?.gdp?.value as number),
        mass: mass[k] as number,
      };
    };
    const title = direct
      ? both(
          messages.titleSlow(nameEn(a), nameEn(b), minutes[q] as number, d, speed[q] as number, tg[q] as number, medianTg as number, o.speedFloorKmh),
          messages.titleSlow(nameZh(a), nameZh(b), minutes[q] as number, d, speed[q] as number, tg[q] as number, medianTg as number, o.speedFloorKmh),
        )
      : both(
          messages.titleNoDirect(nameEn(a), nameEn(b), e, threshold as number, date),
          messages.titleNoDirect(nameZh(a), nameZh(b), e, threshold as number, date),
        );
    const numbers = { mass: massKind, ma: mass[a] as number, mb: mass[b] as number, g, gn: g / gMax, km: d, c, cn, used: chainUsed, e };
    const detail = both(
      messages.detail({ a: nameEn(a), b: nameEn(b), ...numbers }, source, date, !direct),
      messages.detail({ a: nameZh(a), b: nameZh(b), ...numbers }, source, date, !direct),
    );
    return {
      rank: r + 1,
      a: unit(a),
      b: unit(b),
      status: s,
      km: d,
      gravity: g,
      gravityNormalised: g / gMax,
      chain: c === null ? null : { ab: chainAb[q] as number, ba: chainBa[q] as number, sum: c, normalised: cn, used: chainUsed },
      interaction: e,
      interactionThreshold: threshold as number,
      rail: {
        minutes: direct ? (minutes[q] as number) : null,
        speedKmh: direct ? (speed[q] as number) : null,
        timeRatio: direct ? (tg[q] as number) : null,
        medianTimeRatio: medianTg,
        aboveMedian: direct ? true : null,
        belowFloor: direct ? belowFloor(q) : null,
        transferMayExist: !direct,
        source,
        timetableDate: date.date,
      },
      title,
      detail,
    };
  });

  // Unknown pairs: counted; the top-part ones listed by expected interaction.
  const unknownTop: number[] = [];
  let unknownCount = 0;
  for (let q = 0; q < count; q++) {
    if (status[q] !== 'unknown') continue;
    unknownCount++;
    if (anyData && inTop(q) === true) unknownTop.push(q);
  }
  unknownTop.sort((x, y) => (interaction[y] as number) - (interaction[x] as number) || x - y);
  const unknownPairs: UnknownTransportPair[] = unknownTop.map((q) => {
    const a = lp.a[q] as number;
    const b = lp.b[q] as number;
    const uncovered = [a, b].filter((k) => unitCoverage[k] !== 'covered');
    const reason: UnknownReason = uncovered.length === 0 ? 'pair-not-in-source' : 'unit-not-covered';
    return {
      a: units[a]?.id as string,
      b: units[b]?.id as string,
      interaction: interaction[q] as number,
      topPart: true,
      reason,
      uncovered: uncovered.map((k) => units[k]?.id as string),
      text: both(
        messages.unknownPair(nameEn(a), nameEn(b), reason, uncovered.map(nameEn).join(', ')),
        messages.unknownPair(nameZh(a), nameZh(b), reason, uncovered.map(nameZh).join('、')),
      ),
    };
  });
  let unknownInTop = 0;
  for (let q = 0; q < count; q++) if (status[q] === 'unknown' && inTop(q) === true) unknownInTop++;

  const counts = { pairs: count, direct: 0, slow: 0, noDirectTrain: 0, unknown: 0 };
  for (const s of status) {
    if (s === 'direct') counts.direct++;
    else if (s === 'slow') counts.slow++;
    else if (s === 'no-direct-train') counts.noDirectTrain++;
    else counts.unknown++;
  }
  const orNull = (arr: Float64Array, q: number): number | null => ((arr[q] as number) >= 0 ? (arr[q] as number) : null);
  const pairs: TransportPart['pairs'] = {
    a: Array.from(lp.a),
    b: Array.from(lp.b),
    km: Array.from({ length: count }, (_, q) => orNull(km, q)),
    gravity: Array.from({ length: count }, (_, q) => orNull(gravity, q)),
    gravityNormalised: Array.from({ length: count }, (_, q) => ((gravity[q] as number) >= 0 && gMax > 0 ? (gravity[q] as number) / gMax : null)),
    chain: Array.from({ length: count }, (_, q) => ((chainAb[q] as number) >= 0 ? (chainAb[q] as number) + (chainBa[q] as number) : null)),
    chainNormalised: Array.from({ length: count }, (_, q) =>
      (chainAb[q] as number) >= 0 && cMax > 0 ? ((chainAb[q] as number) + (chainBa[q] as number)) / cMax : null,
    ),
    interaction: Array.from({ length: count }, (_, q) => orNull(interaction, q)),
    topPart: Array.from({ length: count }, (_, q) => inTop(q)),
    status,
    railMinutes: Array.from({ length: count }, (_, q) => orNull(minutes, q)),
    speedKmh: Array.from({ length: count }, (_, q) => orNull(speed, q)),
    timeRatio: Array.from({ length: count }, (_, q) => orNull(tg, q)),
    source: Array.from({ length: count }, (_, q) => pairSource(q)),
  };
  const notes: LocalizedText[] = [messages.noteMedian(directTg.length, medianTg, o.speedFloorKmh, o.referenceSpeedKmh)];
  if (anyData) notes.push(messages.noteInVehicle());

  return {
    metro: analysis.metro.id,
    unitSet: analysis.unitSet.id,
    year: analysis.unitSet.year,
    rules: {
      gravityExponent: o.gravityExponent,
      chainWeight: o.chainWeight,
      interactionQuantile: o.interactionQuantile,
      interactionThreshold: threshold,
      referenceSpeedKmh: o.referenceSpeedKmh,
      speedFloorKmh: o.speedFloorKmh,
      medianTimeRatio: medianTg,
      headline: o.headline,
    },
    basis: {
      analysisImpedance: analysis.linkage.impedance.kind,
      mass: { kind: massKind, reason: massReason },
      chain: {
        table: comp.table?.id ?? null,
        year: comp.table?.year ?? null,
        classification: analysis.unitSet.classification,
        used: chainUsed,
        max: hasTable ? cMax : null,
      },
      notes: basisNotes,
    },
    timetable: {
      sources: sourceNames.map((source) => {
        const d = dateOf(source);
        return { source, date: d.date, label: { en: d.en, zh: d.zh }, note: d.note, pairs: sourcePairs.get(source)?.size ?? 0 };
      }),
      units: { total: n, covered: unitCoverage.filter((c) => c === 'covered').length },
      counts,
    },
    units: unitRows,
    pairs,
    headline: priorities.slice(0, o.headline),
    rest: priorities.slice(o.headline),
    unknown: { count: unknownCount, topPart: unknownInTop, pairs: unknownPairs, text: messages.unknownSummary(unknownCount, count, unknownInTop, anyData) },
    notScored,
    notes,
  };
}

/** The English text of one rendering and the Chinese of another (names differ by language). */
function both(en: LocalizedText, zh: LocalizedText): LocalizedText {
  return { en: en.en, zh: zh.zh };
}
