/**
 * Builder of the US part of the embedded dataset (New York MSA and the Boston–Washington corridor): reads
 * packages/data/raw/us/** and transport/us_amtrak_* and writes packages/data/dataset/<table>/us.csv and
 * geometries/us.geojson.
 *
 * What goes where (see the "United States" section of packages/data/dataset/README.md):
 * - regions: `US`, the 10 corridor states `US-36` …, the 5 MSAs `US-CBSA-35620` …, the 73 counties `US-36061` …
 *   (parent the MSA of the 2013 delineation), plus Dutchess and Orange (NY), which have county GDP but are outside
 *   that delineation (parent the state).
 * - observations: `employees` by NAICS sector per programme (ABS 2017 counties, CBP 2019 MSAs, NYS QCEW 2010/2017
 *   for New York State counties; ABS withheld cells flagged, value empty), QCEW private/government totals, ACS
 *   population, Gazetteer land/water area, CBP establishments, county/state/US GDP (`gdp`, BEA line 1) and value added
 *   by BEA GDP line (thousand or million USD → USD; `(D)` cells withheld).
 * - industries US-BEA-SUMMARY (71 industries + 2 commodity-only codes) and US-BEA-GDP-LINE (33 lines); crosswalks
 *   to NAICS-2017; BEA summary use tables 2012 and 2019 and make table 2019; Amtrak rail times between MSAs;
 *   county boundaries.
 *
 * Run: `npx tsx packages/data/scripts/build/us.ts [--from <rawDir>] [--out <outDir>]` (defaults: packages/data/raw and
 * packages/data/dataset; see raw-dir.ts).
 */
import { join } from 'node:path';
import { InvalidInputError } from '@metrocoop/core';
import type { Crosswalk, Industry, InputOutputCell, InputOutputTableInfo, Observation, Region, Source, TravelTime } from '../../src/model/schemas.ts';
import type { FeatureCollection } from './csv-writer.ts';
import { buildMessages } from './messages.ts';
import { addOfficialRegions } from './official-regions.ts';
import {
  countryRegion,
  isMain,
  observation,
  type RawRecord,
  rawNumber,
  readRawCsv,
  readRawGeoJson,
  runBuilderScript,
  writePartGeometries,
  writePartTables,
} from './shared.ts';

const FN = 'buildUnitedStates';

