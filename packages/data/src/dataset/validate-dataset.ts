/**
 * Whole-dataset validation of the embedded dataset (packages/data/dataset): every file of every table parsed back
 * and checked against its schema, duplicate keys, and referential integrity — every region, source,
 * classification, industry, metro and unit-set id referenced exists, parents exist, unit-set members are metro
 * members with data, unit-set years match the observations, every firm relocation names two different regions in
 * increasing years. All problems are collected into one report.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type TableName, tables } from '../model/schemas.ts';
import { datasetMessages } from './messages.ts';
import { type DatasetProblem, type DatasetRow, datasetParts, datasetProblem, type LocatedRow, readDatasetTableDetailed } from './read-dataset.ts';

/** The key columns of each table (a row's identity; two rows with the same key are a duplicate). */
export const tableKeys: { readonly [T in TableName]: readonly (keyof DatasetRow<T> & string)[] } = {
  sources: ['id'],
  classifications: ['id'],
  industries: ['classification', 'code'],
  crosswalks: ['fromClassification', 'fromCode', 'toClassification', 'toCode'],
  regions: ['id'],
  metros: ['id'],
  metro_members: ['metro', 'region'],
  unit_sets: ['metro', 'id'],
  unit_set_members: ['metro', 'unitSet', 'region'],
  // vintages of one figure share region/year/indicator/industry and differ by source
  observations: ['region', 'year', 'indicator', 'classification', 'industry', 'source'],
  io_tables: ['id'],
  io_cells: ['table', 'rowKind', 'row', 'colKind', 'col'],
  travel_times: ['origin', 'destination', 'mode', 'source'],
  firm_relocations: ['firmId', 'yearFrom'],
  knowledge: ['id'],
  geometries: ['region'],
};

/** The validation report of a dataset directory. */
export interface DatasetReport {
  /** Rows that parsed, per table. */
  readonly counts: Record<TableName, number>;
  readonly problems: DatasetProblem[];
  /** True when no problem has severity `error`. */
  readonly ok: boolean;
}

type Rows = { [T in TableName]: LocatedRow<T>[] };

const fn = 'validateDataset';

/**
 * Validate a dataset directory as a whole.
 *
 * @param dir - the dataset directory (packages/data/dataset or a copy with the same layout).
 * @returns every table's row count and every problem found; never throws for bad data.
 * @example
 * const report = validateDataset('packages/data/dataset');
 * if (!report.ok) console.log(report.problems.map((p) => `${p.file}:${p.row} ${p.message.en}`).join('\n'));
 */
export function validateDataset(dir: string): DatasetReport {
  const problems: DatasetProblem[] = [];
  const rows = {} as Rows;
  const tableNames = Object.keys(tables) as TableName[];
  for (const table of tableNames) {
    const read = readDatasetTableDetailed(dir, table);
    (rows as Record<TableName, unknown>)[table] = read.rows;
    problems.push(...read.problems);
    if (read.files.length === 0) {
      problems.push(datasetProblem('MISSING_TABLE', table, null, datasetMessages.missingTable(fn, table), { severity: 'warning' }));
    }
    for (const file of read.files) {
      const part = (file.split('/')[1] ?? '').replace(/\.(csv|geojson)$/, '');
      if (!(datasetParts as readonly string[]).includes(part)) {
        problems.push(datasetProblem('UNKNOWN_PART', file, null, datasetMessages.unknownPart(fn, file), { severity: 'warning' }));
      }
    }
  }
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      if (statSync(join(dir, name)).isDirectory() && !Object.hasOwn(tables, name)) {
        problems.push(datasetProblem('UNKNOWN_PART', name, null, datasetMessages.unknownPart(fn, name), { severity: 'warning' }));
      }
    }
  }
  for (const table of tableNames) problems.push(...duplicateKeys(table, rows[table] as LocatedRow<TableName>[]));
  problems.push(...references(rows));
  const counts = Object.fromEntries(tableNames.map((t) => [t, rows[t].length])) as Record<TableName, number>;
  return { counts, problems, ok: !problems.some((p) => p.severity === 'error') };
}

const keyOf = (row: Record<string, unknown>, columns: readonly string[]): string =>
  columns.map((c) => (row[c] === null || row[c] === undefined ? '' : String(row[c]))).join('|');

