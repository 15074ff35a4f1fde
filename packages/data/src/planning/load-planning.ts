/**
 * `loadPlanningContext`: everything the planning layer (issue 10) reads from the store besides the analysis — the
 * analysis input, the administrative parent of every unit, the timetable pairs without a time, and the listed-firm
 * relocations between the units. The caller runs `analyzeMetro(input)` and adds it as `analysis` to get a
 * `PlanningContext`.
 */
import type { MetroAnalysisInput, PlanningContext, RailGap } from '@metrocoop/core';
import { type LoadMetroAnalysisOptions, loadMetroAnalysisInput } from '../analysis/load-input.ts';
import type { Store } from '../store/store.ts';
import { relocationsBetweenUnits } from './load-firm-relocations.ts';

/** Options of {@link loadPlanningContext}: those of the analysis input (`units`, `year`). */
export type LoadPlanningContextOptions = LoadMetroAnalysisOptions;

/** A {@link PlanningContext} without its `analysis` (which the caller computes from `input`). */
export type LoadedPlanningContext = Omit<PlanningContext, 'analysis'>;

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Load the planning context of a metro's unit set.
 *
 * - `input`: {@link loadMetroAnalysisInput} with the same options.
 * - `parents`: the regions table's parent of every unit of `input`, read as a jurisdiction: a parent that is a
 *   country is `null` (the unit is a top-level jurisdiction: a province, a Japanese prefecture, a US state or MSA);
 *   a parent that is an MSA (a statistical area, not a jurisdiction: the corridor counties) is replaced by the
 *   county's state, from its FIPS code (`US-36061` → `US-36`), when the store has that state.
 * - `railGaps`: the `travel_times` rows between two units that carry no time, unless the pair is timed in another
 *   mode. Reason: a note starting `city_not_in_source` (China: a city has no station in the timetable source) →
 *   `not-in-source`; a note saying "no direct", or no note (a user-defined metro: empty minutes = no direct service,
 *   as its definition schema says) → `no-direct-train`; any other note → `not-in-source` (unknown is never read as a
 *   gap in service). Sorted by origin, destination.
 * - `relocations`: the firm relocations between the units of `input` (`relocationsBetweenUnits`), over every year
 *   of the firm panel (not cut at the analysis year: they are the observed moves a scenario is compared with);
 *   `null` outside China.
 *
 * @throws the errors of {@link loadMetroAnalysisInput} (`UNKNOWN_METRO`, `UNKNOWN_UNIT_SET`, `NO_DATA_FOR_YEAR`).
 * @example
 * const ctx = await loadPlanningContext(store, 'jjj', { units: 'cities' });
 * const context: PlanningContext = { ...ctx, analysis: analyzeMetro(ctx.input) };
 */
export async function loadPlanningContext(store: Store, metro: string, options: LoadPlanningContextOptions = {}): Promise<LoadedPlanningContext> {
  const input: MetroAnalysisInput = await loadMetroAnalysisInput(store, metro, options);
  const units = input.units.map((u) => u.id);
  const regionRows = await store.rows(`SELECT DISTINCT ON (id) id, parent, level FROM regions ORDER BY id, dataset = 'default' DESC`);
  const region = new Map(regionRows.map((r) => [str(r.id), { parent: strOrNull(r.parent), level: str(r.level) }]));
  const parents: Record<string, string | null> = {};
  for (const id of units) parents[id] = jurisdictionAbove(id, region);

  const list = units.map((_, k) => `$${k + 1}`).join(', ');
  const travel =
    units.length === 0
      ? []
      : await store.rows(
          `SELECT DISTINCT ON (origin, destination, mode, source) origin, destination, mode, minutes, source, note FROM travel_times
           WHERE origin IN (${list}) AND destination IN (${list}) AND origin <> destination
           ORDER BY origin, destination, mode, source, dataset = 'default' DESC`,
          [...units],
        );
  const timed = new Set(travel.filter((r) => r.minutes !== null).map((r) => `${str(r.origin)}|${str(r.destination)}`));
  const railGaps: RailGap[] = travel
    .filter((r) => r.minutes === null && !timed.has(`${str(r.origin)}|${str(r.destination)}`))
    .map((r) => ({ origin: str(r.origin), destination: str(r.destination), reason: gapReason(strOrNull(r.note)), source: str(r.source) }))
    .sort((a, b) => byKey(a.origin, b.origin) || byKey(a.destination, b.destination) || byKey(a.source, b.source));

  const relocations =
    input.metro.country === 'CN'
      ? await relocationsBetweenUnits(store, {
          units,
          classification: input.unitSet.classification,
          set: `${input.metro.id}/${input.unitSet.id}`,
        })
      : null;
  const timetables =
    units.length === 0
      ? []
      : (
          await store.rows(
            `SELECT source, max(timetable_date) AS date FROM travel_times WHERE origin IN (${list}) AND destination IN (${list}) GROUP BY source ORDER BY source`,
            [...units],
          )
        ).map((r) => ({ source: str(r.source), date: strOrNull(r.date) }));
  return { input, parents, railGaps, relocations, timetables };
}

/** The reason of a timetable row without a time (see {@link loadPlanningContext}). */
export function gapReason(note: string | null): RailGap['reason'] {
  if (note !== null && /^city_not_in_source/.test(note)) return 'not-in-source';
  if (note === null || /no direct/i.test(note)) return 'no-direct-train';
  return 'not-in-source';
}

/** The jurisdiction above a unit (see {@link loadPlanningContext}): null under a country; a county's state for an MSA. */
function jurisdictionAbove(id: string, region: ReadonlyMap<string, { parent: string | null; level: string }>): string | null {
  const parent = region.get(id)?.parent ?? null;
  if (parent === null) return null;
  const level = region.get(parent)?.level;
  if (level === 'country') return null;
  if (level === 'msa') {
    const state = /^US-(\d\d)\d\d\d$/.exec(id);
    if (state !== null && region.has(`US-${state[1]}`)) return `US-${state[1]}`;
    return jurisdictionAbove(parent, region);
  }
  return parent;
}
