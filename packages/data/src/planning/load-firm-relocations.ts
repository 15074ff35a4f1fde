/**
 * `loadFirmRelocations`: the listed-firm relocations observed between the analysis units of a metro, read from the
 * store's `firm_relocations` table (one row per firm whose registered prefecture changed between two consecutive
 * panel years; packages/data/dataset/firm_relocations/cn.csv).
 *
 * Each move's origin and destination region is walked up to the unit set's analysis units by the same walk as the
 * analysis loader's knowledge items (`unitOfRegion`, analysis/load-input.ts). Moves with both ends in the metro and
 * in different units are aggregated by origin unit, destination unit and section; moves inside one unit, and moves
 * with one end outside the metro, are counted in a note, never listed as moves between units. The section letter
 * (CSRC 2012 / CAPCO 2023, A–R = GB/T 4754 sections, S = 综合) is mapped into the unit set's classification:
 * GB/T 4754-2017 one to one; THREE-SECTOR by the dataset crosswalk GB/T 4754 → THREE-SECTOR (its main target), or
 * by the NBS three-sector rule when the store has no such crosswalk; any other classification → `null`. The firm
 * panel covers China only: a metro of another country gets `null`.
 */
import { type FirmRelocation, type FirmRelocations, InvalidInputError, NotFoundError } from '@metrocoop/core';
import { readCrosswalks } from '../analysis/crosswalks.ts';
import { unitOfRegion } from '../analysis/load-input.ts';
import { showMetro } from '../store/queries.ts';
import type { Store } from '../store/store.ts';
import { planningMessages } from './messages.ts';

/** Options of {@link loadFirmRelocations}. */
export interface LoadFirmRelocationsOptions {
  /** Unit set id, or `default` (the metro's default unit set). Default `default`. */
  readonly units?: string;
  /**
   * Count only the moves observed up to this year (`year_to ≤ year`). Default: every year of the panel (2011–2023).
   * The firm panel has its own years; they need not be years of the unit set.
   */
  readonly year?: number;
}

/** The most examples a move lists. */
export const maxRelocationExamples = 5;

const gbt = 'GBT4754-2017';
const threeSector = 'THREE-SECTOR';
/** The NBS three-sector rule on GB/T 4754 sections (三次产业划分规定 2018), used only without a crosswalk. */
const threeSectorRule = (section: string): string => (section === 'A' ? 'I' : 'BCDE'.includes(section) ? 'II' : 'III');

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What {@link relocationsBetweenUnits} needs to know of the metro. */
export interface RelocationUnits {
  /** The analysis units (region ids). */
  readonly units: readonly string[];
  /** The unit set's classification (the industry of each move is mapped into it). */
  readonly classification: string;
  /** The unit set, as named in the notes (e.g. `jjj/cities`). */
  readonly set: string;
  /** See {@link LoadFirmRelocationsOptions.year}. */
  readonly year?: number;
}

/**
 * The firm relocations of a metro's unit set (see the module comment).
 *
 * @returns `null` when the metro is not in China (the firm panel covers China only) or the store holds no firm
 *   relocations.
 * @throws {NotFoundError} `UNKNOWN_METRO`, `UNKNOWN_UNIT_SET`; {@link InvalidInputError} `INVALID_OPTION` for a year
 *   that is not a whole number.
 * @example
 * const moves = await loadFirmRelocations(store, 'jjj', { units: 'cities' });
 * moves?.moves[0]; // { origin: 'CN-110000', destination: 'CN-120000', industry: 'III', section: 'G', firms: 1, examples: ['CN-001965 招商公路 (2017→2018)'] }
 */
export async function loadFirmRelocations(store: Store, metro: string, options: LoadFirmRelocationsOptions = {}): Promise<FirmRelocations | null> {
  const fn = 'loadFirmRelocations';
  checkYear(fn, options.year);
  const detail = await showMetro(store, metro);
  if (detail.country !== 'CN') return null;
  const unitSetId = options.units === undefined || options.units === 'default' ? detail.defaultUnitSet : options.units;
  const set = detail.unitSets.find((u) => u.id === unitSetId);
  if (set === undefined) {
    throw new NotFoundError(
      planningMessages.unknownUnitSet(
        fn,
        detail.id,
        unitSetId,
        detail.unitSets.map((u) => u.id),
      ),
      { metro: detail.id, unitSet: unitSetId },
      'UNKNOWN_UNIT_SET',
    );
  }
  const units = detail.unitSetMembers[unitSetId] ?? [];
  return relocationsBetweenUnits(store, {
    units,
    classification: set.classification,
    set: `${detail.id}/${unitSetId}`,
    ...(options.year === undefined ? {} : { year: options.year }),
  });
}

function checkYear(fn: string, year: number | undefined): void {
  if (year !== undefined && !Number.isInteger(year)) throw new InvalidInputError(planningMessages.badYear(fn, year), { year }, 'INVALID_OPTION');
}

