/**
 * Builds China's part of the embedded dataset (packages/data/dataset/<table>/cn.csv and geometries/cn.geojson)
 * from the raw statistics in <raw>/cn/**, the China rail times in <raw>/transport/cn_* and the listed-firm panel in
 * <raw>/firms/ (the firms part, cn/firms.ts: table firm_relocations) (<raw>: packages/data/raw).
 *
 * Everything is mechanical: units are scaled by exact powers of ten (亿元 → CNY ×1e8, 万元 → CNY ×1e4, 万人 →
 * persons ×1e4) on the decimal text, so no binary rounding noise enters; nothing is filled, interpolated or
 * derived; every row names its source; vintages stay separate rows. See packages/data/dataset/README.md (China).
 *
 * Run: `npx tsx packages/data/scripts/build/cn.ts [--from <rawDir>] [--out <outDir>]`
 * (defaults: packages/data/raw, or env METROCOOP_SHARED_DATA, and packages/data/dataset; see raw-dir.ts).
 */
import { join } from 'node:path';
import { InvalidInputError } from '@metrocoop/core';
import {
  classificationIds,
  geometrySchema,
  type Industry,
  type InputOutputCell,
  type InputOutputTableInfo,
  type Observation,
  type Region,
  type Source,
  sourceSchema,
  type TravelTime,
} from '../../src/model/schemas.ts';
import { buildFirmRelocations } from './cn/firms.ts';
import { chinaSources } from './cn/sources.ts';
import type { FeatureCollection } from './csv-writer.ts';
import { buildMessages } from './messages.ts';
import { addOfficialRegions } from './official-regions.ts';
import { countryRegion, isMain, type LocatedRecord, readRawGeoJson, readRawRecords, runBuilderScript, writePartGeometries, writePartTables } from './shared.ts';

const fn = 'buildChina';
const GBT = classificationIds.gbt4754;
const THREE = classificationIds.threeSector;
const IO42 = classificationIds.cnIo42;

/**
 * Mode of the China rail rows. The source times EMU trains only (G/D/C/S); conventional trains are counted but
 * not timed, so the minimum is "fastest direct EMU", which is the schema's `rail_hsr`, not `rail` (any train).
 */
export const chinaRailMode = 'rail_hsr';
/** Timetable validity inferred in transport/SOURCES.md (ISO 8601 interval). */
export const chinaRailTimetableDate = '2020-12-30/2021-01-21';

/** Region id of a GB/T 2260 code: 100000 (national) → `CN`, else `CN-<code>`. */
export function chinaRegionId(code: string): string {
  return code === '100000' ? 'CN' : `CN-${code}`;
}

/**
 * Multiply a decimal number written as text by 10^power exactly (by moving the decimal point), so that
 * `18809.64` 亿元 becomes exactly 1880964000000 CNY. Throws on text that is not a plain decimal.
 */
export function scaleDecimal(text: string, power: number, where = 'value'): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (m === null) {
    if (power === 0 && Number.isFinite(Number(text)) && text.trim() !== '') return Number(text);
    throw new InvalidInputError(buildMessages.badSourceValue('scaleDecimal', where, 0, 'value', text, 'a plain decimal number'));
  }
  const [, sign, int = '', frac = ''] = m;
  const padded = frac.padEnd(power, '0');
  const digits = `${int}${padded.slice(0, power)}`;
  const rest = padded.slice(power);
  return Number(`${sign}${digits}${rest === '' ? '' : `.${rest}`}`);
}

// ---------------------------------------------------------------- reading helpers

/** The records of `<dir>/<rel>`, each naming `rel` as its file in messages. */
function readRecords(dir: string, rel: string): LocatedRecord[] {
  return readRawRecords(join(dir, rel), fn, rel);
}

function need(rec: LocatedRecord, column: string): string {
  const v = rec.record[column];
  if (v === undefined || v === '') {
    throw new InvalidInputError(buildMessages.badSourceValue(fn, rec.file, rec.line, column, v ?? null, 'a non-empty cell'));
  }
  return v;
}

// ---------------------------------------------------------------- indicator mapping

interface IndicatorRule {
  indicator: string;
  classification?: string;
  industry?: string;
  unit: string;
  power: number;
  note?: string;
}