/** Sources of the US part (from us/SOURCES.md, us/gdp_by_industry/SOURCES.md and transport/SOURCES.md). */
const usSources: Source[] = [
  {
    id: 'us_census_abs2017_county',
    citation: 'U.S. Census Bureau, Annual Business Survey 2017, Company Summary, county by NAICS 2017 sector (EMP)',
    publisher: 'U.S. Census Bureau',
    table: 'ABS Company Summary (abscs), reference year 2017, county level; SEX=001, ETH_GROUP=001, RACE_GROUP=00, VET_GROUP=001',
    whereFound:
      'GitHub fansi-sifan/metro-datasets (Brookings Metro), census/census_abs/stco_naics_ownership.rda, commit 1c3c9160847e187a2cb423e2fc22328b7d6657bd',
    url: null,
    licence: 'U.S. federal government work (public domain)',
    notes:
      'Employees of employer firms, pay period including March 12. Cells with EMP = 0 in the extract are withheld (not published) in the source: 405 of 1,473 cells, mostly NAICS 11, 21, 22, 55, 99. Excludes government, most agriculture and non-employers.',
  },
  {
    id: 'us_census_cbp2019_cbsa',
    citation: 'U.S. Census Bureau, County Business Patterns 2019, metropolitan statistical areas, NAICS 2017 sectors (EMP, ESTAB)',
    publisher: 'U.S. Census Bureau',
    table: 'CBP 2019, CBSA level, 2-digit NAICS incl. 31-33, 44-45, 48-49 and total 00',
    whereFound: 'GitHub fansi-sifan/metro-datasets, census/census_cbp/cbp_cbsa_naics_emp.rda, commit 1c3c9160847e187a2cb423e2fc22328b7d6657bd',
    url: null,
    licence: 'public domain',
    notes:
      'Paid employees, pay period including March 12. CBSA geography as used by CBP 2019 may include Dutchess and Orange counties in MSA 35620 (OMB Bulletin 18-04), unlike the 23-county list of the regions. Excludes most government, self-employed, railroads, agricultural production.',
  },
  {
    id: 'us_nysdol_qcew',
    citation: 'New York State Department of Labor, QCEW (ES-202) annual averages by county, 2010 and 2017 (AVGEMP)',
    publisher: 'New York State Department of Labor',
    table: 'qcew_annual_2010.txt, qcew_annual_2017.txt',
    whereFound: 'GitHub JieYingWu/COVID-19_US_County-level_Summaries, raw_data/NY/database/qcew/, commit 68780ca8e69cb190ebefaa3fcf1767070235e74c',
    url: null,
    licence: 'state government statistics, public',
    notes:
      'Only the 10 New York State counties of the NY MSA. Sector rows are private ownership; the total (00) includes government; GOV = all government. Unpublished cells are absent. Annual average of monthly employment covered by unemployment insurance — a different concept from CBP/ABS.',
  },
  {
    id: 'us_acs5_2018_brookings',
    citation: 'U.S. Census Bureau, American Community Survey 2014–2018 5-year estimates, total population (B01003)',
    publisher: 'U.S. Census Bureau',
    table: 'ACS 5-year 2014–2018, B01003 total population',
    whereFound: 'GitHub fansi-sifan/metro-datasets, census/acs5_2018/co_acs.csv, commit 1c3c9160847e187a2cb423e2fc22328b7d6657bd',
    url: null,
    licence: 'public domain',
    notes: 'A 5-year estimate; year 2018 = end of the period.',
  },
  {
    id: 'us_acs1_2019_brookings',
    citation: 'U.S. Census Bureau, American Community Survey 2019 1-year estimates, total population',
    publisher: 'U.S. Census Bureau',
    table: 'ACS 1-year 2019, B01003 / DP05 total population',
    whereFound: 'GitHub fansi-sifan/metro-datasets, acs1_2019/co_acs.csv and acs1_2019/cbsa_acs.csv, commit 1c3c9160847e187a2cb423e2fc22328b7d6657bd',
    url: null,
    licence: 'public domain',
    notes: 'Missing in the extract for 25 of the 73 counties (1-year estimates are published only for larger areas); left out, not filled.',
  },
  {
    id: 'us_census_gazetteer2019',
    citation: 'U.S. Census Bureau, 2019 Gazetteer Files, counties (ALAND, AWATER, INTPTLAT, INTPTLONG)',
    publisher: 'U.S. Census Bureau',
    table: '2019_Gaz_counties_national.txt',
    whereFound: 'GitHub FatemehAsgarinejad/Maps, 2019_Gaz_counties_national.txt, commit c0ef93ea9dae3bc55d64e88aa317946105f9942c',
    url: null,
    licence: 'public domain',
    notes:
      'Areas in m² converted to km² by the data collectors. County points are the Gazetteer internal points. MSA points and areas are derived from the member counties (land-area-weighted mean point, sum of land areas; 2013 delineation).',
  },
  {
    id: 'us_msa_delineation',
    citation: 'County → CBSA crosswalk (OMB 2013/2015 delineation) used for the counties of the 5 corridor MSAs',
    publisher: 'Office of Management and Budget, via Brookings Metro (fansi-sifan/metro-datasets)',
    table: 'GETDATA/data/county_cbsa_st.rda',
    whereFound: 'GitHub fansi-sifan/metro-datasets, commit 1c3c9160847e187a2cb423e2fc22328b7d6657bd',
    url: null,
    licence: 'public domain',
    notes: 'MSA 35620 = 23 counties (before OMB Bulletin 18-04 added Dutchess and Orange, NY). Parents of the county regions.',
  },
  {
    id: 'us_bea_io_summary_use',
    citation: "U.S. BEA, Input–Output Accounts, Summary Use table before redefinitions, producers' prices, 2012 and 2019 (2017 benchmark schema)",
    publisher: 'U.S. Bureau of Economic Analysis',
    table: 'Summary Use, before redefinitions, producer prices (AllTablesIO.zip)',
    whereFound:
      'GitHub USEPA/useeior, data/Summary_Use_2019_PRO_BeforeRedef_17sch.rda and data/Summary_Use_2012_PRO_BeforeRedef_17sch.rda, commit e23acf9ceb9f81a89233be713b898fe51ab55ba7',
    url: null,
    licence: 'BEA data public domain (useeior package MIT; only data taken)',
    notes: 'Million USD. NA cells of the source are omitted. Total value added 2019 = 21,539,980 million USD (= 2019 nominal GDP).',
  },
  {
    id: 'us_bea_io_summary_make',
    citation: 'U.S. BEA, Input–Output Accounts, Summary Make table before redefinitions, 2019 (2017 benchmark schema)',
    publisher: 'U.S. Bureau of Economic Analysis',
    table: 'Summary Make, before redefinitions (AllTablesIO.zip)',
    whereFound: 'GitHub USEPA/useeior, data/Summary_Make_2019_BeforeRedef_17sch.rda, commit e23acf9ceb9f81a89233be713b898fe51ab55ba7',
    url: null,
    licence: 'BEA data public domain',
    notes: 'Million USD. Rows industries, columns commodities.',
  },
  {
    id: 'us_bea_cagdp2_2021-12_ny',
    citation: 'U.S. BEA, CAGDP2 GDP by county and metropolitan area, New York State file, 2001–2020 (released 2021-12-08)',
    publisher: 'U.S. Bureau of Economic Analysis, Regional Economic Accounts',
    table: 'CAGDP2 Gross domestic product (GDP) by county, thousands of current dollars',
    whereFound: 'GitHub jjp55/Compaing-RTP-to-SF-NYC-and-Boston, CAGDP2_NY_2001_2020.csv, commit 3dedcc0d6a4bd1f55b606c7900dff1c1c6d6cee0',
    url: null,
    licence: 'U.S. federal government work (public domain); cite BEA',
    notes:
      'New statistics for 2020, revised 2001–2019. (D) = not shown to avoid disclosure. 34 lines incl. overlapping aggregates; the 20 non-overlapping lines are 3, 6, 10, 11, 12, 34, 35, 36, 45, 51, 56, 60, 64, 65, 69, 70, 76, 79, 82, 83.',
  },
  {
    id: 'us_bea_cagdp2_2021-12_ma',
    citation: 'U.S. BEA, CAGDP2 GDP by county and metropolitan area, Massachusetts file, 2001–2020 (released 2021-12-08)',
    publisher: 'U.S. Bureau of Economic Analysis, Regional Economic Accounts',
    table: 'CAGDP2 Gross domestic product (GDP) by county, thousands of current dollars',
    whereFound: 'GitHub jjp55/Compaing-RTP-to-SF-NYC-and-Boston, CAGDP2_MA_2001_2020.csv, commit 3dedcc0d6a4bd1f55b606c7900dff1c1c6d6cee0',
    url: null,
    licence: 'U.S. federal government work (public domain); cite BEA',
    notes: 'As the New York file.',
  },
  {
    id: 'us_bea_sagdp2n_2023-03',
    citation: 'U.S. BEA, SAGDP2N GDP by state, all areas, 1997–2022 (released 2023-03-31)',
    publisher: 'U.S. Bureau of Economic Analysis, Regional Economic Accounts',
    table: 'SAGDP2N Gross domestic product (GDP) by state, millions of current dollars',
    whereFound: 'GitHub Kieran-Manske/GDP-in-relation-to-Industries, SAGDP2N__ALL_AREAS_1997_2022.csv, commit 9aec5c7ff6aa4fb1cbef19e928f93b0c61d48c53',
    url: null,
    licence: 'U.S. federal government work (public domain); cite BEA',
    notes:
      'New statistics for 2022. A different vintage from the county files: NY State totals differ by +0.05 % (2017) … +0.93 % (2020). Used for the US and the 10 corridor states, restricted to the same 34 lines.',
  },
  {
    id: 'us_atlas_counties',
    citation: 'us-atlas 3.0.1, counties-10m.json (from U.S. Census Bureau cartographic boundary files, 2017)',
    publisher: 'U.S. Census Bureau, via the us-atlas npm package',
    table: 'counties-10m.json (TopoJSON, quantised and simplified)',
    whereFound: 'npm package us-atlas@3.0.1, decoded to GeoJSON by the data collectors',
    url: null,
    licence: 'ISC (package); Census geometry public domain',
    notes: 'Heavily simplified; tiny independent cities collapse to near-degenerate polygons. Not for area computation.',
  },
  {
    id: 'us_amtrak_gtfs_20241228',
    citation:
      'Amtrak static GTFS feed (2024-12-28 copy): fastest scheduled direct train and number of direct trains between corridor metros on Wednesday 2025-01-15',
    publisher: 'Amtrak (National Railroad Passenger Corporation)',
    table: 'GTFS.zip: calendar, routes, trips, stop_times, stops',
    whereFound:
      'GitHub OkayKenji/Trains, folder amtrak/, commit 147620f334e6e963cf426b897e24fe197a6b389a; processed by transport/scripts/us_amtrak_direct_times.py into transport/us_amtrak_direct_od.csv',
    url: null,
    licence: null,
    notes:
      'Amtrak only (no NJ Transit, SEPTA, MARC, MBTA). In-vehicle time (arrival − departure) of one scheduled train; stations Boston BOS/BBY, New York NYP, Philadelphia PHL, Baltimore BAL, Washington WAS. calendar_dates.txt missing, so holiday exceptions are unknown.',
  },
  {
    id: 'us_concordance_bea_naics',
    citation: 'metrocoop raw-data collection (2026-11-28): BEA summary industry → NAICS 2017 sector, derived from the code structure',
    publisher: 'metrocoop project',
    table: 'us/sector_concordance_bea_naics.csv',
    whereFound: 'packages/data/raw/us/sector_concordance_bea_naics.csv',
    url: null,
    licence: null,
    notes: 'The five government industries (GFGD, GFGN, GFE, GSLG, GSLE) have no NAICS sector counterpart in CBP/ABS and get no row.',
  },
];

