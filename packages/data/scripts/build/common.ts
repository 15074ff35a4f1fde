/**
 * The common part of the embedded dataset: packages/data/dataset/<table>/common.csv for sources,
 * classifications, industries (GB/T 4754-2017 sections, THREE-SECTOR, JSIC-13 divisions, NAICS-2017 sectors,
 * ISIC-4 sections), crosswalks, metros, metro_members, unit_sets, unit_set_members and knowledge.
 *
 * Reads packages/data/raw/classifications/*.csv, the raw region lists (for metro membership), the knowledge base
 * packages/data/raw/knowledge/knowledge.md (see raw-dir.ts), and — for the years of each unit set — the observations the country
 * builders wrote (dataset/observations/{cn,jp,us}.csv): a unit set's years are those in which every member has at
 * least one non-withheld observation of the set's indicator by an industry of its classification.
 *
 * Run: `npx tsx packages/data/scripts/build/common.ts [--from <rawDir>] [--out <outDir>]` (or the whole build,
 * `npm run dataset:build -w @metrocoop/data`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDatasetTableDetailed } from '../../src/dataset/read-dataset.ts';
import {
  type Classification,
  type Crosswalk,
  classificationIds,
  classificationSchema,
  crosswalkSchema,
  type Industry,
  industrySchema,
  type KnowledgeItem,
  knowledgeItemSchema,
  metroMemberSchema,
  metroSchema,
  type Source,
  sourceSchema,
  type UnitSet,
  unitSetMemberSchema,
  unitSetSchema,
} from '../../src/model/schemas.ts';
import { parseKnowledge } from './common-knowledge.ts';
import { commonMessages } from './common-messages.ts';
import { defineMetros, type UnitSetDefinition, unitSetMemberRows } from './common-metros.ts';
import { writeTableCsv } from './csv-writer.ts';
import { knowledgeFile } from './raw-dir.ts';
import { compareBy, isMain, readRawCsv, runBuilderScript } from './shared.ts';

const ids = classificationIds;
const FN = 'buildCommon';

/** Source ids of the common part (besides the knowledge base's `kb-S#`). */
export const commonSourceIds = {
  gbt4754: 'std-gbt4754-2017',
  threeSector: 'std-three-sector-2018',
  jsic13: 'std-jsic-13',
  jsnaActivity: 'std-jsna-2015',
  naics2017: 'std-naics-2017',
  isic4: 'std-isic-4',
  cnIo42: 'std-cn-io42',
  jpIo37: 'std-jp-io37',
  usBeaSummary: 'std-us-bea-summary',
  usBeaGdpLine: 'std-us-bea-gdp-line',
  gbtIsic: 'cw-gbt4754-isic4',
  jsicIsic: 'cw-jsic13-isic4',
  naicsIsic: 'cw-naics2017-isic4',
  io42Gbt: 'cw-cnio42-gbt4754',
} as const;

const s = commonSourceIds;