const unitPower: Record<string, { unit: string; power: number }> = {
  亿元: { unit: 'CNY', power: 8 },
  万元: { unit: 'CNY', power: 4 },
  万人: { unit: 'persons', power: 4 },
  人: { unit: 'persons', power: 0 },
  '%': { unit: 'percent', power: 0 },
  km2: { unit: 'km2', power: 0 },
};

const sectorRule = (indicator: string, code: 'I' | 'II' | 'III', note: string): Omit<IndicatorRule, 'unit' | 'power'> => ({
  indicator,
  classification: THREE,
  industry: code,
  note,
});

/** City and province indicator names of the raw files → dataset indicator (units come from the raw unit column). */
const indicatorRules: Record<string, Omit<IndicatorRule, 'unit' | 'power'> & { unitOverride?: string }> = {
  gdp: { indicator: 'gdp', note: 'nominal (current prices)' },
  gdp_primary: sectorRule('value_added', 'I', 'nominal (current prices)'),
  gdp_secondary: sectorRule('value_added', 'II', 'nominal (current prices)'),
  gdp_tertiary: sectorRule('value_added', 'III', 'nominal (current prices)'),
  gdp_primary_share: sectorRule('value_added_share', 'I', 'share of GDP as published'),
  gdp_secondary_share: sectorRule('value_added_share', 'II', 'share of GDP as published'),
  gdp_tertiary_share: sectorRule('value_added_share', 'III', 'share of GDP as published'),
  gdp_per_capita: {
    indicator: 'gdp_per_capita',
    unitOverride: 'CNY/person',
    note: 'nominal; per resident (常住) person',
  },
  gdp_growth_real: {
    indicator: 'gdp_growth_real',
    note: 'real growth over the previous year at comparable prices, as published',
  },
  population_registered: { indicator: 'population_registered', note: 'year-end registered (户籍) population' },
  population_census_resident: { indicator: 'population', note: 'census resident population (常住人口)' },
  population_resident_year_end: { indicator: 'population', note: 'year-end resident population (年末常住人口)' },
  employees_urban_units: {
    indicator: 'employment_urban_units',
    note: '年末单位从业人员 (urban non-private units), all industries',
  },
  employees_urban_private_individual: {
    indicator: 'employment_private_selfemployed_urban',
    note: '城镇私营和个体从业人员 (urban private enterprises and self-employed)',
  },
  employment_share_primary: sectorRule('employment_share', 'I', 'share of employed persons (从业人员) by three sectors'),
  employment_share_secondary: sectorRule('employment_share', 'II', 'share of employed persons (从业人员) by three sectors'),
  employment_share_tertiary: sectorRule('employment_share', 'III', 'share of employed persons (从业人员) by three sectors'),
  staff_average_number: {
    indicator: 'staff_average_number',
    note: '在岗职工平均人数 (average number of on-post staff)',
  },
  wage_bill: { indicator: 'wage_bill', note: '在岗职工工资总额 (wage bill of on-post staff), nominal' },
  average_wage: {
    indicator: 'average_wage',
    unitOverride: 'CNY/person',
    note: '在岗职工平均工资 (on-post staff), nominal, per year',
  },
  land_area: { indicator: 'land_area', note: 'administrative land area' },
  general_public_budget_revenue: {
    indicator: 'general_public_budget_revenue',
    note: '地方一般公共预算收入 (local general public budget revenue), nominal',
  },
};

function rule(rec: { line: number; file: string }, name: string, rawUnit: string): IndicatorRule {
  const r = indicatorRules[name];
  if (r === undefined) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'indicator', name));
  const u = rawUnit === '元' ? { unit: r.unitOverride ?? 'CNY', power: 0 } : unitPower[rawUnit];
  if (u === undefined) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'unit', rawUnit));
  const { unitOverride: _ignored, ...rest } = r;
  return { ...rest, unit: u.unit, power: u.power };
}

/** The unit of a record's raw `unit` column (万人 → persons × 10^4, …); throws on a unit without a rule. */
function unitOf(rec: LocatedRecord): { unit: string; power: number } {
  const u = unitPower[need(rec, 'unit')];
  if (u === undefined) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'unit', rec.record.unit));
  return u;
}