function duplicateKeys(table: TableName, located: LocatedRow<TableName>[]): DatasetProblem[] {
  const columns = tableKeys[table] as readonly string[];
  const seen = new Map<string, string>();
  const out: DatasetProblem[] = [];
  for (const { file, line, row } of located) {
    const key = keyOf(row as Record<string, unknown>, columns);
    const where = `${table}/${file}:${line}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, where);
    else
      out.push(
        datasetProblem('DUPLICATE_KEY', `${table}/${file}`, line, datasetMessages.duplicateKey(fn, table, key, first), {
          value: key,
        }),
      );
  }
  return out;
}

function references(rows: Rows): DatasetProblem[] {
  const out: DatasetProblem[] = [];
  const ids = <T extends TableName>(table: T, key: (r: DatasetRow<T>) => string): Set<string> => new Set(rows[table].map((l) => key(l.row)));
  const sourceIds = ids('sources', (r) => r.id);
  const classificationIds = ids('classifications', (r) => r.id);
  const industryKeys = ids('industries', (r) => `${r.classification}:${r.code}`);
  const regionIds = ids('regions', (r) => r.id);
  const metroIds = ids('metros', (r) => r.id);
  const unitSetKeys = ids('unit_sets', (r) => `${r.metro}/${r.id}`);
  const memberKeys = ids('metro_members', (r) => `${r.metro}/${r.region}`);
  const tableIds = ids('io_tables', (r) => r.id);

  const check = (table: string, located: { file: string; line: number }, column: string, value: string | null, known: Set<string>, target: string): void => {
    if (value === null || known.has(value)) return;
    out.push(
      datasetProblem('MISSING_REFERENCE', `${table}/${located.file}`, located.line, datasetMessages.missingReference(fn, table, column, value, target), {
        column,
        value,
        expected: `an id of ${target}`,
      }),
    );
  };

  for (const l of rows.classifications) check('classifications', l, 'source', l.row.source, sourceIds, 'sources');
  for (const l of rows.industries) {
    check('industries', l, 'classification', l.row.classification, classificationIds, 'classifications');
    if (l.row.parent !== null) check('industries', l, 'parent', `${l.row.classification}:${l.row.parent}`, industryKeys, 'industries');
  }
  for (const l of rows.crosswalks) {
    const r = l.row;
    check('crosswalks', l, 'from_classification', r.fromClassification, classificationIds, 'classifications');
    check('crosswalks', l, 'to_classification', r.toClassification, classificationIds, 'classifications');
    check('crosswalks', l, 'from_code', `${r.fromClassification}:${r.fromCode}`, industryKeys, 'industries');
    check('crosswalks', l, 'to_code', `${r.toClassification}:${r.toCode}`, industryKeys, 'industries');
    check('crosswalks', l, 'source', r.source, sourceIds, 'sources');
  }
  for (const l of rows.regions) {
    check('regions', l, 'parent', l.row.parent, regionIds, 'regions');
    check('regions', l, 'source', l.row.source, sourceIds, 'sources');
  }
  for (const l of rows.metros) check('metros', l, 'default_unit_set', `${l.row.id}/${l.row.defaultUnitSet}`, unitSetKeys, 'unit_sets');
  for (const l of rows.metro_members) {
    check('metro_members', l, 'metro', l.row.metro, metroIds, 'metros');
    check('metro_members', l, 'region', l.row.region, regionIds, 'regions');
  }
  for (const l of rows.unit_sets) {
    check('unit_sets', l, 'metro', l.row.metro, metroIds, 'metros');
    check('unit_sets', l, 'classification', l.row.classification, classificationIds, 'classifications');
  }
  for (const l of rows.unit_set_members) {
    check('unit_set_members', l, 'unit_set', `${l.row.metro}/${l.row.unitSet}`, unitSetKeys, 'unit_sets');
    check('unit_set_members', l, 'region', l.row.region, regionIds, 'regions');
    if (!memberKeys.has(`${l.row.metro}/${l.row.region}`)) {
      out.push(
        datasetProblem('NOT_METRO_MEMBER', `unit_set_members/${l.file}`, l.line, datasetMessages.notMetroMember(fn, l.row.metro, l.row.unitSet, l.row.region), {
          column: 'region',
          value: l.row.region,
        }),
      );
    }
  }
  for (const l of rows.observations) {
    const r = l.row;
    check('observations', l, 'region', r.region, regionIds, 'regions');
    check('observations', l, 'classification', r.classification, classificationIds, 'classifications');
    check('observations', l, 'source', r.source, sourceIds, 'sources');
    if (r.industry !== null) {
      if (r.classification === null) {
        out.push(
          datasetProblem('INDUSTRY_WITHOUT_CLASSIFICATION', `observations/${l.file}`, l.line, datasetMessages.industryWithoutClassification(fn, r.industry), {
            column: 'industry',
            value: r.industry,
          }),
        );
      } else check('observations', l, 'industry', `${r.classification}:${r.industry}`, industryKeys, 'industries');
    }
    if (r.withheld && r.value !== null) {
      out.push(
        datasetProblem('WITHHELD_WITH_VALUE', `observations/${l.file}`, l.line, datasetMessages.withheldWithValue(fn, r.value), {
          column: 'value',
          value: r.value,
        }),
      );
    }
    if (!r.withheld && r.value === null) {
      out.push(datasetProblem('GAP_ROW', `observations/${l.file}`, l.line, datasetMessages.gapRow(fn), { column: 'value' }));
    }
  }
  for (const l of rows.io_tables) {
    check('io_tables', l, 'classification', l.row.classification, classificationIds, 'classifications');
    check('io_tables', l, 'source', l.row.source, sourceIds, 'sources');
  }
  const tableClassification = new Map(rows.io_tables.map((l) => [l.row.id, l.row.classification]));
  for (const l of rows.io_cells) {
    check('io_cells', l, 'table', l.row.table, tableIds, 'io_tables');
    const classification = tableClassification.get(l.row.table);
    if (classification === undefined) continue;
    if (l.row.rowKind === 'sector') check('io_cells', l, 'row', `${classification}:${l.row.row}`, industryKeys, 'industries');
    if (l.row.colKind === 'sector') check('io_cells', l, 'col', `${classification}:${l.row.col}`, industryKeys, 'industries');
  }
  for (const l of rows.travel_times) {
    check('travel_times', l, 'origin', l.row.origin, regionIds, 'regions');
    check('travel_times', l, 'destination', l.row.destination, regionIds, 'regions');
    check('travel_times', l, 'source', l.row.source, sourceIds, 'sources');
  }
  for (const l of rows.firm_relocations) {
    const r = l.row;
    check('firm_relocations', l, 'origin', r.origin, regionIds, 'regions');
    check('firm_relocations', l, 'destination', r.destination, regionIds, 'regions');
    check('firm_relocations', l, 'source', r.source, sourceIds, 'sources');
    if (r.origin === r.destination || r.yearTo <= r.yearFrom) {
      out.push(
        datasetProblem('BAD_MOVE', `firm_relocations/${l.file}`, l.line, datasetMessages.badMove(fn, r.firmId, r.yearFrom, r.yearTo, r.origin, r.destination), {
          value: `${r.origin}→${r.destination} ${r.yearFrom}→${r.yearTo}`,
        }),
      );
    }
  }
  for (const l of rows.knowledge) {
    check('knowledge', l, 'metro', l.row.metro, metroIds, 'metros');
    check('knowledge', l, 'region', l.row.region, regionIds, 'regions');
    for (const source of l.row.source.split('|')) check('knowledge', l, 'source', source, sourceIds, 'sources');
    for (const industry of l.row.industries) check('knowledge', l, 'industries', industry, industryKeys, 'industries');
  }
  for (const l of rows.geometries) {
    check('geometries', l, 'region', l.row.region, regionIds, 'regions');
    check('geometries', l, 'source', l.row.source, sourceIds, 'sources');
  }
  out.push(...unitSetChecks(rows));
  return out;
}

/** Each metro has its default unit set; each unit-set member has data; listed years = years every member has data. */
function unitSetChecks(rows: Rows): DatasetProblem[] {
  const out: DatasetProblem[] = [];
  const wanted = new Set(rows.unit_sets.map((l) => `${l.row.indicator}|${l.row.classification}`));
  const have = new Map<string, Set<number>>(); // indicator|classification|region → years with a usable value
  for (const { row } of rows.observations) {
    if (row.industry === null || row.classification === null || row.value === null || row.withheld) continue;
    const pair = `${row.indicator}|${row.classification}`;
    if (!wanted.has(pair)) continue;
    const key = `${pair}|${row.region}`;
    let years = have.get(key);
    if (years === undefined) {
      years = new Set();
      have.set(key, years);
    }
    years.add(row.year);
  }
  const membersOf = new Map<string, string[]>();
  for (const { row } of rows.unit_set_members) {
    const key = `${row.metro}/${row.unitSet}`;
    (membersOf.get(key) ?? membersOf.set(key, []).get(key))?.push(row.region);
  }
  for (const metro of rows.metros) {
    if (!rows.unit_sets.some((u) => u.row.metro === metro.row.id)) {
      out.push(
        datasetProblem('NO_UNIT_SET', `metros/${metro.file}`, metro.line, datasetMessages.missingDefaultUnitSet(fn, metro.row.id), { value: metro.row.id }),
      );
    }
  }
  for (const l of rows.unit_sets) {
    const u = l.row;
    const file = `unit_sets/${l.file}`;
    let common: number[] | undefined;
    for (const region of membersOf.get(`${u.metro}/${u.id}`) ?? []) {
      const years: Set<number> = have.get(`${u.indicator}|${u.classification}|${region}`) ?? new Set<number>();
      if (years.size === 0) {
        out.push(
          datasetProblem('MEMBER_WITHOUT_DATA', file, l.line, datasetMessages.memberWithoutData(fn, u.metro, u.id, region, u.indicator, u.classification), {
            value: region,
          }),
        );
      }
      common = common === undefined ? [...years] : common.filter((y) => years.has(y));
    }
    const expected = (common ?? []).sort((a, b) => a - b);
    if (expected.length === 0) out.push(datasetProblem('EMPTY_YEARS', file, l.line, datasetMessages.emptyYears(fn, u.metro, u.id), { column: 'years' }));
    const listed = [...u.years].sort((a, b) => a - b);
    if (listed.length !== expected.length || listed.some((y, k) => y !== expected[k])) {
      out.push(
        datasetProblem('YEARS_MISMATCH', file, l.line, datasetMessages.yearsMismatch(fn, u.metro, u.id, listed, expected), {
          column: 'years',
          value: listed.join('|'),
          expected: expected.join('|'),
        }),
      );
    }
  }
  return out;
}
