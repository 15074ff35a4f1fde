/**
 * The five metros of the default dataset, their members with rings (core / inner / outer) and their unit sets.
 *
 * Members are read from the raw region lists (packages/data/raw/{cn,jp,us}/regions.csv and
 * jp/employment_by_industry/municipalities.csv) and given the dataset's region ids. The ring rule of each metro
 * is written once here, in `ringRules`, and in the "Metros and analysis units" section of dataset/README.md:
 *
 * - jjj: core Beijing; inner = units that share a boundary with Beijing (Tianjin, Hebei province; the cities
 *   Baoding, Zhangjiakou, Chengde, Langfang — checked on the boundary file cn/geometry/jjj_yrd_cities.geojson);
 *   outer = the other Hebei cities.
 * - yrd: core Shanghai ("一核" of the 2016 YRD City Cluster Plan, knowledge base [S66][S67]); inner = the other 26
 *   cities of the 27-city central area of the 2019 Integration Outline (column `yrd_central` of cn/regions.csv,
 *   [S68][S69]) and the provinces bordering Shanghai (Jiangsu, Zhejiang); outer = the other 14 cities and Anhui.
 * - tokyo: core = Tokyo-to and its 23 wards (knowledge base Table 2: command centre, [S1]–[S3]); inner = Saitama,
 *   Chiba, Kanagawa (ring `core_1to3ken` of jp/regions.csv: the 1都3県) with their municipalities and Tokyo's Tama
 *   area (ring `tokyo_tama`; business core cities, [S4][S5]); outer = Ibaraki, Tochigi, Gunma, Yamanashi (ring
 *   `outer_shutoken`) with their municipalities, and the Tokyo islands (ring `tokyo_islands`, not contiguous).
 * - nyc: core = the five boroughs (ring `nyc_borough` of us/regions.csv); inner = the other 18 counties of MSA
 *   35620 (`ny_msa_other_county`); no outer ring (the MSA is the metro's edge).
 * - boswash: core = New York MSA and its counties (the corridor's core, knowledge base Table 4 [S33][S34]);
 *   inner = the MSA sharing a boundary with it (Philadelphia) and its counties; outer = Boston, Baltimore,
 *   Washington MSAs and their counties (checked on us/geometry/bos_was_corridor_msa_counties.geojson).
 */
import { join } from 'node:path';
import { InvalidInputError } from '@metrocoop/core';
import { classificationIds, type Metro, type MetroMember, type UnitSet, type UnitSetMember } from '../../src/model/schemas.ts';
import { commonMessages } from './common-messages.ts';
import { readRawCsv } from './shared.ts';

export type Ring = MetroMember['ring'];

/** A unit set before its years are computed from the observations. */
export interface UnitSetDefinition extends Omit<UnitSet, 'years'> {
  readonly members: readonly string[];
}

export interface MetroDefinitions {
  readonly metros: Metro[];
  readonly members: MetroMember[];
  readonly unitSets: UnitSetDefinition[];
}

/** Beijing's neighbours on the boundary file (shared boundary vertices; Tianjin and Hebei province by fact). */
const beijingNeighbours = new Set(['CN-120000', 'CN-130000', 'CN-130600', 'CN-130700', 'CN-130800', 'CN-131000']);
/** Provinces sharing a boundary with Shanghai. */
const shanghaiNeighbours = new Set(['CN-320000', 'CN-330000']);
/** Counties whose every sector cell is withheld in ABS 2017 (us/employment.csv): no usable row for a unit set. */
const allSectorsWithheld = new Set(['US-51157']);
/** The MSA sharing a boundary with the New York MSA within the corridor. */
const newYorkNeighbourMsas = new Set(['37980']);

/**
 * Build the five metros, their members with rings and their unit sets from the raw region lists.
 *
 * @param rawDir - the raw-data folder, packages/data/raw (or a folder with the same layout).
 */