/** A record's amount in `column`: scaled exactly by the unit's power of ten, with the raw number and unit kept. */
function amount(rec: LocatedRecord, column: string, to: { unit: string; power: number }) {
  const raw = need(rec, column);
  return {
    value: scaleDecimal(raw, to.power, `${rec.file}:${rec.line}`),
    unit: to.unit,
    valueOriginal: Number(raw),
    unitOriginal: need(rec, 'unit'),
  };
}

// ---------------------------------------------------------------- vintages

type Vintage = Observation['vintage'];

const sourceVintage: Record<string, Vintage> = {
  NBS_EN_PROV_2019: 'first',
  NBS_FSND_GDP_CUDAV: 'first',
  PG_BJ_COMMUNIQUE_ABAGENT: 'first',
  PG_SH_COMMUNIQUE_2018: 'first',
  PG_AH_COMMUNIQUE_2019: 'first',
  PG_ZJ_2019_ASKCI: 'first',
  PG_HB_ECONOMY_WIKI: 'first',
  PG_POP2019_THEPAPER: 'first',
  PG_HB_POP2019_RENKOU: 'first',
  PG_REV2020_PDSEN: 'first',
  NBS_CSY2009_T4_7: 'first',
  NBS_REVISED_CUDAV: 'revised',
  PG_HB_GRP_WIKI: 'revised',
  FISCAL_FINAL_ACCOUNTS_CLD: 'final',
  REV_PYLEARN_JSON: 'final',
};

/** GB/T 2260 codes of the cities that took over parts of former Chaohu in 2011. */
const chaohuSuccessors = new Set(['340100', '340200', '340500']);

// ---------------------------------------------------------------- build

/** Counts of rows written per table (geometries: features), and the firms part's summary (what was not judged). */
export interface ChinaBuildResult {
  counts: Record<string, number>;
  summary: string[];
}

/**
 * Build China's part of the embedded dataset.
 *
 * @param rawDir - the raw-data folder holding `cn/` and `transport/` (packages/data/raw, or a folder of the same layout).
 * @param outDir - the dataset folder (packages/data/dataset); files go to `<outDir>/<table>/cn.csv`.
 * @throws {NotFoundError} when a raw file is missing; {@link InvalidInputError} on an unknown code, unit or source,
 *   an unusable number, a duplicate key, or a row that fails its schema.
 */
