/**
 * The importer tests' reference data: a handful of regions, classifications and industries (names as in the
 * yearbooks / NAICS manual), tagged dataset `default`. The `seeded` store template (store-template.ts) is the
 * schema plus these rows.
 */
import { builtInIndustryNames } from '../../src/import/industry-names.ts';
import type { Store } from '../../src/store/store.ts';

const q = (v: string | null) => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);

export const testRegions: readonly (readonly [string, string | null, string, string, string | null])[] = [
  ['CN', '中国', 'China', 'country', null],
  ['CN-110000', '北京市', 'Beijing', 'province', 'CN'],
  ['CN-120000', '天津市', 'Tianjin', 'province', 'CN'],
  ['CN-130000', '河北省', 'Hebei', 'province', 'CN'],
  ['CN-130100', '石家庄市', 'Shijiazhuang', 'city', 'CN-130000'],
  ['CN-130200', '唐山市', 'Tangshan', 'city', 'CN-130000'],
  ['US', null, 'United States', 'country', null],
  ['US-36', null, 'New York', 'state', 'US'],
  ['US-36005', null, 'Bronx County', 'county', 'US-36'],
  ['US-36047', null, 'Kings County', 'county', 'US-36'],
  ['US-36061', null, 'New York County', 'county', 'US-36'],
  ['US-CBSA-35620', null, 'New York-Newark-Jersey City, NY-NJ-PA', 'msa', 'US'],
];

/** NAICS 2017 sectors as published (codes only; names from the NAICS manual are not needed by the tests). */
export const naicsSectors = [
  '11',
  '21',
  '22',
  '23',
  '31-33',
  '42',
  '44-45',
  '48-49',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '61',
  '62',
  '71',
  '72',
  '81',
  '92',
  '99',
];

/** Create the schema and insert the test reference data into an open store. */
export async function seed(store: Store): Promise<void> {
  await store.ensureSchema();
  const regionValues = testRegions.map(([id, zh, en, level, parent]) => `(${q(id)}, ${q(zh)}, ${q(en)}, ${q(level)}, ${q(parent)}, 'default')`);
  await store.run(`INSERT INTO regions (id, name_zh, name_en, level, parent, dataset) VALUES ${regionValues.join(', ')}`);
  await store.run(`INSERT INTO classifications (id, name_en, name_zh, levels, dataset) VALUES
    ('GBT4754-2017', 'GB/T 4754-2017', '国民经济行业分类', ['section'], 'default'),
    ('THREE-SECTOR', 'Three sectors', '三次产业', ['sector'], 'default'),
    ('NAICS-2017', 'NAICS 2017', '北美产业分类 2017', ['sector'], 'default')`);
  const industries = [
    ...builtInIndustryNames
      .filter(([c]) => c === 'GBT4754-2017' || c === 'THREE-SECTOR')
      .filter(([c, , n]) => c !== 'THREE-SECTOR' || /产业/.test(n))
      .map(([c, code, name]) => `(${q(c)}, ${q(code)}, ${q(name)}, 'section', 'default')`),
    ...naicsSectors.map((code) => `('NAICS-2017', ${q(code)}, NULL, 'sector', 'default')`),
  ];
  await store.run(`INSERT INTO industries (classification, code, name_zh, level, dataset) VALUES ${industries.join(', ')}`);
}
