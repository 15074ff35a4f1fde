/**
 * `loadMetroAnalysisInput`: everything {@link analyzeMetro} needs, read from the store — the unit set's matrix for
 * the year and its earlier years, overview indicators with sources and years, the national input–output table
 * mapped to the analysis classification through the crosswalks, rail times, representative points for the
 * great-circle fallback, and knowledge items resolved to the analysis units (projects with their cooperation modes).
 * Gaps are listed, never filled: withheld or missing cells drop their industry (or, when that would drop more than
 * half the industries, their unit) and each is reported.
 */
import {
  type AnalysisGap,
  type AnalysisIndustry,
  type AnalysisInputOutput,
  type AnalysisKnowledgeItem,
  type AnalysisTravelTime,
  type AnalysisUnit,
  type GradientInput,
  InvalidInputError,
  type LocalizedText,
  type MetroAnalysis,
  type MetroAnalysisInput,
  NotFoundError,
  type OverviewInput,
  RegionIndustryMatrix,
  type SourcedValue,
} from '@metrocoop/core';
import { metroMessages } from '../metro/messages.ts';
import { showMetro, type UnitSetMatrixResult, unitSetMatrix } from '../store/queries.ts';
import type { Row, Store } from '../store/store.ts';
import { type Crosswalks, readCrosswalks } from './crosswalks.ts';

/** Options of {@link loadMetroAnalysisInput}. */
export interface LoadMetroAnalysisOptions {
  /** Analysis year. Default: the unit set's latest year. */
  readonly year?: number;
  /** Unit set id, or `default` (the metro's default unit set). */
  readonly units?: string;
}

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** `$1, $2, …` for n parameters after `offset`. */
const placeholders = (n: number, offset: number): string => Array.from({ length: n }, (_, k) => `$${offset + k + 1}`).join(', ');
const vintageRank: Record<string, number> = { final: 0, revised: 1, single: 2, first: 3 };

/** Pick one observation: the nearest year at or before `year` (else the nearest after), best vintage, then source. */
function pickObservation(rows: readonly Row[], year: number): Row | undefined {
  return [...rows].sort((a, b) => {
    const ya = Number(a.year);
    const yb = Number(b.year);
    const da = ya <= year ? year - ya : 1000 + ya - year;
    const db = yb <= year ? year - yb : 1000 + yb - year;
    return da - db || (vintageRank[str(a.vintage)] ?? 9) - (vintageRank[str(b.vintage)] ?? 9) || byKey(str(a.source), str(b.source));
  })[0];
}

function sourced(row: Row | undefined): SourcedValue | undefined {
  if (row === undefined || row.value === null) return undefined;
  return { value: Number(row.value), unit: str(row.unit), year: Number(row.year), source: str(row.source), vintage: str(row.vintage) };
}

type DroppedInputs = MetroAnalysis['unitSet']['dropped'];
type DroppedUnit = Omit<DroppedInputs['units'][number], 'nameEn' | 'nameZh'>;
type DroppedIndustry = Omit<DroppedInputs['industries'][number], 'nameEn' | 'nameZh'>;

/** A unit-set matrix with its gaps removed (never filled), how each gap was treated, and what was dropped and why. */
interface CleanMatrix {
  readonly result: UnitSetMatrixResult;
  readonly matrix: RegionIndustryMatrix;
  readonly gaps: readonly AnalysisGap[];
  readonly droppedUnits: readonly DroppedUnit[];
  readonly droppedIndustries: readonly DroppedIndustry[];
}

/**
 * One statistical programme per matrix: the source covering the most units (unitSetMatrix `programme: 'one'`); a
 * unit with data only from other programmes is dropped (`other-programme`), never filled from them, and a unit
 * with no data is dropped (`no-data`). Gaps are removed, never filled: greedily drop the industry or unit that
 * removes the most remaining withheld or missing cells per data cell lost (an industry first on a tie, since it
 * keeps the units; then code order) until none is left.
 */