function standardSources(): Source[] {
  const classificationsFolder = 'packages/data/raw/classifications';
  return [
    {
      id: s.gbt4754,
      citation: 'GB/T 4754-2017 国民经济行业分类 (Industrial classification for national economic activities), sections A–T',
      publisher: '国家质量监督检验检疫总局 / 国家标准化管理委员会 (AQSIQ / SAC)',
      table: 'section titles and division ranges',
      whereFound: `${classificationsFolder}/gbt4754_2017_sections.csv (see its SOURCES.md)`,
      url: null,
      licence: 'national standard; titles reused as facts',
      notes:
        'Published 2017-06-30, in force 2017-10-01; declares itself NEQ (non-equivalent) to ISIC Rev.4. English names are a working translation close to NBS yearbook usage (no official English edition found).',
    },
    {
      id: s.threeSector,
      citation: 'NBS 三次产业划分规定 (Rules for the division of the three sectors), 2012 edition as revised in 2018 for GB/T 4754-2017',
      publisher: '国家统计局 (National Bureau of Statistics of China)',
      table: null,
      whereFound:
        'stored public web pages quoting the rules: a summary of the 2018 revision (url) and the Hebei statistics bureau page with the 2012 text (http://tjj.hebei.gov.cn/hetj/ztbd/tjbz/101528709239959.html)',
      url: 'http://1synews.com/sy/chanye/89079.html',
      licence: 'official statistical standard; reused as facts',
      notes: 'Primary = A except division 05; secondary = B except 11, C except 43, D, E; tertiary = all other sections plus divisions 05, 11 and 43.',
    },
    {
      id: s.jsic13,
      citation: 'Japan Standard Industrial Classification, Rev.13 (日本標準産業分類 平成25年10月改定), divisions A–T',
      publisher: '総務省 (Ministry of Internal Affairs and Communications)',
      table: 'division titles (Japanese and English) and the 2-digit ranges',
      whereFound: `${classificationsFolder}/jsic13_sections.csv (see its SOURCES.md)`,
      url: 'https://www.soumu.go.jp/english/dgpp_ss/seido/sangyo/san14-3.htm',
      licence: 'government standard; titles reused as facts',
      notes: 'In use April 2014 – March 2024 (replaced by Rev.14). Japanese titles with full-width commas as in MIC tables.',
    },
    {
      id: s.jsnaActivity,
      citation: 'Cabinet Office ESRI, prefectural accounts (県民経済計算, 2015 base, 2008SNA): the 16 economic activities of 経済活動別県内総生産',
      publisher: '内閣府 経済社会総合研究所 (Cabinet Office, ESRI)',
      table: '主要系列表1 経済活動別県内総生産（名目）',
      whereFound: 'packages/data/raw/jp/gdp_by_industry.csv and jp/SOURCES.md (source jp_esri_kenmin_syuyo1)',
      url: 'https://www.esri.cao.go.jp/jp/sna/data/data_list/kenmin/files/contents/main_2022.html',
      licence: '政府標準利用規約（第2.0版）',
      notes: 'Activity codes A01–A16 are local codes in the source column order; the activity rows are written by the Japanese part.',
    },
    {
      id: s.naics2017,
      citation: 'North American Industry Classification System 2017, 2-digit sectors (31-33, 44-45, 48-49 as published)',
      publisher: 'U.S. Census Bureau / Office of Management and Budget',
      table: 'sector titles',
      whereFound:
        'sector titles as printed in packages/data/raw/us/employment.csv (Census ABS/CBP extracts); sector list of classifications/naics2017_isic4_sections.csv',
      url: 'https://www.census.gov/naics/',
      licence: 'U.S. federal government work (public domain)',
      notes: null,
    },
    {
      id: s.isic4,
      citation: 'International Standard Industrial Classification of All Economic Activities, Rev.4, sections A–U',
      publisher: 'United Nations Statistics Division',
      table: 'ISIC_Rev_4_english_structure.txt',
      whereFound:
        'GitHub insongkim/concordance, data-raw/ISIC_Rev_4_english_structure.txt, commit 201c812e51f213d967d8701b6ed6398c79df4a04 (packages/data/raw/classifications/isic4_sections.csv)',
      url: null,
      licence: 'UN facts (package GPL-3)',
      notes: null,
    },
    {
      id: s.cnIo42,
      citation: 'NBS 42-sector input–output classification (中国投入产出表 2017 / 2018 延长表, 42 部门)',
      publisher: '国家统计局 (National Bureau of Statistics of China)',
      table: null,
      whereFound: 'packages/data/raw/cn/io_sectors_42.csv via R package ionet (see cn/SOURCES.md)',
      url: null,
      licence: 'official statistics; reused as facts',
      notes: 'Sector rows are written by the Chinese part.',
    },
    {
      id: s.jpIo37,
      citation: 'Japan 2015 input–output tables, 37-sector aggregation (平成27年産業連関表 統合大分類)',
      publisher: '総務省ほか10府省庁 (MIC and 10 ministries)',
      table: null,
      whereFound: 'packages/data/raw/jp/io_table_jp_2015_37sector.csv (see jp/SOURCES.md, source jp_mic_io2015_37)',
      url: null,
      licence: '政府標準利用規約（第2.0版）',
      notes: 'Sector rows are written by the Japanese part.',
    },
    {
      id: s.usBeaSummary,
      citation: 'U.S. BEA input–output accounts, summary level (71 industries / 73 commodities), 2017 benchmark schema',
      publisher: 'U.S. Bureau of Economic Analysis',
      table: 'Summary Use / Make tables before redefinitions',
      whereFound: 'packages/data/raw/us/io_table_us_summary_*.csv via GitHub USEPA/useeior (see us/SOURCES.md)',
      url: null,
      licence: 'U.S. federal government work (public domain)',
      notes: 'Industry rows are written by the US part.',
    },
    {
      id: s.usBeaGdpLine,
      citation: 'U.S. BEA regional GDP by industry lines (CAGDP2 counties, SAGDP2N states; NAICS 2017 based)',
      publisher: 'U.S. Bureau of Economic Analysis',
      table: 'CAGDP2 / SAGDP2N line descriptions',
      whereFound: 'packages/data/raw/us/gdp_by_industry/gdp_by_industry.csv (see its SOURCES.md)',
      url: null,
      licence: 'U.S. federal government work (public domain)',
      notes: 'Line rows are written by the US part. Lines include aggregates: do not sum all lines.',
    },
    {
      id: s.gbtIsic,
      citation: 'GB/T 4754-2017 sections → ISIC Rev.4 sections, by comparison of division titles (analyst judgement)',
      publisher: 'metrocoop shared data (analyst)',
      table: 'gbt4754_2017_isic4_sections.csv',
      whereFound: 'packages/data/raw/classifications/gbt4754_2017_isic4_sections.csv (see its SOURCES.md)',
      url: null,
      licence: null,
      notes: 'No official section-level concordance was found. Relations are qualitative and carry no weights; "major" is loaded as partial.',
    },
    {
      id: s.jsicIsic,
      citation: 'JSIC Rev.13 divisions → ISIC Rev.4 sections, by comparison of division titles (analyst judgement)',
      publisher: 'metrocoop shared data (analyst)',
      table: 'jsic13_isic4_sections.csv',
      whereFound: 'packages/data/raw/classifications/jsic13_isic4_sections.csv (see its SOURCES.md)',
      url: null,
      licence: null,
      notes:
        'MIC\'s own correspondence table was not found in stored copies. JSIC puts head offices in the industry served (ISIC M 7010). "major" is loaded as partial; T (unclassifiable) has no counterpart.',
    },
    {
      id: s.naicsIsic,
      citation: 'US Census Bureau, 2017 NAICS to ISIC 4.0 concordance, aggregated to NAICS sectors × ISIC sections',
      publisher: 'U.S. Census Bureau',
      table: '2017_NAICS_to_ISIC_4.xlsx, sheet "NAICS 17 to ISIC 4 technical"',
      whereFound:
        'GitHub insongkim/concordance data-raw/2017_NAICS_to_ISIC_4.xlsx, aggregated in packages/data/raw/classifications/naics2017_isic4_sections.csv',
      url: 'https://www.census.gov/naics/',
      licence: 'U.S. federal government work (public domain)',
      notes: 'The official table gives links, not economic weights: link shares are structure indicators only, so no weight is loaded.',
    },
    {
      id: s.io42Gbt,
      citation: 'NBS 42 IO sectors → GB/T 4754-2017 sections, by IO sector titles (analyst judgement)',
      publisher: 'metrocoop shared data (analyst)',
      table: 'cn_io42_gbt4754_2017_sections.csv',
      whereFound: 'packages/data/raw/classifications/cn_io42_gbt4754_2017_sections.csv (see its SOURCES.md)',
      url: null,
      licence: null,
      notes:
        'Each IO sector lies wholly in one GB section ("single_section"), loaded as main with weight 1. IO sectors are product groups, GB classes establishment activities.',
    },
  ];
}

