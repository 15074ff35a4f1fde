/**
 * User-defined metros in the store: add one from a definition file (checked first; then in one transaction the
 * metro, its members, unit sets, new regions, boundaries, travel times and placeholder sources), list the metros
 * with where they come from, remove one. A user metro's rows carry the dataset name `metro:<id>` (registered in
 * `datasets` with kind `metro`), so reloading the embedded dataset (`default`) never touches them, and removing
 * the metro deletes exactly them. Embedded metros cannot be removed.
 */
import { basename } from 'node:path';
import { InvalidInputError, NotFoundError } from '@metrocoop/core';
import type { TableName } from '../model/schemas.ts';
import { defaultDatasetName, modelColumns, quoteIdentifier, quoteLiteral, tableNames } from '../store/ddl.ts';
import type { Store } from '../store/store.ts';
import type { MetroDefinition } from './definition-schema.ts';
import { metroMessages } from './messages.ts';
import { type CheckedMetroDefinition, checkMetroDefinition, type MetroDefinitionIssue } from './read-definition.ts';

/** The indicator or classification of a unit set that is chosen from the data at analysis time. */
export const autoUnitSetField = 'auto';
/** The id of the unit set of every member, made when a definition has none. */
export const membersUnitSetId = 'members';

/** The dataset name of a user metro's rows. */
export function metroDatasetName(id: string): string {
  return `metro:${id.toLowerCase()}`;
}

/** What {@link addMetro} added. */
export interface AddMetroResult {
  readonly id: string;
  readonly dataset: string;
  readonly members: number;
  /** Regions that were new to the store. */
  readonly newRegions: readonly string[];
  readonly unitSets: readonly string[];
  readonly defaultUnitSet: string;
  readonly travelTimes: number;
  readonly boundaries: number;
}

/** A metro as listed by {@link listMetroOrigins}. */
export interface MetroOrigin {
  readonly id: string;
  readonly nameEn: string;
  readonly nameZh: string;
  readonly country: string;
  /** `embedded` (the shipped dataset) or `user` (added with `metro add`). */
  readonly origin: 'embedded' | 'user';
  readonly dataset: string;
  readonly members: number;
}

/** The error of a definition with problems: every issue, one line each, in its language. */
export class MetroDefinitionError extends InvalidInputError {
  readonly issues: readonly MetroDefinitionIssue[];
  constructor(file: string, issues: readonly MetroDefinitionIssue[]) {
    const line = (lang: 'en' | 'zh') => issues.map((i) => `  ${i.file} ${i.path}: ${i.message[lang]}`);
    const en = metroMessages.invalidDefinition(file, issues.length, line('en')).en;
    const zh = metroMessages.invalidDefinition(file, issues.length, line('zh')).zh;
    super({ en, zh }, { file, issues: issues.map((i) => ({ ...i })) }, 'INVALID_METRO_DEFINITION');
    this.issues = issues;
  }
}

type Value = string | number | boolean | null | readonly number[] | Record<string, unknown>;

function literal(v: Value): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return quoteLiteral(v);
  if (Array.isArray(v)) return `[${v.map((x) => String(Number(x))).join(', ')}]::INTEGER[]`;
  return quoteLiteral(JSON.stringify(v));
}

/** `INSERT` of rows given by schema key (missing keys are NULL), tagged with the dataset. */
function insertSql(table: TableName, rows: readonly Record<string, Value>[], dataset: string): string | null {
  if (rows.length === 0) return null;
  const columns = modelColumns(table);
  const names = [...columns.map((c) => quoteIdentifier(c.name)), 'dataset'].join(', ');
  const values = rows.map((r) => `(${[...columns.map((c) => literal(r[c.key] ?? null)), quoteLiteral(dataset)].join(', ')})`);
  return `INSERT INTO ${quoteIdentifier(table)} (${names}) VALUES ${values.join(',\n')}`;
}

/** Mean of a boundary's outer-ring vertices (the closing vertex counted once): a representative point. */
function boundaryPoint(boundary: NonNullable<MetroDefinition['members'][number]['boundary']>): { lon: number; lat: number } {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  let lon = 0;
  let lat = 0;
  let n = 0;
  for (const polygon of polygons) {
    const ring = polygon[0] ?? [];
    for (const p of ring.slice(0, -1)) {
      lon += p[0];
      lat += p[1];
      n++;
    }
  }
  return { lon: lon / n, lat: lat / n };
}