async function matrixFor(store: Store, metro: string, unitSet: string, year: number): Promise<CleanMatrix> {
  const result = await unitSetMatrix(store, metro, unitSet, year, { gaps: 'zero', matrix: { zeroTotals: 'keep' }, programme: 'one' });
  const m = result.matrix;
  const dropR = new Set<string>();
  const dropI = new Set<string>();
  const gaps: AnalysisGap[] = [];
  const droppedUnits: DroppedUnit[] = [];
  const droppedIndustries: DroppedIndustry[] = [];
  for (const o of result.outsideProgramme) {
    dropR.add(o.region);
    droppedUnits.push({ id: o.region, reason: 'other-programme', industries: [], sources: [...o.sources] });
    gaps.push({ unit: o.region, industry: null, what: result.indicator, kind: 'other-programme', treatment: 'dropped-region' });
  }
  for (const r of result.regionsWithoutData) {
    dropR.add(r);
    droppedUnits.push({ id: r, reason: 'no-data', industries: [], sources: [] });
    gaps.push({ unit: r, industry: null, what: result.indicator, kind: 'missing', treatment: 'dropped-region' });
  }
  let cells = result.gaps.filter((g) => !dropR.has(g.region)).map((g) => ({ region: g.region, industry: g.industry, kind: g.kind }));
  while (cells.length > 0) {
    const byI = new Map<string, number>();
    const byR = new Map<string, number>();
    for (const c of cells) {
      byI.set(c.industry, (byI.get(c.industry) ?? 0) + 1);
      byR.set(c.region, (byR.get(c.region) ?? 0) + 1);
    }
    // Gap cells removed per data cell lost: an industry costs one cell per kept unit, a unit one per kept industry.
    const keptR = m.regionCount - dropR.size;
    const keptI = m.industryCount - dropI.size;
    const bestI = [...byI].sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))[0] as [string, number];
    const bestR = [...byR].sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))[0] as [string, number];
    const dropIndustry = bestI[1] / keptR >= bestR[1] / keptI;
    const label = dropIndustry ? bestI[0] : bestR[0];
    (dropIndustry ? dropI : dropR).add(label);
    const removed = cells.filter((x) => (dropIndustry ? x.industry : x.region) === label);
    if (dropIndustry) droppedIndustries.push({ code: label, reason: 'gap-cells', units: removed.map((c) => c.region).sort(byKey) });
    else droppedUnits.push({ id: label, reason: 'gap-cells', industries: removed.map((c) => c.industry).sort(byKey), sources: [] });
    for (const c of cells.filter((x) => (dropIndustry ? x.industry : x.region) === label)) {
      gaps.push({
        unit: c.region,
        industry: c.industry,
        what: result.indicator,
        kind: c.kind,
        treatment: dropIndustry ? 'dropped-industry' : 'dropped-region',
      });
    }
    cells = cells.filter((x) => (dropIndustry ? x.industry : x.region) !== label);
  }
  const regions = m.regions.filter((r) => !dropR.has(r));
  const industries = m.industries.filter((i) => !dropI.has(i));
  const values = new Float64Array(regions.length * industries.length);
  regions.forEach((r, a) => industries.forEach((i, b) => (values[a * industries.length + b] = m.at(m.regionIndex(r), m.industryIndex(i)))));
  const matrix = RegionIndustryMatrix.fromWide(regions, industries, values, { zeroTotals: 'drop' });
  for (const r of matrix.dropped.regions) {
    gaps.push({ unit: r, industry: null, what: result.indicator, kind: 'zero-total', treatment: 'dropped-region' });
    droppedUnits.push({ id: r, reason: 'zero-total', industries: [], sources: [] });
  }
  for (const i of matrix.dropped.industries) droppedIndustries.push({ code: i, reason: 'zero-in-every-unit', units: [] });
  for (const i of result.absentIndustries) droppedIndustries.push({ code: i, reason: 'not-published', units: [] });
  droppedUnits.sort((a, b) => byKey(a.id, b.id));
  droppedIndustries.sort((a, b) => byKey(a.code, b.code));
  return { result, matrix, gaps, droppedUnits, droppedIndustries };
}

const employmentIndicator = (indicator: string): boolean => /employ|persons|staff|workers/.test(indicator);