function classificationRows(): Classification[] {
  return [
    {
      id: ids.gbt4754,
      nameEn: 'Industrial classification for national economic activities (GB/T 4754-2017)',
      nameZh: '国民经济行业分类（GB/T 4754-2017）',
      levels: ['section', 'division', 'group', 'class'],
      source: s.gbt4754,
    },
    {
      id: ids.threeSector,
      nameEn: 'Three sectors (primary, secondary, tertiary; NBS rules)',
      nameZh: '三次产业',
      levels: ['sector'],
      source: s.threeSector,
    },
    {
      id: ids.jsic13,
      nameEn: 'Japan Standard Industrial Classification, Rev.13',
      nameZh: '日本标准产业分类（第13次修订）',
      levels: ['division', 'major group', 'group', 'industry'],
      source: s.jsic13,
    },
    {
      id: ids.jsnaActivity,
      nameEn: 'Japan prefectural accounts economic activities (2015 base)',
      nameZh: '日本县民经济核算经济活动（2015年基准）',
      levels: ['activity'],
      source: s.jsnaActivity,
    },
    {
      id: ids.naics2017,
      nameEn: 'North American Industry Classification System 2017',
      nameZh: '北美产业分类体系（NAICS 2017）',
      levels: ['sector', 'subsector', 'industry group', 'NAICS industry', 'national industry'],
      source: s.naics2017,
    },
    {
      id: ids.isic4,
      nameEn: 'International Standard Industrial Classification, Rev.4',
      nameZh: '国际标准行业分类（第4版）',
      levels: ['section', 'division', 'group', 'class'],
      source: s.isic4,
    },
    {
      id: ids.cnIo42,
      nameEn: 'China input–output table, 42 sectors',
      nameZh: '中国投入产出表42部门',
      levels: ['sector'],
      source: s.cnIo42,
    },
    {
      id: ids.jpIo37,
      nameEn: 'Japan input–output table 2015, 37 sectors',
      nameZh: '日本2015年投入产出表37部门',
      levels: ['sector'],
      source: s.jpIo37,
    },
    {
      id: ids.usBeaSummary,
      nameEn: 'US BEA input–output summary industries',
      nameZh: '美国经济分析局投入产出汇总行业',
      levels: ['industry'],
      source: s.usBeaSummary,
    },
    {
      id: ids.usBeaGdpLine,
      nameEn: 'US BEA regional GDP industry lines',
      nameZh: '美国经济分析局地区GDP行业线',
      levels: ['line'],
      source: s.usBeaGdpLine,
    },
  ];
}