/**
 * Check a definition file and add its metro to the store in one transaction (nothing is written when the file has
 * a problem or anything fails).
 *
 * @throws {MetroDefinitionError} `INVALID_METRO_DEFINITION` with every problem and its path.
 */
export async function addMetro(store: Store, file: string): Promise<AddMetroResult> {
  const checked = await checkMetroDefinition(store, file);
  if (checked.issues.length > 0 || checked.definition === null) throw new MetroDefinitionError(checked.file, checked.issues);
  return writeMetro(store, checked, checked.definition);
}

async function writeMetro(store: Store, checked: CheckedMetroDefinition, def: MetroDefinition): Promise<AddMetroResult> {
  const id = def.id.toLowerCase();
  const dataset = metroDatasetName(id);
  const source = def.source ?? `metro-${id}`;
  const fileName = basename(checked.file);
  const known = new Set((await store.rows(`SELECT DISTINCT id FROM sources`)).map((r) => String(r.id)));
  const sources: Record<string, Value>[] = [];
  const addSource = (sid: string, citation: string) => {
    if (known.has(sid)) return;
    known.add(sid);
    sources.push({ id: sid, citation, publisher: 'user', whereFound: fileName });
  };
  addSource(source, `Metro definition ${fileName}`);
  for (const t of checked.travelTimes) addSource(t.source, `Travel times of the metro definition ${fileName}`);

  const newRegions = new Set(checked.newRegions);
  const regions = def.members
    .filter((m) => newRegions.has(m.id))
    .map((m) => {
      const point = m.point ?? (m.boundary === undefined ? null : boundaryPoint(m.boundary));
      return {
        id: m.id,
        nameZh: m.names?.zh ?? null,
        nameEn: m.names?.en ?? m.id,
        nameLocal: m.names?.local ?? null,
        level: m.level ?? 'city',
        parent: m.parent ?? null,
        lon: point?.lon ?? null,
        lat: point?.lat ?? null,
        areaKm2: m.areaKm2 ?? null,
        source,
      };
    });
  const geometries = def.members
    .filter((m) => m.boundary !== undefined)
    .map((m) => ({ region: m.id, geometry: m.boundary as Record<string, unknown>, source }));
  const sets =
    def.unitSets !== undefined && def.unitSets.length > 0
      ? def.unitSets
      : [
          {
            id: membersUnitSetId,
            names: { en: 'Every member', zh: '全部成员' },
            indicator: undefined,
            classification: undefined,
            members: undefined,
            default: true,
          },
        ];
  const defaultUnitSet = (sets.find((s) => s.default === true) ?? sets[0])?.id ?? membersUnitSetId;
  const unitSets = sets.map((s) => ({
    metro: id,
    id: s.id,
    nameEn: s.names.en,
    nameZh: s.names.zh ?? s.names.en,
    indicator: s.indicator ?? autoUnitSetField,
    classification: s.classification ?? autoUnitSetField,
    years: [] as number[],
    noteEn: null,
    noteZh: null,
  }));
  const unitSetMembers = sets.flatMap((s) => [...new Set(s.members ?? def.members.map((m) => m.id))].map((region) => ({ metro: id, unitSet: s.id, region })));
  const statements = [
    insertSql('sources', sources, dataset),
    insertSql('regions', regions, dataset),
    insertSql(
      'metros',
      [
        {
          id,
          nameZh: def.names.zh ?? def.names.en,
          nameEn: def.names.en,
          country: def.country,
          defaultUnitSet,
          noteEn: def.note?.en ?? null,
          noteZh: def.note?.zh ?? def.note?.en ?? null,
        },
      ],
      dataset,
    ),
    insertSql(
      'metro_members',
      def.members.map((m) => ({ metro: id, region: m.id, ring: m.ring })),
      dataset,
    ),
    insertSql('unit_sets', unitSets, dataset),
    insertSql('unit_set_members', unitSetMembers, dataset),
    insertSql(
      'travel_times',
      checked.travelTimes.map((t) => ({ ...t, trainsPerDay: null, timetableDate: null, note: null })),
      dataset,
    ),
    insertSql('geometries', geometries, dataset),
  ].filter((s): s is string => s !== null);
  await store.transaction(async (con) => {
    for (const sql of statements) await con.run(sql);
    await con.run(
      `INSERT INTO datasets (name, kind, content_hash, loaded_at, note) VALUES (${quoteLiteral(dataset)}, 'metro', NULL, now()::TIMESTAMP, ${quoteLiteral(fileName)})`,
    );
  });
  return {
    id,
    dataset,
    members: def.members.length,
    newRegions: [...newRegions],
    unitSets: sets.map((s) => s.id),
    defaultUnitSet,
    travelTimes: checked.travelTimes.length,
    boundaries: geometries.length,
  };
}