/** NAICS sector codes as the employment files print them (00 = total). */
const naicsSectors = new Set(['11', '21', '22', '23', '31-33', '42', '44-45', '48-49', '51', '52', '53', '54', '55', '56', '61', '62', '71', '72', '81', '99']);

/** The Amtrak metro names and the region file's `metro` codes. */
const amtrakMetro: Record<string, string> = {
  Boston: 'BOS',
  'New York': 'NYC',
  Philadelphia: 'PHL',
  Baltimore: 'BAL',
  Washington: 'WAS',
};

/** Counties with county GDP that are not in the regions file (outside the 2013 delineation of MSA 35620). */
const extraCounties: Record<string, string> = {
  '36027': 'Dutchess County, New York',
  '36071': 'Orange County, New York',
};

const useValueAddedRows = new Set(['V001', 'V002', 'V003']);
const useTotalRows = new Set(['Total Intermediate', 'Total Value Added', 'Total Industry Output']);
const useTotalCols = new Set(['Total Intermediate', 'Total Final Uses (GDP)', 'Total Commodity Output']);

/** Build the US part. */
export async function buildUnitedStates(rawDir: string, outDir: string): Promise<{ counts: Record<string, number> }> {
  const us = join(rawDir, 'us');
  const regions: Region[] = [];
  const observations: Observation[] = [];
  const industries: Industry[] = [];
  const crosswalks: Crosswalk[] = [];
  const ioCells: InputOutputCell[] = [];
  /** The error for an unknown code (`throw unknownCode(…)` in statements, `fail(…)` inside expressions). */
  const unknownCode = (file: string, line: number, kind: string, code: unknown): InvalidInputError =>
    new InvalidInputError(buildMessages.unknownCode(FN, file, line, kind, code), { file, line });
  const fail = (file: string, line: number, kind: string, code: unknown): never => {
    throw unknownCode(file, line, kind, code);
  };

  // Regions ------------------------------------------------------------------------------------------------------
  regions.push(countryRegion('US', '美国', 'United States', null));
  const regionsFile = join(us, 'regions.csv');
  const rawRegions = readRawCsv(regionsFile, FN);
  /** Raw 5-digit code (county FIPS or CBSA) → region id. */
  const regionId = new Map<string, string>();
  const msaByMetro = new Map<string, string>();
  const stateNames = new Map<string, string>();
  rawRegions.forEach((r, k) => {
    const line = k + 2;
    const code = r.code ?? '';
    if (!/^\d{5}$/.test(code)) fail(regionsFile, line, 'region code', code);
    const msa = r.ring === 'corridor_msa';
    const id = msa ? `US-CBSA-${code}` : `US-${code}`;
    regionId.set(code, id);
    if (msa) msaByMetro.set(r.metro ?? '', id);
    else {
      const name = r.name_en ?? '';
      const comma = name.lastIndexOf(', ');
      if (comma < 0) fail(regionsFile, line, 'county name without state', name);
      stateNames.set(code.slice(0, 2), name.slice(comma + 2));
    }
    regions.push({
      id,
      nameZh: null,
      nameEn: r.name_en ?? '',
      nameLocal: null,
      level: msa ? 'msa' : 'county',
      parent: msa ? 'US' : `US-CBSA-${r.parent_code ?? ''}`,
      lon: rawNumber(r, 'lon', regionsFile, line, FN),
      lat: rawNumber(r, 'lat', regionsFile, line, FN),
      areaKm2: rawNumber(r, 'area_km2', regionsFile, line, FN),
      source: msa ? 'us_msa_delineation' : 'us_census_gazetteer2019',
    });
  });
  for (const [state, name] of stateNames) {
    regions.push({
      id: `US-${state}`,
      nameZh: null,
      nameEn: name,
      nameLocal: null,
      level: 'state',
      parent: 'US',
      lon: null,
      lat: null,
      areaKm2: null,
      source: 'us_msa_delineation',
    });
  }
  for (const [code, name] of Object.entries(extraCounties)) {
    regionId.set(code, `US-${code}`);
    regions.push({
      id: `US-${code}`,
      nameZh: null,
      nameEn: name,
      nameLocal: null,
      level: 'county',
      parent: `US-${code.slice(0, 2)}`,
      lon: null,
      lat: null,
      areaKm2: null,
      source: 'us_bea_cagdp2_2021-12_ny',
    });
  }
  // Every other state and county of the FIPS list (the rows above unchanged).
  const official = addOfficialRegions(rawDir, 'US', regions);
  regions.push(...official.regions.slice(regions.length));
  const region = (code: string, file: string, line: number): string => regionId.get(code) ?? fail(file, line, 'region code', code);

  // Employment (employment.csv) -----------------------------------------------------------------------------------
  const employmentFile = join(us, 'employment.csv');
  /** Totals of employment.csv by `code|year|source`, to check that indicators.csv repeats them exactly. */
  const employmentTotals = new Map<string, number | null>();
  let withheldEmployment = 0;
  readRawCsv(employmentFile, FN).forEach((r, k) => {
    const line = k + 2;
    const source = r.source_id ?? '';
    const year = rawNumber(r, 'year', employmentFile, line, FN);
    const code = r.industry_code ?? '';
    const empty = (r.employees ?? '') === '';
    const value = empty ? null : rawNumber(r, 'employees', employmentFile, line, FN);
    let note: string;
    let withheld = false;
    if (source === 'us_census_abs2017_county') {
      note = 'ABS 2017 (Annual Business Survey): employees of employer firms, pay period including March 12';
      if (empty) {
        withheld = true;
        withheldEmployment++;
        note += '; withheld (not published to avoid disclosure)';
      }
    } else if (source === 'us_census_cbp2019_cbsa') {
      note = 'CBP 2019 (County Business Patterns): paid employees, pay period including March 12; CBSA as used by CBP 2019';
    } else if (source === 'us_nysdol_qcew') {
      note = 'QCEW (NYS DOL): annual average employment covered by unemployment insurance';
    } else throw unknownCode(employmentFile, line, 'source', source);
    if (empty && !withheld) throw unknownCode(employmentFile, line, 'empty cell outside ABS', r.employees);
    let indicator = 'employees';
    let classification: string | null = 'NAICS-2017';
    let industry: string | null = code;
    if (code === '00') {
      classification = null;
      industry = null;
      if (source === 'us_nysdol_qcew') note += '; all industries, private and government';
      employmentTotals.set(`${r.region_code}|${year}|${source}`, value);
    } else if (code === 'PRIVATE' && source === 'us_nysdol_qcew') {
      indicator = 'employees_private';
      classification = null;
      industry = null;
      note += '; total, all private ownership';
    } else if (code === 'GOV' && source === 'us_nysdol_qcew') {
      indicator = 'employees_government';
      classification = null;
      industry = null;
      note += '; total, all government ownership (federal, state, local)';
    } else if (naicsSectors.has(code)) {
      if (source === 'us_nysdol_qcew') note += `; private ownership only; NAICS sector of the ${year} coding`;
      if (code === '99') note += '; industries not classified';
    } else throw unknownCode(employmentFile, line, 'NAICS code', code);
    observations.push(
      observation({
        region: region(r.region_code ?? '', employmentFile, line),
        year,
        indicator,
        classification,
        industry,
        value,
        unit: 'persons',
        valueOriginal: value,
        unitOriginal: 'persons',
        source,
        vintage: 'single',
        withheld,
        note,
      }),
    );
  });

  // indicators.csv: area, population, establishments (employment totals repeat employment.csv: checked, not copied)
  const indicatorsFile = join(us, 'indicators.csv');
  readRawCsv(indicatorsFile, FN).forEach((r, k) => {
    const line = k + 2;
    const year = rawNumber(r, 'year', indicatorsFile, line, FN);
    const value = rawNumber(r, 'value', indicatorsFile, line, FN);
    const source = r.source_id ?? '';
    const id = region(r.region_code ?? '', indicatorsFile, line);
    const msa = id.startsWith('US-CBSA-');
    const base = { region: id, year, classification: null, industry: null, source, vintage: 'single' as const };
    switch (r.indicator) {
      case 'employees_total_abs':
      case 'employees_total_cbp': {
        const total = employmentTotals.get(`${r.region_code}|${year}|${source}`);
        if (total !== value) fail(indicatorsFile, line, 'employment total differing from employment.csv', value);
        return;
      }
      case 'land_area_km2':
      case 'water_area_km2': {
        const land = r.indicator === 'land_area_km2';
        observations.push(
          observation({
            ...base,
            indicator: land ? 'land_area' : 'water_area',
            value,
            unit: 'km2',
            valueOriginal: value,
            unitOriginal: 'km2',
            note: msa
              ? 'derived by the data collectors: sum of member-county Gazetteer land areas (2013 delineation)'
              : `2019 Gazetteer ${land ? 'ALAND' : 'AWATER'} (m², converted to km²)`,
          }),
        );
        return;
      }
      case 'population': {
        const fiveYear = source === 'us_acs5_2018_brookings';
        observations.push(
          observation({
            ...base,
            indicator: 'population',
            value,
            unit: 'persons',
            valueOriginal: value,
            unitOriginal: 'persons',
            estimated: false,
            note: fiveYear ? 'ACS 2014–2018 5-year estimate' : 'ACS 2019 1-year estimate',
          }),
        );
        return;
      }
      case 'establishments_total_cbp':
        observations.push(
          observation({
            ...base,
            indicator: 'establishments',
            value,
            unit: 'establishments',
            valueOriginal: value,
            unitOriginal: 'establishments',
            note: 'CBP 2019: establishments with paid employees, all sectors',
          }),
        );
        return;
      default:
        fail(indicatorsFile, line, 'indicator', r.indicator);
    }
  });

  // GDP by county / state / US (gdp_by_industry/) ----------------------------------------------------------------
  const gdpFile = join(us, 'gdp_by_industry', 'gdp_by_industry.csv');
  const lineNames = new Map<string, { name: string; naics: string }>();
  let withheldGdp = 0;
  readRawCsv(gdpFile, FN).forEach((r, k) => {
    const line = k + 2;
    const m = /^(.*) \(line (\d+)\)$/.exec(r.industry_name ?? '');
    if (m === null) throw unknownCode(gdpFile, line, 'BEA line in industry_name', r.industry_name);
    const bea = m[2] as string;
    lineNames.set(bea, { name: m[1] as string, naics: r.industry_code ?? '' });
    const year = rawNumber(r, 'year', gdpFile, line, FN);
    const raw = r.region_code ?? '';
    const id = raw === 'US' ? 'US' : /^\d\d000$/.test(raw) ? `US-${raw.slice(0, 2)}` : region(raw, gdpFile, line);
    const county = r.classification === 'BEA-CAGDP2-NAICS';
    if (county ? r.unit !== 'thousands of current US dollars' : r.unit !== 'millions of current US dollars') {
      fail(gdpFile, line, 'unit', r.unit);
    }
    if (r.measure !== 'gdp_nominal') fail(gdpFile, line, 'measure', r.measure);
    const factor = county ? 1e3 : 1e6;
    const empty = (r.value ?? '') === '';
    const valueOriginal = empty ? null : rawNumber(r, 'value', gdpFile, line, FN);
    if (empty) withheldGdp++;
    const total = bea === '1';
    const release = county ? 'CAGDP2, released 2021-12-08' : 'SAGDP2N, released 2023-03-31';
    observations.push(
      observation({
        region: id,
        year,
        indicator: total ? 'gdp' : 'value_added',
        classification: total ? null : 'US-BEA-GDP-LINE',
        industry: total ? null : bea,
        value: valueOriginal === null ? null : valueOriginal * factor,
        unit: 'USD',
        valueOriginal,
        unitOriginal: county ? 'thousand USD' : 'million USD',
        source: r.source_id ?? '',
        vintage: year === (county ? 2020 : 2022) ? 'first' : 'revised',
        vintageDate: county ? '2021-12-08' : '2023-03-31',
        withheld: empty,
        note: `nominal (current dollars), by place of production; BEA ${release}${total ? '; all industry total (line 1)' : ''}${empty ? '; (D) withheld to avoid disclosure' : ''}`,
      }),
    );
  });
  /** Lines that add up to the total (per the BEA files' structure; 83 is government). */
  const sectorLines = new Set(['3', '6', '10', '11', '12', '34', '35', '36', '45', '51', '56', '60', '64', '65', '69', '70', '76', '79', '82', '83']);
  const subsectorLines: Record<string, string> = { '13': '12', '25': '12' };
  for (const [bea, { name, naics }] of lineNames) {
    if (bea === '1') continue;
    const level = sectorLines.has(bea) ? 'sector' : bea in subsectorLines ? 'subsector' : 'aggregate';
    industries.push({
      classification: 'US-BEA-GDP-LINE',
      code: bea,
      nameZh: null,
      nameEn: name,
      nameLocal: null,
      level,
      parent: subsectorLines[bea] ?? null,
    });
    const target = bea in subsectorLines ? '31-33' : naics;
    if ((level === 'sector' || level === 'subsector') && naicsSectors.has(target)) {
      crosswalks.push({
        fromClassification: 'US-BEA-GDP-LINE',
        fromCode: bea,
        toClassification: 'NAICS-2017',
        toCode: target,
        kind: 'main',
        weight: null,
        source: 'us_bea_cagdp2_2021-12_ny',
      });
    }
  }

  // BEA summary industries and crosswalk to NAICS -----------------------------------------------------------------
  const concordanceFile = join(us, 'sector_concordance_bea_naics.csv');
  const beaIndustries = new Set<string>();
  readRawCsv(concordanceFile, FN).forEach((r) => {
    const code = r.bea_summary_code ?? '';
    beaIndustries.add(code);
    industries.push({
      classification: 'US-BEA-SUMMARY',
      code,
      nameZh: null,
      nameEn: r.bea_summary_name ?? code,
      nameLocal: null,
      level: 'industry',
      parent: null,
    });
    const naics = r.naics_sector ?? '';
    if (naicsSectors.has(naics)) {
      crosswalks.push({
        fromClassification: 'US-BEA-SUMMARY',
        fromCode: code,
        toClassification: 'NAICS-2017',
        toCode: naics,
        kind: 'main',
        weight: null,
        source: 'us_concordance_bea_naics',
      });
    }
  });

  // Input–output: summary use 2012, 2019 and make 2019 ----------------------------------------------------------
  const commodityOnly = new Map<string, string>();
  const useFile = join(us, 'io_table_us_summary_use_2012_2019.csv');
  const useYears = new Set<number>();
  readRawCsv(useFile, FN).forEach((r, k) => {
    const line = k + 2;
    if ((r.value ?? '') === '') return;
    const year = rawNumber(r, 'year', useFile, line, FN);
    useYears.add(year);
    const row = r.row_code ?? '';
    const col = r.col_code ?? '';
    let rowKind: InputOutputCell['rowKind'];
    if (beaIndustries.has(row)) rowKind = 'sector';
    else if (row === 'Used') {
      rowKind = 'sector';
      commodityOnly.set(row, r.row_name ?? row);
    } else if (row === 'Other') {
      rowKind = 'import';
      commodityOnly.set(row, r.row_name ?? row);
    } else if (useValueAddedRows.has(row)) rowKind = 'value_added';
    else if (useTotalRows.has(row)) rowKind = 'total';
    else throw unknownCode(useFile, line, 'use-table row', row);
    let colKind: InputOutputCell['colKind'];
    if (beaIndustries.has(col)) colKind = 'sector';
    else if (/^F\d{2}[0-9A-Z]$/.test(col)) colKind = 'final_demand';
    else if (useTotalCols.has(col)) colKind = 'total';
    else throw unknownCode(useFile, line, 'use-table column', col);
    ioCells.push({
      table: `US-BEA-USE-${year}`,
      rowKind,
      row,
      colKind,
      col,
      value: rawNumber(r, 'value', useFile, line, FN),
    });
  });
  const makeFile = join(us, 'io_table_us_summary_make_2019.csv');
  readRawCsv(makeFile, FN).forEach((r, k) => {
    const line = k + 2;
    if ((r.value ?? '') === '') return;
    if (r.year !== '2019') fail(makeFile, line, 'make-table year', r.year);
    const row = r.row_code ?? '';
    const col = r.col_code ?? '';
    let rowKind: InputOutputCell['rowKind'];
    if (beaIndustries.has(row)) rowKind = 'sector';
    else if (row === 'Total Commodity Output') rowKind = 'total';
    else throw unknownCode(makeFile, line, 'make-table row', row);
    let colKind: InputOutputCell['colKind'];
    if (beaIndustries.has(col) || col === 'Used' || col === 'Other') colKind = 'sector';
    else if (col === 'Total Industry Output') colKind = 'total';
    else throw unknownCode(makeFile, line, 'make-table column', col);
    ioCells.push({
      table: 'US-BEA-MAKE-2019',
      rowKind,
      row,
      colKind,
      col,
      value: rawNumber(r, 'value', makeFile, line, FN),
    });
  });
  for (const [code, name] of commodityOnly) {
    industries.push({
      classification: 'US-BEA-SUMMARY',
      code,
      nameZh: null,
      nameEn: name,
      nameLocal: null,
      level: 'commodity',
      parent: null,
    });
  }
  const useNote = (year: number): string =>
    `Summary Use table ${year}, before redefinitions, producers' prices, 2017 benchmark schema: rows are commodities (71 + Used scrap/secondhand goods as sector rows, Other = noncomparable imports and rest-of-world adjustment as an import row), V001 compensation, V002 taxes on production and imports less subsidies, V003 gross operating surplus; columns are 71 industries, final-demand F010…F10S (F040 exports, F050 imports negative) and totals. Commodity × industry: use the codes present as both row and column for a square block. NA cells omitted.`;
  const ioTables: InputOutputTableInfo[] = [...useYears].map((year) => ({
    id: `US-BEA-USE-${year}`,
    country: 'US' as const,
    year,
    classification: 'US-BEA-SUMMARY',
    unit: 'million USD',
    importTreatment: 'competitive-imports',
    source: 'us_bea_io_summary_use',
    note: useNote(year),
  }));
  ioTables.push({
    id: 'US-BEA-MAKE-2019',
    country: 'US',
    year: 2019,
    classification: 'US-BEA-SUMMARY',
    unit: 'million USD',
    importTreatment: 'not-applicable (make table)',
    source: 'us_bea_io_summary_make',
    note: 'MAKE table, not a use table: rows are the 71 industries (producers), columns the 73 commodities they produce (incl. Used and Other), with Total Industry Output (column) and Total Commodity Output (row). Before redefinitions. Do not compute technical coefficients from it directly; combine with the use table (e.g. market-share matrix) for industry-by-industry tables.',
  });

  // Travel times (Amtrak) ----------------------------------------------------------------------------------------
  const transport = join(rawDir, 'transport');
  const odFile = join(transport, 'us_amtrak_direct_od.csv');
  const travelTimes: TravelTime[] = readRawCsv(odFile, FN).map((r: RawRecord, k) => {
    const line = k + 2;
    const msa = (name: string): string => msaByMetro.get(amtrakMetro[name] ?? '') ?? fail(odFile, line, 'Amtrak metro', name);
    const date = r.service_date ?? '';
    return {
      origin: msa(r.orig_metro ?? ''),
      destination: msa(r.dest_metro ?? ''),
      mode: 'rail',
      minutes: rawNumber(r, 'min_minutes', odFile, line, FN),
      trainsPerDay: rawNumber(r, 'n_direct_trains', odFile, line, FN),
      timetableDate: date,
      source: 'us_amtrak_gtfs_20241228',
      note: `Amtrak only, in-vehicle time; fastest: ${r.min_route} ${r.min_train_no} ${r.min_from_station} ${r.min_dep} → ${r.min_to_station} ${r.min_arr}; trains per day = direct trains on ${date} (a Wednesday) between the metros' stations`,
    };
  });

  // Geometry (the 73 corridor counties; the NY file is a subset of it) -------------------------------------------
  const fc = readRawGeoJson(join(us, 'geometry', 'bos_was_corridor_msa_counties.geojson'), FN);
  const features: FeatureCollection['features'][number][] = [];
  for (const f of fc.features) {
    const code = f.properties?.code;
    if (typeof code !== 'string' || f.geometry === null) continue;
    features.push({
      type: 'Feature',
      properties: {
        region: region(code, 'geometry/bos_was_corridor_msa_counties.geojson', 0),
        source: 'us_atlas_counties',
      },
      geometry: f.geometry,
    });
  }
  const counts = writePartTables(
    outDir,
    'us',
    {
      sources: [...usSources, official.source],
      industries,
      crosswalks,
      regions,
      observations,
      io_tables: ioTables,
      io_cells: ioCells,
      travel_times: travelTimes,
    },
    FN,
  );
  counts.geometries = writePartGeometries(outDir, 'us', features, FN);
  counts.withheld_employment = withheldEmployment;
  counts.withheld_gdp = withheldGdp;
  return { counts };
}

if (isMain(import.meta.url)) await runBuilderScript(buildUnitedStates);