function industryRows(rawDir: string): Industry[] {
  const folder = join(rawDir, 'classifications');
  const rows: Industry[] = [];
  for (const r of readRawCsv(join(folder, 'gbt4754_2017_sections.csv'), FN)) {
    rows.push({
      classification: ids.gbt4754,
      code: r.gb_section as string,
      nameZh: r.name_zh as string,
      nameEn: r.name_en as string,
      nameLocal: null,
      level: 'section',
      parent: null,
    });
  }
  rows.push(
    {
      classification: ids.threeSector,
      code: 'I',
      nameZh: '第一产业',
      nameEn: 'Primary industry',
      nameLocal: null,
      level: 'sector',
      parent: null,
    },
    {
      classification: ids.threeSector,
      code: 'II',
      nameZh: '第二产业',
      nameEn: 'Secondary industry',
      nameLocal: null,
      level: 'sector',
      parent: null,
    },
    {
      classification: ids.threeSector,
      code: 'III',
      nameZh: '第三产业',
      nameEn: 'Tertiary industry',
      nameLocal: null,
      level: 'sector',
      parent: null,
    },
  );
  for (const r of readRawCsv(join(folder, 'jsic13_sections.csv'), FN)) {
    rows.push({
      classification: ids.jsic13,
      code: r.jsic_section as string,
      nameZh: null,
      nameEn: r.name_en as string,
      nameLocal: r.name_ja as string,
      level: 'division',
      parent: null,
    });
  }
  for (const r of readRawCsv(join(folder, 'isic4_sections.csv'), FN)) {
    rows.push({
      classification: ids.isic4,
      code: r.isic4_section as string,
      nameZh: null,
      nameEn: r.isic4_section_name as string,
      nameLocal: null,
      level: 'section',
      parent: null,
    });
  }
  // NAICS sector titles as printed in the Census extracts (ABS/CBP rows of us/employment.csv), for every sector
  // the employment data or the ISIC concordance uses; `00` is the all-sector total (observations carry null).
  const naicsNames = new Map<string, string>();
  for (const r of readRawCsv(join(rawDir, 'us', 'employment.csv'), FN)) {
    if (r.classification === 'NAICS2017' && r.industry_code !== '00' && !naicsNames.has(r.industry_code as string)) {
      naicsNames.set(r.industry_code as string, r.industry_name as string);
    }
  }
  const naicsCodes = new Set([...naicsNames.keys(), ...readRawCsv(join(folder, 'naics2017_isic4_sections.csv'), FN).map((r) => r.naics2017_sector as string)]);
  for (const code of naicsCodes) {
    rows.push({
      classification: ids.naics2017,
      code,
      nameZh: null,
      nameEn: naicsNames.get(code) ?? null,
      nameLocal: null,
      level: 'sector',
      parent: null,
    });
  }
  return rows.sort(compareBy((r) => [r.classification, r.code]));
}