/** Every metro with its origin (embedded or user) and member count. */
export async function listMetroOrigins(store: Store): Promise<MetroOrigin[]> {
  const rows = await store.rows(
    `SELECT DISTINCT ON (m.id) m.id, m.name_en, m.name_zh, m.country, m.dataset,
       (SELECT count(DISTINCT region)::INTEGER FROM metro_members x WHERE x.metro = m.id) AS members
     FROM metros m ORDER BY m.id, m.dataset = ${quoteLiteral(defaultDatasetName)} DESC`,
  );
  return rows
    .map((r) => ({
      id: String(r.id),
      nameEn: String(r.name_en),
      nameZh: String(r.name_zh),
      country: String(r.country),
      origin: (r.dataset === defaultDatasetName ? 'embedded' : 'user') as MetroOrigin['origin'],
      dataset: String(r.dataset),
      members: Number(r.members),
    }))
    .sort((a, b) => (a.origin === b.origin ? 0 : a.origin === 'embedded' ? -1 : 1));
}

/** The stored id of a metro, matched without regard to case. @throws {NotFoundError} `UNKNOWN_METRO`. */
export async function resolveMetroId(store: Store, id: string): Promise<string> {
  const rows = await store.rows(`SELECT DISTINCT id FROM metros ORDER BY id`);
  const ids = rows.map((r) => String(r.id));
  const found = ids.find((x) => x === id) ?? ids.find((x) => x.toLowerCase() === id.toLowerCase());
  if (found === undefined) throw new NotFoundError(metroMessages.unknownMetro(id, ids), { id }, 'UNKNOWN_METRO');
  return found;
}

/** What {@link removeMetro} deleted. */
export interface RemoveMetroResult {
  readonly id: string;
  readonly dataset: string;
  /** Rows deleted per table (tables with none left out). */
  readonly rows: Readonly<Record<string, number>>;
}

/**
 * Remove a user metro: every row of its dataset, in one transaction. Observations imported for its regions stay
 * (they are their own datasets).
 *
 * @throws {NotFoundError} `UNKNOWN_METRO`. @throws {InvalidInputError} `EMBEDDED_METRO` for a metro of the embedded dataset.
 */
export async function removeMetro(store: Store, id: string): Promise<RemoveMetroResult> {
  const metro = await resolveMetroId(store, id);
  const datasets = (await store.rows(`SELECT DISTINCT dataset FROM metros WHERE id = $1`, [metro])).map((r) => String(r.dataset));
  if (datasets.includes(defaultDatasetName)) throw new InvalidInputError(metroMessages.cannotRemoveEmbedded(metro), { id: metro }, 'EMBEDDED_METRO');
  const dataset = metroDatasetName(metro);
  const rows: Record<string, number> = {};
  await store.transaction(async (con) => {
    for (const table of tableNames) {
      const reader = await con.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${quoteIdentifier(table)} WHERE dataset = $1`, [dataset]);
      const n = Number(reader.getRowObjectsJS()[0]?.n ?? 0);
      if (n === 0) continue;
      rows[table] = n;
      await con.run(`DELETE FROM ${quoteIdentifier(table)} WHERE dataset = $1`, [dataset]);
    }
    // A metro whose rows carry another dataset name (none are written so, but be thorough).
    for (const table of ['metros', 'metro_members', 'unit_sets', 'unit_set_members'] as const) {
      const column = table === 'metros' ? 'id' : 'metro';
      await con.run(`DELETE FROM ${quoteIdentifier(table)} WHERE ${column} = $1 AND dataset <> ${quoteLiteral(defaultDatasetName)}`, [metro]);
    }
    await con.run(`DELETE FROM datasets WHERE name = $1`, [dataset]);
  });
  return { id: metro, dataset, rows };
}
