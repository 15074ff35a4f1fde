/**
 * Builder of the Japanese part of the embedded dataset (Tokyo area / 首都圏): reads packages/data/raw/jp/** and
 * writes packages/data/dataset/<table>/jp.csv and geometries/jp.geojson.
 *
 * What goes where (see the "Japan" section of packages/data/dataset/README.md):
 * - regions: `JP`, the 8 prefectures `JP-08` … `JP-19`, the 343 municipalities of the Economic Census files
 *   `JP-08201` … (parent the prefecture). The raw `ring` column is not kept (the common part defines membership).
 * - observations: 2020 census population; nominal gross prefectural product (`gdp`), value added by three sectors
 *   and by 16 JSNA activities (fiscal years, million JPY → JPY); Economic Census persons engaged in private
 *   establishments by JSIC division (2016, 2021) for municipalities, prefectures and Japan, the derived
 *   sums of municipalities as their own indicator; Tokyo's 2021 private establishments.
 * - industries JSNA-2015-ACTIVITY (16) and JP-IO37 (37); crosswalks of both to JSIC-13 (analyst-built, no weights);
 *   the 2015 national input–output table (37 sectors, billion JPY) as io_tables/io_cells; boundaries.
 *
 * Every number comes from a raw file; empty raw cells stay absent. Run: `npx tsx packages/data/scripts/build/jp.ts
 * [--from <rawDir>] [--out <outDir>]` (defaults: packages/data/raw and packages/data/dataset; see raw-dir.ts).
 */
import { join } from 'node:path';
import { InvalidInputError } from '@metrocoop/core';
import type { Crosswalk, Industry, InputOutputCell, InputOutputTableInfo, Observation, Region, Source } from '../../src/model/schemas.ts';
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

// ---------------------------------------------------------------------------------------------------------------
// Concordance helpers
// ---------------------------------------------------------------------------------------------------------------

/** Parse a concordance cell such as `A;B`, `F;R(88)`, `L;K(70);R(part)` into division letters with a flag
 *  telling whether only part of the division (a parenthesised subdivision) is meant. */
export function parseDivisionList(text: string): { code: string; wholeDivision: boolean }[] {
  const out: { code: string; wholeDivision: boolean }[] = [];
  for (const raw of text.split(';')) {
    const item = raw.trim();
    const m = /^([A-T])(\(.*\))?$/.exec(item);
    if (m === null) continue;
    out.push({ code: m[1] as string, wholeDivision: m[2] === undefined });
  }
  return out;
}

/**
 * Crosswalk rows from a source code to the listed JSIC divisions. Rule (weights are never given): a single target
 * is `main` (the source lies entirely in it); with several targets, the first listed one is `main` when it is a whole
 * division (the concordances list the principal division first), every other target is `partial`.
 */