function crosswalkRows(rawDir: string): Crosswalk[] {
  const folder = join(rawDir, 'classifications');
  const rows: Crosswalk[] = [];
  const kindOf = (relation: string): 'main' | 'partial' | null =>
    relation === 'main' || relation === 'single_section' ? 'main' : relation === 'major' || relation === 'partial' ? 'partial' : null;
  // The analyst concordances: one row per (from, to) pair with a qualitative relation, no weights.
  const concordances = [
    {
      file: 'gbt4754_2017_isic4_sections.csv',
      from: [ids.gbt4754, 'gb_section'],
      to: [ids.isic4, 'isic4_section'],
      source: s.gbtIsic,
    },
    {
      file: 'jsic13_isic4_sections.csv',
      from: [ids.jsic13, 'jsic_section'],
      to: [ids.isic4, 'isic4_section'],
      source: s.jsicIsic,
    },
    {
      file: 'naics2017_isic4_sections.csv',
      from: [ids.naics2017, 'naics2017_sector'],
      to: [ids.isic4, 'isic4_section'],
      source: s.naicsIsic,
    },
    {
      file: 'cn_io42_gbt4754_2017_sections.csv',
      from: [ids.cnIo42, 'io42_code'],
      to: [ids.gbt4754, 'gb_section'],
      source: s.io42Gbt,
    },
  ] as const;
  for (const { file, from, to, source } of concordances) {
    for (const r of readRawCsv(join(folder, file), FN)) {
      const kind = kindOf(r.relation as string);
      const toCode = r[to[1]] as string;
      // a relation "none" (JSIC T, unclassifiable) or an empty target is no crosswalk row
      if (kind === null || toCode === '') continue;
      rows.push({
        fromClassification: from[0],
        fromCode: r[from[1]] as string,
        toClassification: to[0],
        toCode,
        kind,
        // "single_section": the whole source code lies in one target section, so its share is 1 by the source's
        // own statement (only the IO42 → GB/T 4754 table says so).
        weight: r.relation === 'single_section' ? 1 : null,
        source,
      });
    }
  }
  // NBS 三次产业划分规定 (2018): the main sector of each section, and the divisions that go elsewhere.
  const gbSections = readRawCsv(join(folder, 'gbt4754_2017_sections.csv'), FN).map((r) => r.gb_section as string);
  const mainSector: Record<string, string> = { A: 'I', B: 'II', C: 'II', D: 'II', E: 'II' };
  const partialTertiary = new Set(['A', 'B', 'C']); // divisions 05, 11, 43 are tertiary
  for (const section of gbSections) {
    rows.push({
      fromClassification: ids.gbt4754,
      fromCode: section,
      toClassification: ids.threeSector,
      toCode: mainSector[section] ?? 'III',
      kind: 'main',
      weight: null,
      source: s.threeSector,
    });
    if (partialTertiary.has(section)) {
      rows.push({
        fromClassification: ids.gbt4754,
        fromCode: section,
        toClassification: ids.threeSector,
        toCode: 'III',
        kind: 'partial',
        weight: null,
        source: s.threeSector,
      });
    }
  }
  return rows.sort(compareBy((r) => [r.fromClassification, r.fromCode, r.toClassification, r.toCode]));
}

/**
 * Years in which every member of each unit set has at least one non-withheld observation of the set's indicator
 * by an industry of its classification.
 *
 * @param observationsDir - the dataset directory holding observations/<part>.csv.
 */