/**
 * The firm relocations between given analysis units (the work of {@link loadFirmRelocations}, also used by
 * `loadPlanningContext` with the units the analysis kept). Reads the whole table (a few hundred rows) and the
 * regions' parents; no country check. `years` are the first `year_from` and the last `year_to` of the table (the
 * panel's years). A move whose firm has no industry code has section `''` and industry `null`.
 *
 * @returns `null` when the store holds no firm relocation at all (no firm panel loaded).
 */
export async function relocationsBetweenUnits(store: Store, what: RelocationUnits): Promise<FirmRelocations | null> {
  checkYear('relocationsBetweenUnits', what.year);
  const all = await store.rows(
    `SELECT DISTINCT ON (firm_id, year_from) firm_id, name, year_from, year_to, origin, destination, section, source
     FROM firm_relocations ORDER BY firm_id, year_from, dataset = 'default' DESC`,
  );
  if (all.length === 0) return null;
  const parents = await store.rows(`SELECT DISTINCT ON (id) id, parent FROM regions ORDER BY id, dataset = 'default' DESC`);
  const parentOf = new Map(parents.map((r) => [str(r.id), strOrNull(r.parent)]));
  const unitSet = new Set(what.units);
  const toUnit = (region: string): string | undefined => unitOfRegion(region, unitSet, (id) => parentOf.get(id) ?? null) ?? undefined;
  const toIndustry = await industryMapping(store, what.classification);

  const rows = all.filter((r) => what.year === undefined || Number(r.year_to) <= what.year);
  const years: [number, number] = [Math.min(...all.map((r) => Number(r.year_from))), Math.max(...all.map((r) => Number(r.year_to)))];
  const groups = new Map<string, { origin: string; destination: string; section: string; firms: Set<string>; examples: Row[] }>();
  let inside = 0;
  let out = 0;
  let into = 0;
  let between = 0;
  const betweenFirms = new Set<string>();
  for (const r of rows) {
    const origin = toUnit(str(r.origin));
    const destination = toUnit(str(r.destination));
    if (origin === undefined || destination === undefined) {
      if (origin !== undefined) out++;
      if (destination !== undefined) into++;
      continue;
    }
    if (origin === destination) {
      inside++;
      continue;
    }
    between++;
    betweenFirms.add(str(r.firm_id));
    // A move without an industry code keeps an empty section key (listed, industry null).
    const section = strOrNull(r.section) ?? '';
    const key = `${origin}|${destination}|${section}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { origin, destination, section, firms: new Set(), examples: [] };
      groups.set(key, g);
    }
    g.firms.add(str(r.firm_id));
    g.examples.push(r);
  }
  const moves: FirmRelocation[] = [...groups.values()]
    .map((g) => ({
      origin: g.origin,
      destination: g.destination,
      industry: g.section === '' ? null : toIndustry.map(g.section),
      section: g.section,
      firms: g.firms.size,
      examples: g.examples
        .sort((a, b) => Number(a.year_to) - Number(b.year_to) || byKey(str(a.firm_id), str(b.firm_id)))
        .slice(0, maxRelocationExamples)
        .map((r) => `${str(r.firm_id)}${r.name === null ? '' : ` ${str(r.name)}`} (${Number(r.year_from)}→${Number(r.year_to)})`),
    }))
    .sort((a, b) => b.firms - a.firms || byKey(a.origin, b.origin) || byKey(a.destination, b.destination) || byKey(a.section, b.section));
  const sources = [...new Set(all.map((r) => str(r.source)))].sort(byKey);
  return {
    source: sources.join('|'),
    years,
    moves,
    notes: [
      planningMessages.sampleNote(),
      planningMessages.seatNote(),
      planningMessages.panelNote(years[0], years[1], rows.length, new Set(rows.map((r) => str(r.firm_id))).size, what.year ?? null),
      planningMessages.unitsNote(between, betweenFirms.size, inside, out, into, what.units.length, what.set),
      planningMessages.industryNote(),
      toIndustry.note,
    ],
  };
}

type Row = Record<string, unknown>;

/** Section letter → the unit set's industry code (or null), with the note that says how. */
async function industryMapping(store: Store, classification: string): Promise<{ map: (section: string) => string | null; note: { en: string; zh: string } }> {
  const isSection = (s: string): boolean => /^[A-R]$/.test(s);
  if (classification === gbt) return { map: (s) => (isSection(s) ? s : null), note: planningMessages.sectionsAreCodes(gbt) };
  if (classification === threeSector) {
    const path = (await readCrosswalks(store)).path(gbt, threeSector);
    if (path === null) return { map: (s) => (isSection(s) ? threeSectorRule(s) : null), note: planningMessages.sectionsByRule(threeSector) };
    return {
      // The crosswalk's main target (forwardWeights keeps main targets only); several or none → no single industry.
      map: (s) => {
        const targets = isSection(s) ? [...(path.weights.get(s)?.keys() ?? [])] : [];
        return targets.length === 1 ? (targets[0] as string) : null;
      },
      note: planningMessages.sectionsThroughCrosswalk(threeSector, path.description),
    };
  }
  return { map: () => null, note: planningMessages.sectionsUnmapped(classification) };
}