export function concordanceRows(
  fromClassification: string,
  fromCode: string,
  targets: { code: string; wholeDivision: boolean }[],
  toClassification: string,
  source: string,
): Crosswalk[] {
  const rows: Crosswalk[] = [];
  const seen = new Set<string>();
  targets.forEach((t, k) => {
    if (seen.has(t.code)) return;
    seen.add(t.code);
    const main = targets.length === 1 || (k === 0 && t.wholeDivision);
    rows.push({
      fromClassification,
      fromCode,
      toClassification,
      toCode: t.code,
      kind: main ? 'main' : 'partial',
      weight: null,
      source,
    });
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Japan
// ---------------------------------------------------------------------------------------------------------------

const FN = 'buildJapan';

/** Sources of the Japanese part (from jp/SOURCES.md and jp/employment_by_industry/SOURCES.md). */
const japanSources: Source[] = [
  {
    id: 'jp_esri_kenmin_syuyo1',
    citation:
      'Cabinet Office ESRI, Prefectural Accounts (2015 base, 2008SNA), main table 1: gross prefectural product by economic activity (nominal), FY2011–FY2022',
    publisher: 'Cabinet Office, Economic and Social Research Institute (内閣府 経済社会総合研究所)',
    table: '県民経済計算 主要系列表1「経済活動別県内総生産（名目）」 (syuyo1.xlsx)',
    whereFound:
      'JSON extract of the ESRI workbook in GitHub yasu-programming/akita-ai-governor, src/data/industry.json, commit 67243b1bbc76c14273f632296e3258982ef6765a',
    url: 'https://www.esri.cao.go.jp/jp/sna/data/data_list/kenmin/files/contents/main_2022.html',
    licence: '政府標準利用規約（第2.0版） (CC BY 4.0 compatible); attribution to 内閣府経済社会総合研究所',
    notes:
      'Million JPY, nominal, fiscal year (April–March). Third-party extract; the total (県内総生産) includes import taxes less consumption tax on capital formation, so the 16 activities sum to it only within −0.4 % … +0.3 %. ESRI revises back years with each release. Checked for internal consistency only (no official second copy).',
  },
  {
    id: 'jp_pref_area_pop',
    citation: 'Statistics Bureau of Japan, 2020 Population Census (total population, 2020-10-01); GSI, area by prefecture',
    publisher: 'Statistics Bureau of Japan (総務省統計局); Geospatial Information Authority of Japan (国土地理院)',
    table: '令和2年国勢調査 人口; 全国都道府県市区町村別面積調 (edition not stated, c. 2020–2021)',
    whereFound: 'a public JS file on GitHub (repository not identified) listing area and 2020 population of the 47 prefectures',
    url: null,
    licence: '政府標準利用規約（第2.0版）; attribution to 総務省統計局 / 国土地理院',
    notes:
      "Population cross-checked in two further independent files (Tochigi in one only). Area differs by 0.04–0.28 km² from another edition for Ibaraki, Chiba, Tokyo, Kanagawa. Used for the prefectures' area_km2 in regions.",
  },
  {
    id: 'jp_tmg_ecensus2021_summary',
    citation: 'Tokyo Metropolitan Government, 2021 Economic Census for Business Activity, Tokyo summary (final)',
    publisher: 'Tokyo Metropolitan Government, Bureau of General Affairs, Statistics Division (東京都総務局統計部)',
    table: '令和3年経済センサス‐活動調査 産業横断的集計 東京都概況（確報）',
    whereFound: 'archived copy of the TMG page',
    url: 'https://www.my.metro.tokyo.lg.jp/w/000-20230928-3816166',
    licence: null,
    notes: 'Private establishments only (excludes government, JSIC S); as of 2021-06-01.',
  },
  {
    id: 'jp_mic_io2015_37',
    citation: 'MIC et al., 2015 Input–Output Tables for Japan, 37-sector aggregation, producer prices',
    publisher: 'Ministry of Internal Affairs and Communications and 10 other ministries (総務省ほか10府省庁)',
    table: '平成27年（2015年）産業連関表 統合大分類（37部門）',
    whereFound:
      'GitHub ShiroTakeda/Japanese_SAM_for_CGE, Make_IO/data_check/check_japan_2015_37x37_std.xlsx (sheets Value_data, Set_data), commit f1c4129a511cf485c647b598e5d2f7fad13ae3af',
    url: null,
    licence: '政府標準利用規約（第2.0版） for the official tables; the repository has no separate data licence',
    notes:
      'Billion JPY. Secondary aggregation of the official basic transaction table with the official 37-sector map; value added in 6 items; imports as negative final-demand columns (competitive-import type). Total domestic production 1,017,818 billion JPY.',
  },
  {
    id: 'jp_dataofjapan_land',
    citation: 'dataofjapan/land: prefecture and Tokyo municipality boundaries, codes, English names, prefectural office locations (from Global Map Japan, GSI)',
    publisher: 'Geospatial Information Authority of Japan (地球地図日本), via the dataofjapan/land repository',
    table: 'japan.topojson, tokyo.topojson, prefectures.csv, prefecturalCapital.csv',
    whereFound: 'GitHub dataofjapan/land, commit 9d753ba27254210900cb22645a55397670ba8205 (TopoJSON decoded to GeoJSON)',
    url: null,
    licence:
      'GSI terms: attribution 「出典：地球地図日本（国土地理院）」; commercial use needs attribution and a usage report to GSI — check before redistribution',
    notes:
      'Coarse 1:1,000,000 generalisation; municipal codes as of 2014-04-05. Prefecture points are prefectural offices; Tokyo municipality points are planar polygon centroids (derived, approximate). One unassigned polygon (所属未定地, no code) is not kept.',
  },
  {
    id: 'jp_ssdse_a_2023',
    citation: 'NSTAC, SSDSE-A 2023 (municipalities): persons engaged in private establishments by JSIC division, 2016 Economic Census',
    publisher: 'National Statistics Center (独立行政法人統計センター); original survey MIC and METI 経済センサス‐活動調査',
    table: 'SSDSE-A-2023, columns C2208 and C220832–C220852 (従業者数（民営）)',
    whereFound: 'GitHub cr4ft3r-ch1/Statistic-competition, data/SSDSE-A-2023.csv, commit ac5ed69d6e8d38da58d70b981c051a9257f22a3e (CP932)',
    url: null,
    licence:
      'SSDSE: free use with attribution 出典：独立行政法人統計センター「SSDSE」 and the underlying survey (政府標準利用規約 2.0) — verify before redistribution',
    notes:
      'Place of work, private establishments only (no JSIC S; A and B incomplete by design). Also the source of the derived prefecture and Japan sums of municipalities (persons_engaged_private_sum_of_municipalities).',
  },
  {
    id: 'jp_ssdse_a_2024',
    citation: 'NSTAC, SSDSE-A 2024 (municipalities): persons engaged in private establishments by JSIC division, 2021 Economic Census',
    publisher: 'National Statistics Center (独立行政法人統計センター); original survey MIC and METI 経済センサス‐活動調査',
    table: 'SSDSE-A-2024, columns C2208 and C220832–C220852 (従業者数（民営）)',
    whereFound: 'GitHub cr4ft3r-ch1/Statistic-competition, data/SSDSE-A-2024.csv, commit ac5ed69d6e8d38da58d70b981c051a9257f22a3e (CP932)',
    url: null,
    licence:
      'SSDSE: free use with attribution 出典：独立行政法人統計センター「SSDSE」 and the underlying survey (政府標準利用規約 2.0) — verify before redistribution',
    notes:
      'Place of work, private establishments only. 2021 values identical in SSDSE-A 2024, 2025 and 2026. Also the source of the derived 2021 sums of municipalities.',
  },
  {
    id: 'jp_ssdse_e_2023',
    citation: 'NSTAC, SSDSE-E 2023 (prefectures): persons engaged in private establishments, total and 7 JSIC divisions, 2016 Economic Census',
    publisher: 'National Statistics Center (独立行政法人統計センター)',
    table: 'SSDSE-E-2023, columns C2208, C220836, C220837, C220839, C220841, C220847, C220848, C220850',
    whereFound: 'GitHub machaaki1102/dashboard_share, SSDSE-E-2023.csv, commit 9a2af80dada2059fe5a7f079f27c88562eee8328 (CP932)',
    url: null,
    licence: 'SSDSE terms as for SSDSE-A — verify before redistribution',
    notes:
      'Official prefecture and national values; equal to the sum of municipalities except Tokyo (and hence Japan), where the sum is 18,768 persons lower in 2016.',
  },
  {
    id: 'jp_ssdse_e_2026',
    citation: 'NSTAC, SSDSE-E 2026 (prefectures): persons engaged in private establishments, total and 7 JSIC divisions, 2021 Economic Census',
    publisher: 'National Statistics Center (独立行政法人統計センター)',
    table: 'SSDSE-E-2026, columns C2208 and 7 divisions (D E G I M N P)',
    whereFound: 'GitHub ctxzz/ssdse, SSDSE-E-2026.csv, commit 2785e64ef724984a6d92e58cb5989013dda347f0 (9 rows transcribed and re-checked)',
    url: null,
    licence: 'SSDSE terms as for SSDSE-A — verify before redistribution',
    notes:
      'Japan 2021 total 57,949,915 equals e-Stat table 0004005648; Tokyo 2021 total equals the TMG summary. Tokyo sum of municipalities is 12,625 persons lower.',
  },
  {
    id: 'jp_concordance_jsna_jsic',
    citation: 'metrocoop raw-data collection (2026-11-28): analyst-built mapping of the 16 JSNA activities to JSIC Rev.13 divisions',
    publisher: 'metrocoop project',
    table: 'jp/sector_concordance_jsna_jsic.csv',
    whereFound: 'packages/data/raw/jp/sector_concordance_jsna_jsic.csv',
    url: null,
    licence: null,
    notes:
      'Approximate where noted in the raw file (A04 includes waste management JSIC 88 in division R; A11 real estate only; A12, A14, A16 approximate). No weights.',
  },
  {
    id: 'jp_concordance_io37_jsic',
    citation: 'metrocoop raw-data collection (2026-11-28): analyst-built approximate mapping of the IO 37 sectors to JSIC Rev.13 divisions',
    publisher: 'metrocoop project',
    table: 'jp/sector_concordance_io37_jsic.csv',
    whereFound: 'packages/data/raw/jp/sector_concordance_io37_jsic.csv',
    url: null,
    licence: null,
    notes: 'Approximate. Sector 68 事務用品 (office supplies, a dummy sector) has no JSIC counterpart and no row. No weights.',
  },
];

/** Simplified Chinese names of the 8 prefectures (same characters, 県 → 县, 東 → 东, 馬 → 马, 葉 → 叶). */
const prefectureNameZh: Record<string, string> = {
  '08': '茨城县',
  '09': '栃木县',
  '10': '群马县',
  '11': '埼玉县',
  '12': '千叶县',
  '13': '东京都',
  '14': '神奈川县',
  '19': '山梨县',
};

/** English names of the 37 IO sectors (translations of the official Japanese names). */
const io37NameEn: Record<string, string> = {
  '01': 'Agriculture, forestry and fishery',
  '06': 'Mining',
  '11': 'Food and beverages',
  '15': 'Textile products',
  '16': 'Pulp, paper and wooden products',
  '20': 'Chemical products',
  '21': 'Petroleum and coal products',
  '22': 'Plastic and rubber products',
  '25': 'Ceramic, stone and clay products',
  '26': 'Iron and steel',
  '27': 'Non-ferrous metals',
  '28': 'Metal products',
  '29': 'General-purpose machinery',
  '30': 'Production machinery',
  '31': 'Business-oriented machinery',
  '32': 'Electronic components',
  '33': 'Electrical machinery',
  '34': 'Information and communication electronics equipment',
  '35': 'Transportation equipment',
  '39': 'Miscellaneous manufacturing products',
  '41': 'Construction',
  '46': 'Electricity, gas and heat supply',
  '47': 'Water supply',
  '48': 'Waste management services',
  '51': 'Commerce',
  '53': 'Finance and insurance',
  '55': 'Real estate',
  '57': 'Transport and postal services',
  '59': 'Information and communications',
  '61': 'Public administration',
  '63': 'Education and research',
  '64': 'Medical service, health care and social welfare',
  '65': 'Non-profit organizations serving members n.e.c.',
  '66': 'Business services',
  '67': 'Personal services',
  '68': 'Office supplies',
  '69': 'Activities not elsewhere classified',
};

const io37ValueAddedRows = new Set(['ohcr', 'epin', 'opse', 'depr', 'idtx', 'subs']);
const io37FinalDemandCols = new Set(['ohcc', 'hhco', 'gvco', 'invg', 'invp', 'stck', 'expo', 'impo', 'imta', 'imtx']);

/** JP-13 from `13`, JP-13101 from `13101`, JP from `JP`. */
function japanRegionId(code: string, file: string, line: number): string {
  if (code === 'JP') return 'JP';
  if (/^\d{2}$/.test(code) || /^\d{5}$/.test(code)) return `JP-${code}`;
  throw new InvalidInputError(buildMessages.unknownCode(FN, file, line, 'region code', code), { file, line });
}

const threeSectorCode: Record<string, string> = {
  gdp_nominal_primary: 'I',
  gdp_nominal_secondary: 'II',
  gdp_nominal_tertiary: 'III',
};

/** Build the Japanese part. */
export async function buildJapan(rawDir: string, outDir: string): Promise<{ counts: Record<string, number> }> {
  const jp = join(rawDir, 'jp');
  const regions: Region[] = [];
  const observations: Observation[] = [];
  const industries: Industry[] = [];
  const crosswalks: Crosswalk[] = [];
  const ioCells: InputOutputCell[] = [];

  // Regions ------------------------------------------------------------------------------------------------------
  regions.push(countryRegion('JP', '日本', 'Japan', '日本'));
  const regionsFile = join(jp, 'regions.csv');
  const rawRegions = readRawCsv(regionsFile, FN);
  const prefectureEn = new Map<string, string>();
  const tokyoMunicipalities = new Map<string, RawRecord>();
  rawRegions.forEach((r, k) => {
    const code = r.code ?? '';
    const line = k + 2;
    const lon = rawNumber(r, 'lon', regionsFile, line, FN);
    const lat = rawNumber(r, 'lat', regionsFile, line, FN);
    if (code.length === 2) {
      prefectureEn.set(code, r.name_en ?? '');
      regions.push({
        id: japanRegionId(code, regionsFile, line),
        nameZh: prefectureNameZh[code] ?? null,
        nameEn: r.name_en ?? '',
        nameLocal: r.name_local ?? null,
        level: 'prefecture',
        parent: 'JP',
        lon,
        lat,
        areaKm2: rawNumber(r, 'area_km2', regionsFile, line, FN),
        source: 'jp_dataofjapan_land',
      });
    } else {
      tokyoMunicipalities.set(code, r);
    }
  });
  const municipalitiesFile = join(jp, 'employment_by_industry', 'municipalities.csv');
  readRawCsv(municipalitiesFile, FN).forEach((m, k) => {
    const code = m.code ?? '';
    const line = k + 2;
    const tokyo = tokyoMunicipalities.get(code);
    const prefecture = m.prefecture_code ?? '';
    if (!prefectureEn.has(prefecture)) {
      throw new InvalidInputError(buildMessages.unknownCode(FN, municipalitiesFile, line, 'prefecture code', prefecture));
    }
    regions.push({
      id: japanRegionId(code, municipalitiesFile, line),
      nameZh: null,
      // No romanised name is in the data outside Tokyo: the English name falls back to the Japanese one.
      nameEn: tokyo?.name_en ?? m.municipality_name ?? code,
      nameLocal: m.municipality_name ?? null,
      level: 'municipality',
      parent: `JP-${prefecture}`,
      lon: tokyo === undefined ? null : rawNumber(tokyo, 'lon', regionsFile, 0, FN),
      lat: tokyo === undefined ? null : rawNumber(tokyo, 'lat', regionsFile, 0, FN),
      areaKm2: null,
      source: tokyo === undefined ? 'jp_ssdse_a_2024' : 'jp_dataofjapan_land',
    });
    tokyoMunicipalities.delete(code);
  });
  if (tokyoMunicipalities.size > 0) {
    const [code] = tokyoMunicipalities.keys();
    throw new InvalidInputError(buildMessages.unknownCode(FN, regionsFile, 0, 'municipality missing from municipalities.csv', code));
  }
  // Every other prefecture, municipality and designated-city ward of the JIS X 0402 list (the rows above unchanged).
  const official = addOfficialRegions(rawDir, 'JP', regions);
  regions.push(...official.regions.slice(regions.length));

  // Observations: indicators.csv (population, GDP, three sectors, establishments) -------------------------------
  const indicatorsFile = join(jp, 'indicators.csv');
  readRawCsv(indicatorsFile, FN).forEach((r, k) => {
    const line = k + 2;
    const region = japanRegionId(r.region_code ?? '', indicatorsFile, line);
    const year = rawNumber(r, 'year', indicatorsFile, line, FN);
    const value = rawNumber(r, 'value', indicatorsFile, line, FN);
    const source = r.source_id ?? '';
    const indicator = r.indicator ?? '';
    if (indicator === 'population') {
      observations.push(
        observation({
          region,
          year,
          indicator: 'population',
          classification: null,
          industry: null,
          value,
          unit: 'persons',
          valueOriginal: value,
          unitOriginal: 'persons',
          source,
          vintage: 'single',
          note: '2020 Population Census, total population as of 2020-10-01',
        }),
      );
    } else if (indicator === 'gdp_nominal_total' || indicator in threeSectorCode) {
      const total = indicator === 'gdp_nominal_total';
      observations.push(
        observation({
          region,
          year,
          indicator: total ? 'gdp' : 'value_added',
          classification: total ? null : 'THREE-SECTOR',
          industry: total ? null : (threeSectorCode[indicator] as string),
          value: value * 1e6,
          unit: 'JPY',
          valueOriginal: value,
          unitOriginal: 'million JPY',
          source,
          vintage: year === 2022 ? 'first' : 'revised',
          note: total
            ? `nominal; fiscal year ${year} (April ${year} – March ${year + 1}); gross prefectural product (県内総生産, incl. import taxes less consumption tax on capital formation)`
            : `nominal; fiscal year ${year} (April ${year} – March ${year + 1}); sum of activities as tabulated by ESRI`,
        }),
      );
    } else if (indicator === 'establishments_private_total') {
      observations.push(
        observation({
          region,
          year,
          indicator: 'establishments',
          classification: null,
          industry: null,
          value,
          unit: 'establishments',
          valueOriginal: value,
          unitOriginal: 'establishments',
          source,
          vintage: 'single',
          note: 'private establishments (excl. government), Economic Census as of 2021-06-01',
        }),
      );
    } else {
      throw new InvalidInputError(buildMessages.unknownCode(FN, indicatorsFile, line, 'indicator', indicator));
    }
  });

  // Observations: value added by 16 JSNA activities; industries JSNA-2015-ACTIVITY ---------------------------------
  const gdpFile = join(jp, 'gdp_by_industry.csv');
  const jsnaNames = new Map<string, { local: string; en: string }>();
  readRawCsv(gdpFile, FN).forEach((r, k) => {
    const line = k + 2;
    if (r.classification !== 'JSNA-2015base-activity') {
      throw new InvalidInputError(buildMessages.unknownCode(FN, gdpFile, line, 'classification', r.classification));
    }
    const code = r.industry_code ?? '';
    if (!jsnaNames.has(code)) jsnaNames.set(code, { local: r.industry_name ?? '', en: r.industry_name_en ?? '' });
    const year = rawNumber(r, 'year', gdpFile, line, FN);
    if ((r.value ?? '') === '') return; // a gap stays absent (none in the current file)
    const value = rawNumber(r, 'value', gdpFile, line, FN);
    observations.push(
      observation({
        region: japanRegionId(r.region_code ?? '', gdpFile, line),
        year,
        indicator: 'value_added',
        classification: 'JSNA-2015-ACTIVITY',
        industry: code,
        value: value * 1e6,
        unit: 'JPY',
        valueOriginal: value,
        unitOriginal: 'million JPY',
        source: r.source_id ?? '',
        vintage: year === 2022 ? 'first' : 'revised',
        note: `nominal; fiscal year ${year} (April ${year} – March ${year + 1})`,
      }),
    );
  });
  for (const [code, names] of jsnaNames) {
    industries.push({
      classification: 'JSNA-2015-ACTIVITY',
      code,
      nameZh: null,
      nameEn: names.en || null,
      nameLocal: names.local || null,
      level: 'activity',
      parent: null,
    });
  }

  // Observations: Economic Census persons engaged (employment.csv and employment_by_industry/) -------------------
  const employmentFile = join(jp, 'employment.csv');
  readRawCsv(employmentFile, FN).forEach((r, k) => {
    const line = k + 2;
    const value = rawNumber(r, 'employees', employmentFile, line, FN);
    if (r.industry_code !== 'A-R') {
      throw new InvalidInputError(buildMessages.unknownCode(FN, employmentFile, line, 'industry code', r.industry_code));
    }
    observations.push(
      observation({
        region: japanRegionId(r.region_code ?? '', employmentFile, line),
        year: rawNumber(r, 'year', employmentFile, line, FN),
        indicator: 'persons_engaged_private',
        classification: null,
        industry: null,
        value,
        unit: 'persons',
        valueOriginal: value,
        unitOriginal: 'persons',
        source: r.source_id ?? '',
        vintage: 'single',
        note: 'Economic Census, all industries excl. S (public administration), private establishments, as of 2021-06-01 (TMG summary)',
      }),
    );
  });
  const byIndustryFile = join(jp, 'employment_by_industry', 'employment_by_industry.csv');
  readRawCsv(byIndustryFile, FN).forEach((r, k) => {
    const line = k + 2;
    if (r.classification !== 'JSIC-Rev13') {
      throw new InvalidInputError(buildMessages.unknownCode(FN, byIndustryFile, line, 'classification', r.classification));
    }
    if ((r.value ?? '') === '') return; // a gap stays absent (none in the current file)
    const value = rawNumber(r, 'value', byIndustryFile, line, FN);
    const year = rawNumber(r, 'year', byIndustryFile, line, FN);
    const total = r.industry_code === 'A-R';
    const code = r.industry_code ?? '';
    if (!total && !/^[A-R]$/.test(code)) {
      throw new InvalidInputError(buildMessages.unknownCode(FN, byIndustryFile, line, 'JSIC division', code));
    }
    const date = year === 2016 ? '2016-06-01' : '2021-06-01';
    let indicator: string;
    let note: string;
    if (r.measure === 'persons_engaged_private') {
      indicator = 'persons_engaged_private';
      note = `Economic Census ${year} (as of ${date}), place of work, private establishments only${total ? '; all industries excl. S (public administration)' : ''}`;
    } else if (r.measure === 'persons_engaged_private_sum_of_municipalities') {
      indicator = 'persons_engaged_private_sum_of_municipalities';
      note = `derived by the data collectors: sum of the published municipality values (Economic Census ${year}); equals the official prefecture figure except for Tokyo and Japan, where it is slightly lower`;
    } else {
      throw new InvalidInputError(buildMessages.unknownCode(FN, byIndustryFile, line, 'measure', r.measure));
    }
    observations.push(
      observation({
        region: japanRegionId(r.region_code ?? '', byIndustryFile, line),
        year,
        indicator,
        classification: total ? null : 'JSIC-13',
        industry: total ? null : code,
        value,
        unit: 'persons',
        valueOriginal: value,
        unitOriginal: 'persons',
        source: r.source_id ?? '',
        vintage: 'single',
        vintageDate: null,
        note,
      }),
    );
  });

  // Crosswalks ---------------------------------------------------------------------------------------------------
  const jsnaConcordanceFile = join(jp, 'sector_concordance_jsna_jsic.csv');
  for (const r of readRawCsv(jsnaConcordanceFile, FN)) {
    crosswalks.push(
      ...concordanceRows('JSNA-2015-ACTIVITY', r.jsna_activity_code ?? '', parseDivisionList(r.jsic_divisions ?? ''), 'JSIC-13', 'jp_concordance_jsna_jsic'),
    );
  }
  const io37ConcordanceFile = join(jp, 'sector_concordance_io37_jsic.csv');
  for (const r of readRawCsv(io37ConcordanceFile, FN)) {
    crosswalks.push(...concordanceRows('JP-IO37', r.io37_code ?? '', parseDivisionList(r.jsic_divisions_approx ?? ''), 'JSIC-13', 'jp_concordance_io37_jsic'));
  }

  // Input–output table 2015 (37 sectors) -------------------------------------------------------------------------
  const ioFile = join(jp, 'io_table_jp_2015_37sector.csv');
  const ioTableId = 'JP-IO37-2015';
  const io37Names = new Map<string, string>();
  readRawCsv(ioFile, FN).forEach((r, k) => {
    const line = k + 2;
    const row = r.row_code ?? '';
    const col = r.col_code ?? '';
    if ((r.value ?? '') === '') return;
    const value = rawNumber(r, 'value', ioFile, line, FN);
    let rowKind: InputOutputCell['rowKind'];
    if (/^\d{2}$/.test(row)) {
      rowKind = 'sector';
      io37Names.set(row, r.row_name ?? '');
    } else if (io37ValueAddedRows.has(row)) rowKind = 'value_added';
    else if (row === 'Total') rowKind = 'total';
    else throw new InvalidInputError(buildMessages.unknownCode(FN, ioFile, line, 'IO row code', row));
    let colKind: InputOutputCell['colKind'];
    if (/^\d{2}$/.test(col)) colKind = 'sector';
    else if (io37FinalDemandCols.has(col)) colKind = 'final_demand';
    else if (col === 'Total') colKind = 'total';
    else throw new InvalidInputError(buildMessages.unknownCode(FN, ioFile, line, 'IO column code', col));
    ioCells.push({ table: ioTableId, rowKind, row, colKind, col, value });
  });
  for (const [code, nameLocal] of io37Names) {
    industries.push({
      classification: 'JP-IO37',
      code,
      nameZh: null,
      nameEn: io37NameEn[code] ?? null,
      nameLocal,
      level: 'sector',
      parent: null,
    });
  }
  const ioTables: InputOutputTableInfo[] = [
    {
      id: ioTableId,
      country: 'JP',
      year: 2015,
      classification: 'JP-IO37',
      unit: 'billion JPY',
      importTreatment: 'competitive-imports',
      source: 'jp_mic_io2015_37',
      note: 'National table, producer prices, 37 sectors (統合大分類). Value-added rows: ohcr household consumption outside households (row), epin compensation of employees, opse operating surplus, depr consumption of fixed capital, idtx indirect taxes (excl. customs and import commodity taxes), subs (less) current subsidies. Final-demand columns: ohcc, hhco private consumption, gvco government consumption, invg public and invp private fixed capital formation, stck inventory change, expo exports; impo imports, imta customs duties, imtx import commodity taxes are deductions (negative). Total = domestic production. Cells absent from the source long file are absent here (not set to zero).',
    },
  ];

  // Geometry -----------------------------------------------------------------------------------------------------
  const features: FeatureCollection['features'][number][] = [];
  for (const name of ['shutoken_prefectures.geojson', 'tokyo_municipalities.geojson']) {
    const fc = readRawGeoJson(join(jp, 'geometry', name), FN);
    for (const f of fc.features) {
      const code = f.properties?.code;
      if (typeof code !== 'string' || f.geometry === null) continue; // the unassigned area 所属未定地 has no code
      features.push({
        type: 'Feature',
        properties: { region: `JP-${code}`, source: 'jp_dataofjapan_land' },
        geometry: f.geometry,
      });
    }
  }
  const counts = writePartTables(
    outDir,
    'jp',
    { sources: [...japanSources, official.source], industries, crosswalks, regions, observations, io_tables: ioTables, io_cells: ioCells },
    FN,
  );
  counts.geometries = writePartGeometries(outDir, 'jp', features, FN);
  return { counts };
}

if (isMain(import.meta.url)) await runBuilderScript(buildJapan);