export function unitSetYears(datasetDir: string, unitSets: readonly UnitSetDefinition[]): { years: Map<string, number[]>; missingFiles: string[] } {
  const missingFiles = ['cn', 'jp', 'us'].map((part) => join('observations', `${part}.csv`)).filter((rel) => !existsSync(join(datasetDir, rel)));
  // (indicator|classification) → region → set of years
  const wanted = new Set(unitSets.map((u) => `${u.indicator}|${u.classification}`));
  const have = new Map<string, Map<string, Set<number>>>();
  for (const { row } of readDatasetTableDetailed(datasetDir, 'observations').rows) {
    if (row.industry === null || row.classification === null || row.value === null || row.withheld) continue;
    const key = `${row.indicator}|${row.classification}`;
    if (!wanted.has(key)) continue;
    let byRegion = have.get(key);
    if (byRegion === undefined) {
      byRegion = new Map();
      have.set(key, byRegion);
    }
    let years = byRegion.get(row.region);
    if (years === undefined) {
      years = new Set();
      byRegion.set(row.region, years);
    }
    years.add(row.year);
  }
  const result = new Map<string, number[]>();
  for (const u of unitSets) {
    const byRegion = have.get(`${u.indicator}|${u.classification}`);
    let common: number[] | undefined;
    for (const region of u.members) {
      const years: Set<number> = byRegion?.get(region) ?? new Set<number>();
      common = common === undefined ? [...years] : common.filter((y) => years.has(y));
    }
    result.set(
      `${u.metro}/${u.id}`,
      (common ?? []).sort((a, b) => a - b),
    );
  }
  return { years: result, missingFiles };
}

/** Result of {@link buildCommon}. */
export interface CommonBuildResult {
  counts: Record<string, number>;
  /** Non-fatal notes (e.g. observation files missing, so unit-set years are empty). */
  warnings: string[];
}

/**
 * Build the common part into `outDir/<table>/common.csv`.
 *
 * @param rawDir - the raw data folder (packages/data/raw); the knowledge base is read from
 *   `knowledgeFile(rawDir)` of raw-dir.ts (`<rawDir>/knowledge/knowledge.md`) unless `knowledgePath` is given.
 * @param outDir - the dataset directory (packages/data/dataset); its observations/<part>.csv are read for years.
 */
export async function buildCommon(rawDir: string, outDir: string, knowledgePath: string = knowledgeFile(rawDir)): Promise<CommonBuildResult> {
  const warnings: string[] = [];
  const knowledge = parseKnowledge(readFileSync(knowledgePath, 'utf8'));
  const sources = [...standardSources(), ...knowledge.sources].sort(compareBy((r) => [r.id]));
  const classifications = classificationRows().sort(compareBy((r) => [r.id]));
  const industries = industryRows(rawDir);
  const crosswalks = crosswalkRows(rawDir);
  const { metros, members, unitSets: definitions } = defineMetros(rawDir);
  const { years, missingFiles } = unitSetYears(outDir, definitions);
  for (const file of missingFiles) warnings.push(commonMessages.missingObservations('buildCommon', file).en);
  const unitSets: UnitSet[] = definitions.map(({ members: _members, ...u }) => ({
    ...u,
    years: years.get(`${u.metro}/${u.id}`) ?? [],
  }));
  const unitSetMembers = unitSetMemberRows(definitions);
  const knowledgeItems: KnowledgeItem[] = knowledge.items;

  const file = (table: string): string => join(outDir, table, 'common.csv');
  writeTableCsv(file('sources'), sourceSchema, sources);
  writeTableCsv(file('classifications'), classificationSchema, classifications);
  writeTableCsv(file('industries'), industrySchema, industries);
  writeTableCsv(file('crosswalks'), crosswalkSchema, crosswalks);
  writeTableCsv(file('metros'), metroSchema, metros.sort(compareBy((r) => [r.id])));
  writeTableCsv(file('metro_members'), metroMemberSchema, members.sort(compareBy((r) => [r.metro, r.region])));
  writeTableCsv(file('unit_sets'), unitSetSchema, unitSets.sort(compareBy((r) => [r.metro, r.id])));
  writeTableCsv(file('unit_set_members'), unitSetMemberSchema, unitSetMembers.sort(compareBy((r) => [r.metro, r.unitSet, r.region])));
  writeTableCsv(file('knowledge'), knowledgeItemSchema, knowledgeItems.sort(compareBy((r) => [r.id])));
  return {
    counts: {
      sources: sources.length,
      classifications: classifications.length,
      industries: industries.length,
      crosswalks: crosswalks.length,
      metros: metros.length,
      metro_members: members.length,
      unit_sets: unitSets.length,
      unit_set_members: unitSetMembers.length,
      knowledge: knowledgeItems.length,
    },
    warnings,
  };
}

if (isMain(import.meta.url)) await runBuilderScript(buildCommon);