/**
 * The analysis unit a region lies in: the region itself when it is a unit, else its parent, grandparent, … (at most
 * six steps up). `null` for no region (a metro-wide item); `undefined` when no unit contains the region. The one walk
 * of knowledge items and firm relocations (planning/load-firm-relocations.ts) to the analysis units.
 */
export function unitOfRegion(region: string | null, units: ReadonlySet<string>, parentOf: (id: string) => string | null): string | null | undefined {
  let cur = region;
  for (let k = 0; cur !== null && k < 6; k++) {
    if (units.has(cur)) return cur;
    cur = parentOf(cur);
  }
  return region === null ? null : undefined;
}

/**
 * Read the analysis input of one metro from the store.
 *
 * @throws {NotFoundError} `UNKNOWN_METRO`, `UNKNOWN_UNIT_SET`.
 * @throws {InvalidInputError} `NO_DATA_FOR_YEAR` (a year the unit set does not have) and the store's errors.
 * @example
 * const input = await loadMetroAnalysisInput(store, 'jjj', { year: 2019 });
 */
export async function loadMetroAnalysisInput(store: Store, metro: string, options: LoadMetroAnalysisOptions = {}): Promise<MetroAnalysisInput> {
  const detail = await showMetro(store, metro);
  const unitSetId = options.units === undefined || options.units === 'default' ? detail.defaultUnitSet : options.units;
  const set = detail.unitSets.find((u) => u.id === unitSetId);
  if (set === undefined) {
    throw new NotFoundError(
      {
        en: `loadMetroAnalysisInput: metro ${metro} has no unit set ${JSON.stringify(unitSetId)} (got an unknown id); choose one of ${detail.unitSets.map((u) => u.id).join(', ')}.`,
        zh: `loadMetroAnalysisInput：都市圈 ${metro} 没有分析单元集 ${JSON.stringify(unitSetId)}；请从 ${detail.unitSets.map((u) => u.id).join('、')} 中选择。`,
      },
      { metro, unitSet: unitSetId },
      'UNKNOWN_UNIT_SET',
    );
  }
  if (set.years.length === 0 && options.year === undefined)
    throw new InvalidInputError(metroMessages.noUnitSetData(metro, unitSetId), { metro, unitSet: unitSetId, years: [] }, 'NO_DATA_FOR_YEAR');
  const latest = set.years[set.years.length - 1];
  const year = options.year ?? latest;
  if (year === undefined || !set.years.includes(year)) {
    throw new InvalidInputError(
      {
        en: `loadMetroAnalysisInput: unit set ${unitSetId} of ${metro} has no data for ${String(year)} (got a year outside its years); use one of ${set.years.join(', ')}.`,
        zh: `loadMetroAnalysisInput：${metro} 的分析单元集 ${unitSetId} 没有 ${String(year)} 年的数据；请使用 ${set.years.join('、')} 之一。`,
      },
      { metro, unitSet: unitSetId, year, years: set.years },
      'NO_DATA_FOR_YEAR',
    );
  }
  const clean = await matrixFor(store, metro, unitSetId, year);
  const current = { ...clean.result, matrix: clean.matrix };
  const unitIds = [...current.matrix.regions];
  const gaps: AnalysisGap[] = [...clean.gaps];
  const notes: LocalizedText[] = [];
  for (const i of current.matrix.dropped.industries)
    notes.push({ en: `Industry ${i} is 0 in every unit in ${year} and is left out.`, zh: `产业 ${i} 在 ${year} 年所有单元均为 0，未纳入。` });
  if (set.noteEn !== null) notes.push({ en: set.noteEn, zh: set.noteZh ?? set.noteEn });
  const sources = [...new Set(current.choices.map((c) => `${c.source} (${c.vintage})`))].sort(byKey);
  notes.push({
    en: `Matrix ${current.indicator} (${current.unit}), ${year}, from one programme: ${sources.join(', ')}.`,
    zh: `矩阵：${current.indicator}（${current.unit}），${year} 年，单一统计口径：${sources.join('、')}。`,
  });

  // Units: names, points, rings (a unit not listed as a member takes the ring of its parent, else outer).
  const regionRows = await store.rows(
    `SELECT DISTINCT ON (id) id, name_en, name_zh, parent, lon, lat, area_km2, level FROM regions ORDER BY id, dataset = 'default' DESC`,
  );
  const regionInfo = new Map(regionRows.map((r) => [str(r.id), r]));
  const ringOf = new Map(detail.members.map((m) => [m.region, m.ring as AnalysisUnit['ring']]));
  // A unit without a representative point (a province) takes the mean point of its child regions (documented).
  const childPoints = new Map<string, [number, number, number]>();
  for (const r of regionRows) {
    const parent = strOrNull(r.parent);
    if (parent === null || r.lon === null || r.lat === null) continue;
    const acc = childPoints.get(parent) ?? [0, 0, 0];
    childPoints.set(parent, [acc[0] + Number(r.lon), acc[1] + Number(r.lat), acc[2] + 1]);
  }
  const units: AnalysisUnit[] = unitIds.map((id) => {
    const r = regionInfo.get(id);
    const parent = strOrNull(r?.parent);
    const own = numOrNull(r?.lon) !== null && numOrNull(r?.lat) !== null;
    const mean = childPoints.get(id);
    if (!own && mean !== undefined)
      notes.push({
        en: `${id} has no representative point; the mean point of its ${mean[2]} child regions is used for great-circle distances.`,
        zh: `${id} 无代表点；大圆距离使用其 ${mean[2]} 个下级地区代表点的平均位置。`,
      });
    return {
      id,
      nameEn: r === undefined ? id : str(r.name_en),
      nameZh: strOrNull(r?.name_zh),
      ring: ringOf.get(id) ?? (parent === null ? undefined : ringOf.get(parent)) ?? 'outer',
      lon: own ? numOrNull(r?.lon) : mean === undefined ? null : mean[0] / mean[2],
      lat: own ? numOrNull(r?.lat) : mean === undefined ? null : mean[1] / mean[2],
    };
  });

  // Earlier years (same unit set).
  const earlier: { year: number; matrix: RegionIndustryMatrix }[] = [];
  // Trend years: the unit set's earliest year and the year five years before the analysis year (when present) —
  // enough for "change over the available years" while keeping the load fast.
  const trendYears = [...new Set([set.years[0] as number, year - 5])].filter((y) => y < year && set.years.includes(y)).sort((p, q) => p - q);
  for (const y of trendYears) {
    try {
      earlier.push({ year: y, matrix: (await matrixFor(store, metro, unitSetId, y)).matrix });
    } catch {
      notes.push({
        en: `Year ${y} of ${unitSetId} could not be read as a matrix and is left out of the trends.`,
        zh: `${unitSetId} 的 ${y} 年数据无法构成矩阵，未纳入趋势。`,
      });
    }
  }

  // Crosswalks and industries.
  const cw = await readCrosswalks(store);
  const classification = current.classification;
  const isic = cw.isic(classification);
  const indRows = await store.rows(
    `SELECT DISTINCT ON (code) code, name_en, name_zh FROM industries WHERE classification = $1 ORDER BY code, dataset = 'default' DESC`,
    [classification],
  );
  const indNames = new Map(indRows.map((r) => [str(r.code), r]));
  const industries: AnalysisIndustry[] = current.matrix.industries.map((code) => ({
    code,
    nameEn: strOrNull(indNames.get(code)?.name_en),
    nameZh: strOrNull(indNames.get(code)?.name_zh),
    isicSections: isic.get(code) ?? [],
  }));

  // Overview indicators.
  const obs = await store.rows(
    `SELECT region, year, indicator, classification, industry, value, unit, source, vintage FROM observations
     WHERE region IN (${placeholders(unitIds.length, 0)}) AND value IS NOT NULL AND (
       (classification IS NULL AND indicator IN ('population', 'gdp', 'gdp_per_capita', 'land_area'))
       OR (indicator IN ('value_added', 'value_added_share') AND classification = 'THREE-SECTOR'))`,
    [...unitIds],
  );
  const overview: OverviewInput[] = units.map((u) => {
    const mine = obs.filter((r) => str(r.region) === u.id);
    const pick = (indicator: string): SourcedValue | undefined =>
      sourced(
        pickObservation(
          mine.filter((r) => str(r.indicator) === indicator && r.classification === null),
          year,
        ),
      );
    const info = regionInfo.get(u.id);
    let area = pick('land_area');
    if (area === undefined && numOrNull(info?.area_km2) !== null) area = { value: Number(info?.area_km2), unit: 'km2', year, source: 'regions' };
    // Three-sector value added: the nearest year with all three sectors from one source; levels preferred to
    // published shares (percent) of the same year.
    const groups = new Map<string, Row[]>();
    for (const r of mine) {
      if (str(r.indicator) !== 'value_added' && str(r.indicator) !== 'value_added_share') continue;
      const k = `${str(r.indicator)}|${str(r.year)}|${str(r.source)}|${str(r.vintage)}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const complete = [...groups.values()].filter((g) => ['I', 'II', 'III'].every((c) => g.some((r) => str(r.industry) === c)));
    const levels = complete.filter((g) => str(g[0]?.indicator) === 'value_added');
    const shares = complete.filter((g) => str(g[0]?.indicator) === 'value_added_share');
    const bestLevel = pickObservation(
      levels.map((g) => g[0] as Row),
      year,
    );
    const bestShare = pickObservation(
      shares.map((g) => g[0] as Row),
      year,
    );
    const distance = (r: Row | undefined): number =>
      r === undefined ? Infinity : Number(r.year) <= year ? year - Number(r.year) : 1000 + Number(r.year) - year;
    const best = distance(bestShare) < distance(bestLevel) ? bestShare : bestLevel;
    const bestGroup = complete.find((g) => g[0] === best);
    const val = (c: string): number => Number(bestGroup?.find((r) => str(r.industry) === c)?.value ?? 0);
    const out: { -readonly [K in keyof OverviewInput]: OverviewInput[K] } = { unit: u.id };
    if (area !== undefined) out.area = area;
    const population = pick('population');
    if (population !== undefined) out.population = population;
    else gaps.push({ unit: u.id, industry: null, what: 'population', kind: 'missing', treatment: 'not-filled' });
    const gdp = pick('gdp');
    if (gdp !== undefined) out.gdp = gdp;
    else gaps.push({ unit: u.id, industry: null, what: 'gdp', kind: 'missing', treatment: 'not-filled' });
    const pc = pick('gdp_per_capita');
    if (pc !== undefined) out.gdpPerCapita = pc;
    if (bestGroup !== undefined && best !== undefined) {
      out.sectorValueAdded = {
        I: val('I'),
        II: val('II'),
        III: val('III'),
        unit: str(best.unit),
        year: Number(best.year),
        source: str(best.source),
        vintage: str(best.vintage),
      };
    }
    return out;
  });

  // Industrial gradient: employment aggregated to three sectors against three-sector value added (same year).
  let gradient: GradientInput | undefined;
  const toThree = classification === 'THREE-SECTOR' ? null : cw.path(classification, 'THREE-SECTOR');
  if (
    employmentIndicator(current.indicator) &&
    toThree !== null &&
    overview.every((o) => o.sectorValueAdded?.year === year && o.sectorValueAdded.unit !== 'percent')
  ) {
    const emp = new Float64Array(unitIds.length * 3);
    const codes = ['I', 'II', 'III'];
    current.matrix.regions.forEach((_, r) => {
      current.matrix.industries.forEach((code, i) => {
        for (const [t, w] of toThree.weights.get(code) ?? []) {
          const k = codes.indexOf(t);
          if (k >= 0) emp[r * 3 + k] = (emp[r * 3 + k] as number) + w * current.matrix.at(r, i);
        }
      });
    });
    const outp = new Float64Array(unitIds.length * 3);
    overview.forEach((o, r) => {
      outp[r * 3] = o.sectorValueAdded?.I ?? 0;
      outp[r * 3 + 1] = o.sectorValueAdded?.II ?? 0;
      outp[r * 3 + 2] = o.sectorValueAdded?.III ?? 0;
    });
    gradient = {
      output: RegionIndustryMatrix.fromWide(unitIds, codes, outp, { zeroTotals: 'keep' }),
      employment: RegionIndustryMatrix.fromWide(unitIds, codes, emp, { zeroTotals: 'keep' }),
      classification: 'THREE-SECTOR',
      note: `Output = three-sector value added; employment = ${current.indicator} aggregated ${toThree.description}.`,
    };
  }

  const inputOutput = await loadInputOutput(store, cw, detail.country, classification, year, current.matrix.industries);
  if (inputOutput === undefined)
    notes.push({
      en: `No input–output table of ${detail.country} maps to ${classification}.`,
      zh: `${detail.country} 没有可映射到 ${classification} 的投入产出表。`,
    });

  const travel = await store.rows(
    `SELECT origin, destination, mode, minutes, source FROM travel_times WHERE minutes IS NOT NULL AND origin IN (${placeholders(unitIds.length, 0)}) AND destination IN (${placeholders(unitIds.length, 0)}) ORDER BY origin, destination, mode`,
    [...unitIds],
  );
  const travelTimes: AnalysisTravelTime[] = travel.map((r) => ({
    origin: str(r.origin),
    destination: str(r.destination),
    minutes: Number(r.minutes),
    mode: str(r.mode),
    source: str(r.source),
  }));

  // Knowledge items: region → the unit containing it (walking up parents); industries mapped to the classification.
  const kRows = await store.rows(
    `SELECT DISTINCT ON (id) id, region, kind, year, text_en, text_zh, industries, verified, source, modes FROM knowledge WHERE metro = $1 ORDER BY id, dataset = 'default' DESC`,
    [metro],
  );
  const unitSet = new Set(unitIds);
  const toUnit = (region: string | null): string | null | undefined => unitOfRegion(region, unitSet, (id) => strOrNull(regionInfo.get(id)?.parent));
  const knowledge: AnalysisKnowledgeItem[] = [];
  for (const r of kRows) {
    const unit = toUnit(strOrNull(r.region));
    if (unit === undefined) continue;
    const codes = new Set<string>();
    for (const ref of Array.isArray(r.industries) ? r.industries.map(str) : []) {
      const [cls, code] = ref.split(':') as [string, string | undefined];
      if (code === undefined) continue;
      if (cls === classification) codes.add(code);
      else for (const t of cw.path(cls, classification)?.weights.get(code)?.keys() ?? []) codes.add(t);
    }
    const kind = str(r.kind) as AnalysisKnowledgeItem['kind'];
    knowledge.push({
      id: str(r.id),
      kind,
      unit,
      region: strOrNull(r.region),
      year: numOrNull(r.year),
      textEn: strOrNull(r.text_en),
      textZh: strOrNull(r.text_zh),
      industries: [...codes].filter((c) => current.matrix.industries.includes(c)).sort(byKey),
      verified: r.verified === true,
      source: str(r.source),
      // Projects carry their cooperation modes (the knowledge table's `modes`); other kinds have none.
      ...(kind === 'project' ? { modes: (Array.isArray(r.modes) ? r.modes.map(str) : []) as NonNullable<AnalysisKnowledgeItem['modes']>[number][] } : {}),
    });
  }

  const result: { -readonly [K in keyof MetroAnalysisInput]: MetroAnalysisInput[K] } = {
    metro: { id: detail.id, nameEn: detail.nameEn, nameZh: detail.nameZh, country: detail.country },
    unitSet: {
      id: unitSetId,
      indicator: current.indicator,
      classification,
      unit: current.unit,
      measure: employmentIndicator(current.indicator) ? 'employment' : 'output',
      source: current.programme,
      dropped: {
        units: clean.droppedUnits.map((d) => {
          const r = regionInfo.get(d.id);
          return {
            id: d.id,
            nameEn: r === undefined ? d.id : str(r.name_en),
            nameZh: strOrNull(r?.name_zh),
            reason: d.reason,
            industries: d.industries,
            sources: d.sources,
          };
        }),
        industries: clean.droppedIndustries.map((d) => ({
          code: d.code,
          nameEn: strOrNull(indNames.get(d.code)?.name_en),
          nameZh: strOrNull(indNames.get(d.code)?.name_zh),
          reason: d.reason,
          units: d.units,
        })),
      },
    },
    year,
    units,
    industries,
    matrix: current.matrix,
    earlier,
    overview,
    travelTimes,
    knowledge,
    gaps,
    notes,
  };
  if (inputOutput !== undefined) result.inputOutput = inputOutput;
  if (gradient !== undefined) result.gradient = gradient;
  return result;
}

/** The national IO table nearest the year (at or before it preferred) that maps to the classification. */
async function loadInputOutput(
  store: Store,
  cw: Crosswalks,
  country: string,
  classification: string,
  year: number,
  codes: readonly string[],
): Promise<AnalysisInputOutput | undefined> {
  const tables = await store.rows(
    `SELECT DISTINCT ON (id) id, year, classification, import_treatment, source FROM io_tables WHERE country = $1 ORDER BY id, dataset = 'default' DESC`,
    [country],
  );
  const usable = tables
    .filter((t) => !str(t.import_treatment).startsWith('not-applicable'))
    .map((t) => ({
      id: str(t.id),
      year: Number(t.year),
      cls: str(t.classification),
      source: t.source === null || t.source === undefined ? undefined : str(t.source),
      path: cw.path(str(t.classification), classification),
    }))
    .filter((t) => t.path !== null)
    .sort((a, b) => (a.year <= year ? year - a.year : 1000 + a.year - year) - (b.year <= year ? year - b.year : 1000 + b.year - year) || byKey(a.id, b.id));
  const table = usable[0];
  if (table === undefined || table.path === null) return undefined;
  const cells = await store.rows(
    `SELECT row_kind, "row", col_kind, col, value FROM io_cells WHERE "table" = $1 AND ((row_kind = 'sector' AND col_kind = 'sector') OR (row_kind = 'total' AND col_kind = 'sector'))`,
    [table.id],
  );
  const rowCodes = new Set(cells.filter((c) => c.row_kind === 'sector').map((c) => str(c.row)));
  const colCodes = new Set(cells.filter((c) => c.row_kind === 'sector').map((c) => str(c.col)));
  const sectors = [...rowCodes].filter((c) => colCodes.has(c)).sort(byKey);
  const sIndex = new Map(sectors.map((s, k) => [s, k]));
  const ns = sectors.length;
  const z = new Float64Array(ns * ns);
  const x = new Float64Array(ns);
  for (const c of cells) {
    const j = sIndex.get(str(c.col));
    if (j === undefined) continue;
    if (c.row_kind === 'sector') {
      const i = sIndex.get(str(c.row));
      if (i !== undefined) z[i * ns + j] = Number(c.value);
    } else x[j] = Math.max(x[j] as number, Number(c.value));
  }
  const industries = [...codes];
  const iIndex = new Map(industries.map((c, k) => [c, k]));
  const n = industries.length;
  const w = sectors.map((s) => [...(table.path?.weights.get(s) ?? [])].filter(([t]) => iIndex.has(t)).map(([t, v]) => [iIndex.get(t) as number, v] as const));
  const zA = new Float64Array(n * n);
  const xA = new Float64Array(n);
  for (let p = 0; p < ns; p++) {
    for (const [k, wk] of w[p] ?? []) xA[k] = (xA[k] as number) + wk * (x[p] as number);
    for (let q = 0; q < ns; q++) {
      const v = z[p * ns + q] as number;
      if (v === 0) continue;
      for (const [k, wk] of w[p] ?? []) for (const [l, wl] of w[q] ?? []) zA[k * n + l] = (zA[k * n + l] as number) + wk * wl * v;
    }
  }
  const a = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let l = 0; l < n; l++) a[k * n + l] = (xA[l] as number) > 0 ? (zA[k * n + l] as number) / (xA[l] as number) : 0;
  return {
    id: table.id,
    year: table.year,
    industries,
    coefficients: a,
    output: xA,
    mapping: table.path.description,
    ...(table.source === undefined ? {} : { source: table.source }),
  };
}