export async function buildChina(rawDir: string, outDir: string): Promise<ChinaBuildResult> {
  const cn = join(rawDir, 'cn');
  const sourceIds = new Set(chinaSources.map((s) => s.id));
  const usedSources = new Set<string>();
  const use = (rec: { line: number; file: string }, id: string): string => {
    if (!sourceIds.has(id)) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'source_id', id));
    usedSources.add(id);
    return id;
  };

  // ---- regions
  const regionRecords = readRecords(cn, 'regions.csv');
  const provinceOf: Record<string, { code: string; en: string }> = {
    北京市: { code: '110000', en: 'Beijing' },
    天津市: { code: '120000', en: 'Tianjin' },
    上海市: { code: '310000', en: 'Shanghai' },
    河北省: { code: '130000', en: 'Hebei' },
    江苏省: { code: '320000', en: 'Jiangsu' },
    浙江省: { code: '330000', en: 'Zhejiang' },
    安徽省: { code: '340000', en: 'Anhui' },
  };
  const municipalities = new Set(['110000', '120000', '310000']);
  const provinceRecords = readRecords(cn, 'provinces/indicators.csv');
  const regions: Region[] = [countryRegion('CN', '中国', 'China', null)];
  const cityCodes = new Set<string>();
  for (const rec of regionRecords) {
    const code = need(rec, 'code');
    const prov = provinceOf[need(rec, 'province_zh')];
    if (prov === undefined) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'province', rec.record.province_zh));
    cityCodes.add(code);
    const num = (c: string): number | null => (rec.record[c] === '' ? null : scaleDecimal(need(rec, c), 0, `${rec.file}:${rec.line}`));
    regions.push({
      id: chinaRegionId(code),
      nameZh: need(rec, 'name_zh'),
      nameEn: need(rec, 'name_en'),
      nameLocal: null,
      level: municipalities.has(code) ? 'province' : 'city',
      parent: municipalities.has(code) ? 'CN' : chinaRegionId(prov.code),
      lon: num('lon'),
      lat: num('lat'),
      areaKm2: num('area_km2'),
      source: use(rec, 'CN_REGIONS_GBT2260'),
    });
  }
  for (const [zh, prov] of Object.entries(provinceOf)) {
    if (municipalities.has(prov.code)) continue;
    const area = provinceRecords.filter((r) => r.record.region_code === prov.code && r.record.indicator === 'land_area');
    if (area.length > 1) throw new InvalidInputError(buildMessages.duplicateKey(fn, 'provinces/indicators.csv', `${prov.code} land_area`));
    const a = area[0];
    regions.push({
      id: chinaRegionId(prov.code),
      nameZh: zh,
      nameEn: prov.en,
      nameLocal: null,
      level: 'province',
      parent: 'CN',
      lon: null,
      lat: null,
      areaKm2: a === undefined ? null : scaleDecimal(need(a, 'value'), 0),
      source: a === undefined ? 'CN_REGIONS_GBT2260' : use(a, need(a, 'source_id')),
    });
  }
  usedSources.add('CN_REGIONS_GBT2260');
  // Every other province, prefecture-level unit and county of the GB/T 2260 list (the rows above unchanged).
  const official = addOfficialRegions(rawDir, 'CN', regions);
  regions.push(...official.regions.slice(regions.length));
  const regionIds = new Set(regions.map((r) => r.id));
  const checkRegion = (rec: { line: number; file: string }, code: string): string => {
    const id = chinaRegionId(code);
    if (!regionIds.has(id)) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'region_code', code));
    return id;
  };

  // ---- observations
  const observations: Observation[] = [];
  const base = {
    classification: null,
    industry: null,
    vintageDate: null,
    withheld: false,
    breakInSeries: false,
    estimated: false,
    note: null,
  } satisfies Partial<Observation>;
  const joinNotes = (...notes: (string | null | undefined)[]): string | null => {
    const kept = notes.filter((n): n is string => typeof n === 'string' && n !== '');
    return kept.length === 0 ? null : kept.join('; ');
  };

  // Province GDP vintages, to identify which vintage the CSMAR city series carries for the three municipalities.
  const provinceGdp = new Map<string, { first?: string; revised?: string }>();
  for (const rec of provinceRecords) {
    if (rec.record.indicator !== 'gdp') continue;
    const key = `${rec.record.region_code}|${rec.record.year}`;
    const entry = provinceGdp.get(key) ?? {};
    if (rec.record.source_id === 'NBS_FSND_GDP_CUDAV') entry.first = need(rec, 'value');
    if (rec.record.source_id === 'NBS_REVISED_CUDAV') entry.revised = need(rec, 'value');
    provinceGdp.set(key, entry);
  }
  const identifyCsmarGdp = (code: string, year: number, raw: string): 'first' | 'revised' | null => {
    const p = provinceGdp.get(`${code}|${year}`);
    if (p === undefined) return null;
    const v = Number(raw);
    if (p.first !== undefined && Math.abs(Number(p.first) - v) < 0.005) return 'first';
    if (p.revised !== undefined && Math.abs(Number(p.revised) - v) <= 0.05 + 1e-9) return 'revised';
    return null;
  };

  /**
   * The vintage-independent fields of an indicators.csv record (cities or provinces): region, year, the dataset
   * indicator and its classification/industry, the value scaled exactly by its unit, the source, and the rule's note.
   */
  const indicatorRecord = (rec: LocatedRecord) => {
    const code = need(rec, 'region_code');
    const year = Number(need(rec, 'year'));
    const name = need(rec, 'indicator');
    const raw = need(rec, 'value');
    const source = use(rec, need(rec, 'source_id'));
    const r = rule(rec, name, need(rec, 'unit'));
    const fields = {
      region: checkRegion(rec, code),
      year,
      indicator: r.indicator,
      classification: r.classification ?? null,
      industry: r.industry ?? null,
      ...amount(rec, 'value', r),
      source,
      note: r.note,
    };
    return { code, year, name, raw, source, fields };
  };

  // cn/indicators.csv (cities; the three municipalities are cities and provinces)
  const csmarGdpVintage = new Map<string, 'first' | 'revised' | null>();
  for (const rec of readRecords(cn, 'indicators.csv')) {
    const { code, year, name, raw, source, fields } = indicatorRecord(rec);
    let vintage: Vintage = 'single';
    let vintageDate: string | null = null;
    let vintageNote: string | null = null;
    let breakInSeries = false;
    let boundaryNote: string | null = null;
    if (source === 'CSMAR_CRE_GDPCT') {
      if (year === 2019) {
        vintage = 'first';
        vintageDate = '2020';
        vintageNote = 'first published (中国城市统计年鉴2020)';
      } else vintageNote = 'vintage not documented by the compiler (the CSMAR city series mixes first-published and revised figures)';
      if (name === 'gdp' && municipalities.has(code)) {
        const found = identifyCsmarGdp(code, year, raw);
        csmarGdpVintage.set(`${code}|${year}`, found);
        if (found === 'first') {
          vintage = 'first';
          vintageNote = 'equals the first-published NBS provincial figure (NBS_FSND_GDP_CUDAV)';
        } else if (found === 'revised') {
          vintage = 'revised';
          vintageNote = 'equals the revised NBS provincial figure (NBS_REVISED_CUDAV)';
        } else if (year !== 2019) {
          vintageNote = 'vintage not identified: differs from both the first-published and the latest revised NBS provincial figure';
        }
      }
    }
    if (source.startsWith('CSMAR_') || source === 'HHWK_POPDEN_AREA') {
      // A growth rate is published on a comparable basis, so only levels, shares and averages break.
      if (year === 2011 && chaohuSuccessors.has(code) && name !== 'gdp_growth_real') {
        breakInSeries = true;
        boundaryNote = 'boundary change: part of former Chaohu (巢湖) added from 2011';
      }
    }
    if (source === 'CENSUS_LEIII_2010ADJ') vintageNote = 'adjusted by the compilers to 2020 boundaries (not the raw 2010 census figure)';
    observations.push({
      ...base,
      ...fields,
      vintage,
      vintageDate,
      breakInSeries,
      note: joinNotes(fields.note, vintageNote, boundaryNote),
    });
  }
  // A switch of identified vintage between consecutive years of the CSMAR municipal GDP series is a break.
  for (const o of observations) {
    if (o.source !== 'CSMAR_CRE_GDPCT' || o.indicator !== 'gdp') continue;
    const code = o.region.slice(3);
    if (!municipalities.has(code)) continue;
    const now = csmarGdpVintage.get(`${code}|${o.year}`);
    const before = csmarGdpVintage.get(`${code}|${o.year - 1}`);
    if (now != null && before != null && now !== before) {
      o.breakInSeries = true;
      o.note = joinNotes(o.note, `vintage changes from ${before} (${o.year - 1}) to ${now}`);
    }
  }

  // cn/provinces/indicators.csv
  for (const rec of provinceRecords) {
    const { year, name, source, fields } = indicatorRecord(rec);
    let vintage: Vintage = sourceVintage[source] ?? 'single';
    let vintageDate: string | null = null;
    let vintageNote: string | null = null;
    if (source === 'NBS_FSND_GDP_CUDAV') {
      vintageDate = String(year + 1);
      vintageNote = 'first published (yearbook of the following year)';
    }
    if (source === 'NBS_EN_PROV_2019' && name === 'general_public_budget_revenue') {
      vintage = 'final';
      vintageNote = 'yearbook (final-account) figure';
    }
    if (source === 'PG_SH_STATS_2020_GOV') {
      vintageDate = '2021-01-24';
      if (year === 2019) {
        vintage = 'final';
        vintageNote = 'after final verification (最终核实)';
      } else vintage = 'first';
    }
    if (source === 'NBS_REVISED_CUDAV') {
      vintageNote =
        name === 'gdp' ? 'revised after the 4th economic census (2019 final-verified, 2020 revised)' : 'back-revised after the 2020 census (whole 万人)';
    }
    if (source === 'PG_HB_GRP_WIKI') vintageNote = 'revised vintage';
    if (source === 'PG_REV2020_PDSEN') vintageNote = 'early budget-execution figure (weak source)';
    if (name === 'gdp_per_capita' && (source === 'PG_BJ_COMMUNIQUE_ABAGENT' || source === 'PG_SH_COMMUNIQUE_2018')) {
      vintageNote = joinNotes(vintageNote, 'printed in 万元 on the page; stored rounded as published');
    }
    if (source === 'PG_HB_AREA') vintageNote = 'printed as 18.88万 km² (precision 100 km²)';
    observations.push({ ...base, ...fields, vintage, vintageDate, note: joinNotes(fields.note, vintageNote) });
  }

  // cn/census/employment_by_section.csv (province level, 19 sections)
  const censusMeasures: Record<string, { indicator: string; note: string }> = {
    urban_unit_employees: {
      indicator: 'employment_urban_units',
      note: '城镇单位就业人员 (urban non-private units), year-end',
    },
    private_selfemployed_employees: {
      indicator: 'employment_private_selfemployed',
      note: '私营企业和个体就业人员 (urban + rural), year-end; only 7 sections published, they do not add up to the total',
    },
    urban_private_selfemployed_employees: {
      indicator: 'employment_private_selfemployed_urban',
      note: '城镇私营企业和个体就业人员 (urban), year-end; only 7 sections published, they do not add up to the total',
    },
  };
  const sectionCode = (rec: LocatedRecord): string | null => {
    const s = need(rec, 'section_code');
    if (s === 'TOTAL') return null;
    if (!/^[A-T]$/.test(s)) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'section_code', s));
    return s;
  };
  for (const rec of readRecords(cn, 'census/employment_by_section.csv')) {
    const m = censusMeasures[need(rec, 'measure')];
    if (m === undefined) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'measure', rec.record.measure));
    const source = use(rec, need(rec, 'source_id'));
    const year = Number(need(rec, 'year'));
    const section = sectionCode(rec);
    const u = unitOf(rec);
    const breakInSeries = source === 'NBS_PROV_URBAN_UNIT_EMP' && year === 2013;
    observations.push({
      ...base,
      region: checkRegion(rec, need(rec, 'region_code')),
      year,
      indicator: m.indicator,
      classification: section === null ? null : GBT,
      industry: section,
      ...amount(rec, 'value', u),
      source,
      vintage: sourceVintage[source] ?? 'single',
      vintageDate: source === 'NBS_CSY2009_T4_7' ? '2009' : null,
      breakInSeries,
      note: joinNotes(
        m.note,
        section === null ? 'published all-industry total (合计)' : null,
        source === 'NBS_CSY2009_T4_7' ? `GB/T 4754-2002 section mapped by name (${rec.record.section_name_zh})` : null,
        source === 'NBS_PROV_URBAN_UNIT_EMP' ? 'NBS portal version as scraped (≤ 2024-05); GB/T 4754-2011 sections' : null,
        breakInSeries ? 'break 2012→2013 (reporting coverage change, cause undocumented): 2012 not comparable with 2013+' : null,
      ),
    });
  }

  // cn/cities_by_section/employment_by_section.csv (sparse cross-check tables; indicator = the table's measure)
  for (const rec of readRecords(cn, 'cities_by_section/employment_by_section.csv')) {
    const measure = need(rec, 'measure');
    if (!/^[a-z][a-z0-9_]*$/.test(measure)) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'measure', measure));
    const source = use(rec, need(rec, 'source_id'));
    const year = Number(need(rec, 'year'));
    const section = sectionCode(rec);
    const u = unitOf(rec);
    const code = need(rec, 'region_code');
    observations.push({
      ...base,
      region: checkRegion(rec, code),
      year,
      indicator: measure,
      classification: section === null ? null : GBT,
      industry: section,
      ...amount(rec, 'value', u),
      source,
      vintage: 'single',
      note: joinNotes(
        'cross-check table from a single yearbook page (cities_by_section), not a panel',
        section === null ? 'published all-industry total (合计)' : `label as printed: ${rec.record.section_name_zh}`,
        year <= 2010 ? 'GB/T 4754-2002 section mapped by name to the 2011/2017 letter' : null,
        source.startsWith('JINHUA_WEB3552') ? 'city attributed (inferred), not named on the page' : null,
        code === '130000' ? 'province total, not a city' : null,
        /TIANJIN|HEBEI/.test(source) ? 'table incomplete in the stored copy: later sections missing' : null,
      ),
    });
  }

  // cn/employment.csv (national research estimate, region CN)
  for (const rec of readRecords(cn, 'employment.csv')) {
    const source = use(rec, need(rec, 'source_id'));
    const section = need(rec, 'industry_code') === 'TOTAL' ? null : need(rec, 'industry_code');
    if (section !== null && !/^[A-T]$/.test(section)) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'industry_code', section));
    const u = unitOf(rec);
    observations.push({
      ...base,
      region: checkRegion(rec, need(rec, 'region_code')),
      year: Number(need(rec, 'year')),
      indicator: 'employment_total',
      classification: section === null ? null : GBT,
      industry: section,
      ...amount(rec, 'employees', u),
      source,
      vintage: 'single',
      estimated: true,
      note: joinNotes(
        'national total employment (incl. agriculture and informal work), research estimate, not an official NBS table',
        section === null ? 'total' : null,
      ),
    });
  }

  // ---- industries (CN-IO42 sectors)
  const industries: Industry[] = readRecords(cn, 'io_sectors_42.csv').map((rec) => ({
    classification: IO42,
    code: need(rec, 'sector_code'),
    nameZh: need(rec, 'name_zh'),
    nameEn: need(rec, 'name_en'),
    nameLocal: null,
    level: 'sector',
    parent: null,
  }));
  const sectorCodes = new Set(industries.map((i) => i.code));

  // ---- IO tables
  const itemAxis = new Map(readRecords(cn, 'io_items.csv').map((rec) => [need(rec, 'item_code'), need(rec, 'axis')]));
  const valueAddedItems = new Set(['VA001', 'VA002', 'VA003', 'VA004', 'TVA']);
  const finalDemandItems = new Set(['TC', 'FU201', 'FU202', 'EX', 'TFU']);
  const ioTables: InputOutputTableInfo[] = [];
  const ioCells: InputOutputCell[] = [];
  for (const [year, source, kind] of [
    [2017, 'NBS_IO_2017_42_VIA_IONET', 'input–output table'],
    [2018, 'NBS_IO_2018_42_VIA_IONET', 'extended input–output table'],
  ] as const) {
    const table = `CN-IO-${year}-42`;
    usedSources.add(source);
    ioTables.push({
      id: table,
      country: 'CN',
      year,
      classification: IO42,
      unit: '10k CNY',
      importTreatment: 'non-competitive',
      source,
      note: `NBS ${year} ${kind}, 42 sectors, producers' prices, 万元. NBS publishes competitive-import form; the split of each product row into domestic (row_kind sector) and imported (row_kind import) is the ionet package's own (method undocumented): sector + import rows = the NBS intermediate and final use. Rows TII (total intermediate input) and TI (total input = gross output) are row_kind total; VA001–VA004 and TVA value_added. Columns TIU and GO are col_kind total (GO of an import row = total imports of that product); TC (final consumption), FU201 (GFCF), FU202 (inventories), EX (exports), TFU (total final use) final_demand.`,
    });
    for (const rec of readRecords(cn, `io_table_${year}_42.csv`)) {
      if (Number(need(rec, 'year')) !== year)
        throw new InvalidInputError(buildMessages.badSourceValue(fn, rec.file, rec.line, 'year', rec.record.year, String(year)));
      const row = need(rec, 'row_code');
      const origin = need(rec, 'row_origin');
      const col = need(rec, 'col_code');
      let rowKind: InputOutputCell['rowKind'];
      if (origin === 'domestic' || origin === 'imported') {
        if (!sectorCodes.has(row)) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'sector', row));
        rowKind = origin === 'domestic' ? 'sector' : 'import';
      } else if (origin === 'total' && itemAxis.get(row) === 'row') {
        rowKind = valueAddedItems.has(row) ? 'value_added' : 'total';
      } else throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'row item', `${origin}/${row}`));
      let colKind: InputOutputCell['colKind'];
      if (sectorCodes.has(col)) colKind = 'sector';
      else if (itemAxis.get(col) === 'col') colKind = finalDemandItems.has(col) ? 'final_demand' : 'total';
      else throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'column item', col));
      const raw = need(rec, 'value');
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new InvalidInputError(buildMessages.badSourceValue(fn, rec.file, rec.line, 'value', raw, 'a finite number'));
      ioCells.push({ table, rowKind, row, colKind, col, value });
    }
  }

  // ---- travel times
  const travelTimes: TravelTime[] = [];
  const transport = join(rawDir, 'transport');
  for (const rec of readRecords(transport, 'cn_rail_direct_od.csv')) {
    const origin = checkRegion(rec, need(rec, 'orig_code'));
    const destination = checkRegion(rec, need(rec, 'dest_code'));
    const coverage = need(rec, 'coverage');
    const source = use(rec, 'CN_RAIL_CNRAIL_BOARDS');
    const conventional = rec.record.n_conventional_trains_both_cities ?? '';
    const convNote = conventional === '' ? null : `${conventional} conventional trains call at a station of both cities (not timed, direction-free)`;
    const int = (c: string): number => {
      const v = need(rec, c);
      if (!/^\d+$/.test(v)) throw new InvalidInputError(buildMessages.badSourceValue(fn, rec.file, rec.line, c, v, 'a whole number'));
      return Number(v);
    };
    let minutes: number | null = null;
    let trainsPerDay: number | null = null;
    let note: string | null;
    if (coverage === 'ok') {
      minutes = int('min_minutes_emu');
      trainsPerDay = int('n_direct_emu_trains');
      note = joinNotes(
        `fastest direct EMU ${need(rec, 'min_train')} ${need(rec, 'min_from_station')} ${need(rec, 'min_dep')} → ${need(rec, 'min_to_station')} ${need(rec, 'min_arr')}`,
        'trains_per_day = direct EMU trains in the timetable (running days not stated)',
        convNote,
      );
    } else if (coverage === 'no_direct_emu_train_in_source') {
      trainsPerDay = int('n_direct_emu_trains');
      note = joinNotes('no direct EMU train in the source (a transfer may exist; not "no rail connection")', convNote);
    } else if (coverage === 'city_not_in_source') {
      note = 'city_not_in_source: no station of one of the cities is in the timetable source — a gap, not "no service"';
    } else throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'coverage', coverage));
    travelTimes.push({
      origin,
      destination,
      mode: chinaRailMode,
      minutes,
      trainsPerDay,
      timetableDate: chinaRailTimetableDate,
      source,
      note,
    });
  }

  // ---- geometries
  const geoFile = 'cn/geometry/jjj_yrd_cities.geojson';
  const geo = readRawGeoJson(join(rawDir, geoFile), fn);
  const features: FeatureCollection['features'][number][] = geo.features.map((f, i) => {
    const code = String(f.properties?.code);
    const region = checkRegion({ file: geoFile, line: i + 1 }, code);
    const parsed = geometrySchema.safeParse({ region, geometry: f.geometry, source: 'ECHARTS_4_1_0_MAPS' });
    if (!parsed.success) {
      throw new InvalidInputError(buildMessages.invalidRow(fn, geoFile, i, { region, type: f.geometry?.type }, parsed.error.message));
    }
    return { type: 'Feature' as const, properties: { region, source: 'ECHARTS_4_1_0_MAPS' }, geometry: f.geometry };
  });
  usedSources.add('ECHARTS_4_1_0_MAPS');

  // ---- firm relocations (raw/firms)
  const firms = buildFirmRelocations(rawDir, regions, sourceIds);
  for (const id of firms.sources) usedSources.add(id);

  // ---- sources: those used
  const sources: Source[] = [...chinaSources.filter((s) => usedSources.has(s.id)), official.source].map((s) => sourceSchema.parse(s));

  // ---- sort by key (each unique), write
  const counts = writePartTables(
    outDir,
    'cn',
    { sources, regions, industries, observations, io_tables: ioTables, io_cells: ioCells, travel_times: travelTimes, firm_relocations: firms.rows },
    fn,
    // China's IO cells are ordered by the kind names (the files were first written so), not in accounting order.
    { io_cells: (c) => [c.table, c.rowKind, c.row, c.colKind, c.col] },
  );
  counts.geometries = writePartGeometries(outDir, 'cn', features, fn);
  return { counts, summary: [...firms.summary] };
}

if (isMain(import.meta.url)) await runBuilderScript(buildChina);