export function defineMetros(rawDir: string): MetroDefinitions {
  const fn = 'defineMetros';
  const cn = readRawCsv(join(rawDir, 'cn', 'regions.csv'), fn);
  const jp = readRawCsv(join(rawDir, 'jp', 'regions.csv'), fn);
  const jpMunicipalities = readRawCsv(join(rawDir, 'jp', 'employment_by_industry', 'municipalities.csv'), fn);
  const us = readRawCsv(join(rawDir, 'us', 'regions.csv'), fn);

  const members: MetroMember[] = [];
  const add = (metro: string, region: string, ring: Ring): void => {
    members.push({ metro, region, ring });
  };

  // --- China -----------------------------------------------------------------------------------------------
  const jjjCities = cn.filter((r) => r.metro === 'JJJ').map((r) => `CN-${r.code}`);
  const yrdCities = cn.filter((r) => r.metro === 'YRD').map((r) => `CN-${r.code}`);
  const yrdCentral = new Set(cn.filter((r) => r.metro === 'YRD' && r.yrd_central === 'true').map((r) => `CN-${r.code}`));
  const jjjProvinces = ['CN-110000', 'CN-120000', 'CN-130000'];
  const yrdProvinces = ['CN-310000', 'CN-320000', 'CN-330000', 'CN-340000'];
  const jjjRing = (id: string): Ring => (id === 'CN-110000' ? 'core' : beijingNeighbours.has(id) ? 'inner' : 'outer');
  for (const id of new Set([...jjjProvinces, ...jjjCities])) add('jjj', id, jjjRing(id));
  for (const id of yrdProvinces) add('yrd', id, id === 'CN-310000' ? 'core' : shanghaiNeighbours.has(id) ? 'inner' : 'outer');
  for (const id of yrdCities) {
    if (id === 'CN-310000') continue; // already a member as a province-level unit
    add('yrd', id, yrdCentral.has(id) ? 'inner' : 'outer');
  }

  // --- Japan -----------------------------------------------------------------------------------------------
  const jpPrefectures = jp.filter((r) => r.parent_code === 'JP');
  const prefectureRing = new Map<string, Ring>();
  for (const p of jpPrefectures) {
    const ring: Ring = p.code === '13' ? 'core' : p.ring === 'core_1to3ken' ? 'inner' : 'outer';
    prefectureRing.set(p.code as string, ring);
    add('tokyo', `JP-${p.code}`, ring);
  }
  const tokyoAreaRing = new Map(jp.filter((r) => r.parent_code === '13').map((r) => [r.code as string, r.ring as string]));
  const jpMunicipalityIds: string[] = [];
  for (const m of jpMunicipalities) {
    const code = m.code as string;
    const pref = m.prefecture_code as string;
    let ring: Ring;
    if (pref === '13') {
      const area = tokyoAreaRing.get(code);
      ring = area === 'tokyo_23wards' ? 'core' : area === 'tokyo_tama' ? 'inner' : 'outer';
      if (area === undefined) throw new InvalidInputError(commonMessages.noRing('defineMetros', code, 'jp/regions.csv'));
    } else {
      const prefRing = prefectureRing.get(pref);
      if (prefRing === undefined) throw new InvalidInputError(commonMessages.noRing('defineMetros', code, `prefecture ${pref} of jp/regions.csv`));
      ring = prefRing === 'outer' ? 'outer' : 'inner';
    }
    jpMunicipalityIds.push(`JP-${code}`);
    add('tokyo', `JP-${code}`, ring);
  }

  // --- United States -----------------------------------------------------------------------------------------
  const usCounties = us.filter((r) => r.ring !== 'corridor_msa');
  const usMsas = us.filter((r) => r.ring === 'corridor_msa');
  const nyCounties = usCounties.filter((r) => r.parent_code === '35620');
  for (const c of nyCounties) add('nyc', `US-${c.code}`, c.ring === 'nyc_borough' ? 'core' : 'inner');
  const msaRing = (cbsa: string): Ring => (cbsa === '35620' ? 'core' : newYorkNeighbourMsas.has(cbsa) ? 'inner' : 'outer');
  for (const m of usMsas) add('boswash', `US-CBSA-${m.code}`, msaRing(m.code as string));
  for (const c of usCounties) add('boswash', `US-${c.code}`, msaRing(c.parent_code as string));

  // --- metros ------------------------------------------------------------------------------------------------
  const metros: Metro[] = [
    {
      id: 'jjj',
      nameZh: '京津冀',
      nameEn: 'Beijing–Tianjin–Hebei',
      country: 'CN',
      defaultUnitSet: 'provinces',
      noteEn:
        'Beijing, Tianjin and Hebei province with its 11 prefecture-level cities. Rings: core Beijing; inner = units sharing a boundary with Beijing; outer = the other Hebei cities.',
      noteZh: '北京、天津与河北省及其11个地级市。圈层：核心为北京；内圈为与北京接壤的单元；外圈为河北其余城市。',
    },
    {
      id: 'yrd',
      nameZh: '长三角',
      nameEn: 'Yangtze River Delta',
      country: 'CN',
      defaultUnitSet: 'provinces',
      noteEn:
        'Shanghai, Jiangsu, Zhejiang and Anhui (the 2019 Integration Outline area) with 41 cities. Rings: core Shanghai; inner = the other cities of the 27-city central area and the provinces bordering Shanghai; outer = the rest.',
      noteZh: '上海、江苏、浙江、安徽（2019年一体化纲要范围）共41个城市。圈层：核心为上海；内圈为27城中心区其余城市及与上海接壤的省；外圈为其余单元。',
    },
    {
      id: 'tokyo',
      nameZh: '首都圈（东京圈）',
      nameEn: 'Tokyo area (National Capital Region)',
      country: 'JP',
      defaultUnitSet: 'prefectures',
      noteEn:
        'The 8 prefectures of the National Capital Region (1 metropolis + 7 prefectures) and their 343 municipalities. Rings: core Tokyo-to and its 23 wards; inner Saitama, Chiba, Kanagawa and Tama; outer the other four prefectures and the Tokyo islands.',
      noteZh: '首都圈8个都县（1都7县）及其343个市区町村。圈层：核心为东京都及23区；内圈为埼玉、千叶、神奈川及多摩地区；外圈为其余4县及东京岛屿部。',
    },
    {
      id: 'nyc',
      nameZh: '纽约都市区',
      nameEn: 'New York metropolitan statistical area',
      country: 'US',
      defaultUnitSet: 'counties',
      noteEn:
        'The 23 counties of MSA 35620 (New York–Newark–Jersey City) in the OMB 2013/2015 delineation. Rings: core the five boroughs; inner the other counties. Dutchess and Orange (added in 2018) are not members.',
      noteZh: 'MSA 35620（纽约—纽瓦克—泽西城）按OMB 2013/2015划定的23个县。圈层：核心为纽约市五区；内圈为其余各县。2018年新增的达奇斯县与奥兰治县不在其中。',
    },
    {
      id: 'boswash',
      nameZh: '波士华城市带',
      nameEn: 'Boston–Washington corridor',
      country: 'US',
      defaultUnitSet: 'msas',
      noteEn:
        'Five MSAs of the corridor (Boston, New York, Philadelphia, Baltimore, Washington) and their 73 counties. Rings: core the New York MSA; inner the MSA bordering it (Philadelphia); outer Boston, Baltimore, Washington.',
      noteZh:
        '城市带中的5个大都市统计区（波士顿、纽约、费城、巴尔的摩、华盛顿）及其73个县。圈层：核心为纽约都市区；内圈为与之接壤的费城都市区；外圈为波士顿、巴尔的摩、华盛顿。',
    },
  ];

  // --- unit sets ----------------------------------------------------------------------------------------------
  const gbt = classificationIds.gbt4754;
  const three = classificationIds.threeSector;
  const jsic = classificationIds.jsic13;
  const naics = classificationIds.naics2017;
  const jjjCityUnits = jjjCities;
  const unitSets: UnitSetDefinition[] = [
    {
      metro: 'jjj',
      id: 'provinces',
      nameEn: 'Provinces by GB/T 4754 section (urban-unit employment)',
      nameZh: '省级单元 × 国民经济行业门类（城镇单位就业人员）',
      indicator: 'employment_urban_units',
      classification: gbt,
      noteEn:
        "Beijing, Tianjin, Hebei × 19 sections, 城镇单位就业人员 (non-private urban units, not total employment). The paper's own framing. 2008 comes from the 2009 yearbook in GB/T 4754-2002 sections mapped by name (a break in series); 2009–2011 are missing.",
      noteZh:
        '北京、天津、河北 × 19个门类，城镇单位就业人员（非私营单位，不是全部就业）。与论文的分析口径一致。2008年数据来自2009年年鉴，按GB/T 4754-2002门类名称对应（口径断点）；2009–2011年缺失。',
      members: jjjProvinces,
    },
    {
      metro: 'jjj',
      id: 'cities',
      nameEn: 'Cities by three sectors (value added)',
      nameZh: '城市 × 三次产业（增加值）',
      indicator: 'value_added',
      classification: three,
      noteEn:
        '13 cities × primary/secondary/tertiary value added (nominal). Sector value added of the 11 Hebei cities is missing in 2014–2018 (a gap in the source), so those years are not in the set.',
      noteZh: '13个城市 × 三次产业增加值（名义）。河北11市2014–2018年分产业增加值缺失（来源缺口），故这些年份不在单元集中。',
      members: jjjCityUnits,
    },
    {
      metro: 'yrd',
      id: 'provinces',
      nameEn: 'Provinces by GB/T 4754 section (urban-unit employment)',
      nameZh: '省级单元 × 国民经济行业门类（城镇单位就业人员）',
      indicator: 'employment_urban_units',
      classification: gbt,
      noteEn: 'Shanghai, Jiangsu, Zhejiang, Anhui × 19 sections, 城镇单位就业人员 (non-private urban units, not total employment).',
      noteZh: '上海、江苏、浙江、安徽 × 19个门类，城镇单位就业人员（非私营单位，不是全部就业）。',
      members: yrdProvinces,
    },
    {
      metro: 'yrd',
      id: 'cities',
      nameEn: 'Cities by three sectors (value added)',
      nameZh: '城市 × 三次产业（增加值）',
      indicator: 'value_added',
      classification: three,
      noteEn: '41 cities × primary/secondary/tertiary value added (nominal).',
      noteZh: '41个城市 × 三次产业增加值（名义）。',
      members: yrdCities,
    },
    {
      metro: 'yrd',
      id: 'central-cities',
      nameEn: 'Central-area cities by three sectors (value added)',
      nameZh: '中心区城市 × 三次产业（增加值）',
      indicator: 'value_added',
      classification: three,
      noteEn: 'The 27 cities of the central area named in the 2019 YRD Integration Outline × three sectors (nominal value added).',
      noteZh: '2019年长三角一体化纲要所列中心区27市 × 三次产业（名义增加值）。',
      members: yrdCities.filter((id) => yrdCentral.has(id)),
    },
    {
      metro: 'tokyo',
      id: 'prefectures',
      nameEn: 'Prefectures by economic activity (value added)',
      nameZh: '都县 × 经济活动（增加值）',
      indicator: 'value_added',
      classification: classificationIds.jsnaActivity,
      noteEn: '8 prefectures × 16 activities of the prefectural accounts (2015 base, nominal, fiscal years April–March).',
      noteZh: '8个都县 × 县民经济核算16项经济活动（2015年基准，名义，财政年度4月至次年3月）。',
      members: jpPrefectures.map((p) => `JP-${p.code}`),
    },
    {
      metro: 'tokyo',
      id: 'prefectures-employment',
      nameEn: 'Prefectures by JSIC division (persons engaged, private)',
      nameZh: '都县 × 日本标准产业分类大类（民营从业者数）',
      indicator: 'persons_engaged_private',
      classification: jsic,
      noteEn:
        'Economic Census, private establishments, place of work. The published prefecture tables carry the total and only 7 divisions (D E G I M N P); public administration (S) is out of scope.',
      noteZh: '经济普查，民营事业所，按工作地。已公布的都县表只有合计和7个大类（D E G I M N P）；公务（S）不在统计范围内。',
      members: jpPrefectures.map((p) => `JP-${p.code}`),
    },
    {
      metro: 'tokyo',
      id: 'municipalities',
      nameEn: 'Municipalities by JSIC division (persons engaged, private)',
      nameZh: '市区町村 × 日本标准产业分类大类（民营从业者数）',
      indicator: 'persons_engaged_private',
      classification: jsic,
      noteEn: 'All 343 municipalities of the 8 prefectures × JSIC divisions A–R, Economic Census (private establishments, place of work).',
      noteZh: '8个都县全部343个市区町村 × 日本标准产业分类A–R大类，经济普查（民营事业所，按工作地）。',
      members: jpMunicipalityIds,
    },
    {
      metro: 'nyc',
      id: 'counties',
      nameEn: 'Counties by NAICS sector (employees)',
      nameZh: '县 × NAICS部门（雇员）',
      indicator: 'employees',
      classification: naics,
      noteEn:
        '23 counties × NAICS 2017 sectors. All counties: ABS 2017 (employer firms, mid-March). The 10 New York State counties also have QCEW 2010/2017 (another concept): never mix programmes — pick one source.',
      noteZh: '23个县 × NAICS 2017部门。全部县：ABS 2017（雇主企业，3月中旬）。纽约州10个县另有QCEW 2010/2017（口径不同）：不要混用不同项目，请选定一个来源。',
      members: nyCounties.map((c) => `US-${c.code}`),
    },
    {
      metro: 'boswash',
      id: 'msas',
      nameEn: 'MSAs by NAICS sector (employees)',
      nameZh: '大都市统计区 × NAICS部门（雇员）',
      indicator: 'employees',
      classification: naics,
      noteEn:
        '5 MSAs × NAICS 2017 sectors, County Business Patterns 2019 (paid employees, mid-March). CBP 2019 may use the 2018 delineation of the NY MSA (with Dutchess and Orange).',
      noteZh: '5个大都市统计区 × NAICS 2017部门，2019年县商业模式（CBP，3月中旬受薪雇员）。CBP 2019的纽约都市区可能采用2018年划定（含达奇斯县与奥兰治县）。',
      members: usMsas.map((m) => `US-CBSA-${m.code}`),
    },
    {
      metro: 'boswash',
      id: 'counties',
      nameEn: 'Counties by NAICS sector (employees)',
      nameZh: '县 × NAICS部门（雇员）',
      indicator: 'employees',
      classification: naics,
      noteEn:
        '72 of the 73 counties of the 5 MSAs × NAICS 2017 sectors, Annual Business Survey 2017 (employer firms); withheld cells are marked, not filled. Rappahannock County, VA (51157) is left out: every one of its sector cells is withheld in ABS 2017 (only its total is published).',
      noteZh:
        '5个都市区73个县中的72个 × NAICS 2017部门，2017年年度商业调查（ABS，雇主企业）；保密单元格已标记，未填补。弗吉尼亚州拉帕汉诺克县（51157）未纳入：其在ABS 2017中所有部门数据均被保密（只公布合计）。',
      members: usCounties.map((c) => `US-${c.code}`).filter((id) => !allSectorsWithheld.has(id)),
    },
  ];
  return { metros, members, unitSets };
}

/** The members of unit sets as rows. */
export function unitSetMemberRows(unitSets: readonly UnitSetDefinition[]): UnitSetMember[] {
  return unitSets.flatMap((u) => u.members.map((region) => ({ metro: u.metro, unitSet: u.id, region })));
}
