/**
 * The source rows of China's part of the embedded dataset, transcribed from the SOURCES.md files of
 * packages/data/raw/cn (cities), cn/provinces, cn/census, cn/cities_by_section, firms and transport. Ids are the
 * `source_id`s of the raw files; CN_REGIONS_GBT2260 is the regions list itself.
 */
import type { Source } from '../../../src/model/schemas.ts';

const GH = 'https://github.com/';
const noLicence = 'none stated; only official statistical facts are reused';
const csmarLicence =
  'CSMAR is a commercial database with restrictive redistribution terms; the repository has no licence. Only published official figures (facts) are reused; for a clean chain of title re-key them from 中国城市统计年鉴.';

export const chinaSources: readonly Source[] = [
  {
    id: 'CN_REGIONS_GBT2260',
    citation: 'metrocoop raw data, cn/regions.csv: the 54 JJJ + YRD cities (GB/T 2260 codes as of 2019)',
    publisher: 'codes: GB/T 2260 (SAC); names, centre points and areas compiled from the sources named in notes',
    table: 'regions.csv',
    whereFound: 'packages/data/raw/cn/regions.csv',
    url: null,
    licence: null,
    notes:
      'Chinese names GB/T 2260 (2019); English names standard pinyin (Suzhou/Taizhou disambiguated by province). lon/lat: `cp` point of ECHARTS_4_1_0_MAPS (GCJ-02-like, offset 0.1–0.7 km from WGS-84). area_km2: 2019 land area of HHWK_POPDEN_AREA. The 27 YRD central-area cities follow the 2019 YRD integration plan (State Council).',
  },
  {
    id: 'CSMAR_CRE_GDPCT',
    citation: 'CSMAR China Regional Economy database, city GDP table CRE_Gdpct (figures of 中国城市统计年鉴 and provincial yearbooks, whole city 全市)',
    publisher: 'municipal and provincial statistical bureaus; compiled by CSMAR (国泰安)',
    table:
      'CRE_Gdpct: Gdpct01 GDP (亿元), Gdpct02–04 three-sector shares (%), GDP_PerCapita (元), GDPYoY (%), GDP_PrimInd/SecInd/TerInd (万元, stored as 亿元)',
    whereFound: 'GitHub eileenCHEN-9/PhD_2022_2025, data/raw_data/statistics/CRE_Gdpct.csv and its [DES] file, commit f20bcc5e60189da7c99eb185c8b981f116b07af9',
    url: `${GH}eileenCHEN-9/PhD_2022_2025`,
    licence: csmarLicence,
    notes:
      '2019 values are first published (中国城市统计年鉴2020). Earlier years mix vintages: for Beijing and Shanghai 2010–2018 GDP equals the revised NBS series, Tianjin 2017–2018 the first-published one, Tianjin 2010–2016 neither. Hebei 2014–2018 sector value added missing; 2017 shares missing for Hebei and Zhejiang; per-capita GDP missing for Hebei 2010–2018 and Tianjin 2019; Hebei sector values rounded to 0.1 亿元. Per-capita GDP is per resident (常住) person. Baoding/Shijiazhuang coverage of 定州/辛集 uncertain (Baoding 2015 3300.56 vs 3000.34 elsewhere).',
  },
  {
    id: 'CSMAR_CRE_EPLWAGCT',
    citation: 'CSMAR China Regional Economy database, city population, employment and wage table CRE_Eplwagct (中国城市统计年鉴, whole city 全市)',
    publisher: 'municipal and provincial statistical bureaus; compiled by CSMAR (国泰安)',
    table:
      'CRE_Eplwagct: Eect01 registered population, Eect05 年末单位从业人员, Eect06 城镇私营和个体从业人员, Eect08–10 employment shares by three sectors, Eect11 在岗职工平均人数, Eect12 wage bill, Eect13 average wage',
    whereFound:
      'GitHub eileenCHEN-9/PhD_2022_2025, data/raw_data/statistics/CRE_Eplwagct.csv and its [DES] file, commit f20bcc5e60189da7c99eb185c8b981f116b07af9',
    url: `${GH}eileenCHEN-9/PhD_2022_2025`,
    licence: csmarLicence,
    notes:
      'Units of Eect05/06/11/12/13 are not in the [DES] file and were inferred by the compiler from magnitudes (万人, 万人, 万人, 万元, 元; checked: Beijing 2019 average wage 173,205 元, wage bill 1,262.7 亿). 单位从业人员 covers non-private urban units only, not total employment.',
  },
  {
    id: 'CENSUS_LEIII_2010ADJ',
    citation: '6th national population census 2010, resident population (常住人口), adjusted to 2020 boundaries; Lei Dong et al., China Census dataset',
    publisher: 'NBS / local census communiqués; compiled by Lei Dong et al.',
    table: 'census_city_2010-2020_v1.csv, column popu_2010',
    whereFound: 'GitHub leiii/census, data/census/census_city_2010-2020_v1.csv, commit 0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087',
    url: `${GH}leiii/census`,
    licence: 'MIT (repository LICENSE)',
    notes:
      'Adjusted by the compilers to 2020 boundaries, not the raw 2010 census figures (Hefei 2010 includes part of former Chaohu). Persons converted to 万人 by the raw-data compiler; codes 110100/120100/310100 mapped to 110000/120000/310000.',
  },
  {
    id: 'CENSUS_LEIII_2020',
    citation: '7th national population census 2020, resident population (常住人口); Lei Dong et al., China Census dataset',
    publisher: 'NBS / local census communiqués; compiled by Lei Dong et al.',
    table: 'census_city_2010-2020_v1.csv, column popu_2020',
    whereFound: 'GitHub leiii/census, data/census/census_city_2010-2020_v1.csv, commit 0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087',
    url: `${GH}leiii/census`,
    licence: 'MIT (repository LICENSE)',
    notes: 'Spot checks (from memory of the compiler): Beijing 21,893,095, Shanghai 24,870,895, Tianjin 13,866,009 persons.',
  },
  {
    id: 'HHWK_POPDEN_AREA',
    citation: '行政区域土地面积 (administrative land area) as published in 中国城市统计年鉴; commercial compilation "298个地级市人口密度1998-2024年"',
    publisher: '中国城市统计年鉴 (NBS); compiled by 行行文库 (Taobao shop)',
    table: '298个地级市人口密度1998-2024年无缺失.xlsx, column 行政区域土地面积(平方公里)',
    whereFound: 'GitHub biechouwo-coder/G-P, 原始数据/298个地级市人口密度1998-2024年无缺失.xlsx, commit 620eba99be66f22289ff05d79b893793c84d1421',
    url: `${GH}biechouwo-coder/G-P`,
    licence: noLicence,
    notes: "The same file's 常住人口 column is not used (mixes registered and other population; interpolated companion column).",
  },
  {
    id: 'ECHARTS_4_1_0_MAPS',
    citation: 'Apache ECharts 4.1.0 map data: map/json/province/{hebei,jiangsu,zhejiang,anhui}.json and map/json/china.json (北京, 天津, 上海)',
    publisher: 'Apache ECharts (npm package echarts 4.1.0)',
    table: 'prefecture-level boundary features',
    whereFound: 'npm package echarts@4.1.0; decoded from the UTF8Encoding (scale 1024) to lon/lat',
    url: 'https://www.npmjs.com/package/echarts/v/4.1.0',
    licence: 'Apache-2.0 (package LICENSE/NOTICE); the map data carry no separate licence or provenance statement',
    notes:
      'Schematic geometry, not an officially reviewed map (no 审图号); boundary vintage about 2013–2017; coordinates GCJ-02-like (0.1–0.7 km from WGS-84), precision about 0.001°; 14 degenerate ring specks dropped; rounded here to 5 decimals. Polygon area within 2% of land area for 43/54 cities (Shanghai +22%, Shijiazhuang −11%).',
  },
  {
    id: 'NBS_IO_2017_42_VIA_IONET',
    citation: 'NBS, 2017 input–output table of China, 42 sectors, producers\u2019 prices, 万元',
    publisher: 'National Bureau of Statistics of China (国家统计局)',
    table: '2017年全国投入产出表 (42部门)',
    whereFound: 'R package ionet (GitHub Carol-seven/ionet), data/china_2017_42.rda, commit 51145dcab476e75783af41a688488db1a4abeb56',
    url: `${GH}Carol-seven/ionet`,
    licence: 'package GPL (>= 3); only the NBS figures are reused',
    notes:
      'NBS publishes competitive-import form; the domestic/imported split of intermediate rows is the package\u2019s own (method undocumented, probably proportional). Domestic + imported = total intermediate use of the NBS table. Total value added 823,215.7 亿元, total output 2,257,733.5 亿元.',
  },
  {
    id: 'NBS_IO_2018_42_VIA_IONET',
    citation: 'NBS, 2018 extended input–output table of China, 42 sectors, producers\u2019 prices, 万元',
    publisher: 'National Bureau of Statistics of China (国家统计局)',
    table: '2018年全国投入产出延长表 (42部门)',
    whereFound: 'R package ionet (GitHub Carol-seven/ionet), data/china_2018_42.rda, commit 51145dcab476e75783af41a688488db1a4abeb56',
    url: `${GH}Carol-seven/ionet`,
    licence: 'package GPL (>= 3); only the NBS figures are reused',
    notes: 'As the 2017 table: domestic/imported split is the package\u2019s own. Total value added 922,057.2 亿元, total output 2,495,498.3 亿元.',
  },
  {
    id: 'IONET_WANG2021_NATIONAL_EMP',
    citation:
      'Wang, Y., Jia, X. and Wang, C. (2021), "Research on Sectoral Employment Accounting of China", 统计研究 38(12), 3–18: national total employment by GB/T 4754-2017 section',
    publisher: 'Wang, Jia and Wang (research estimate; not an official NBS table)',
    table: 'china_employment (ionet)',
    whereFound: 'R package ionet (GitHub Carol-seven/ionet), data/china_employment.rda, commit 51145dcab476e75783af41a688488db1a4abeb56',
    url: `${GH}Carol-seven/ionet`,
    licence: 'package GPL-3; figures reused as facts',
    notes: 'Total employment incl. agriculture and informal work (not 城镇单位从业人员). Sections sum to the total within 3 万人. 2010, 2015, 2018 only.',
  },
  // ---- provinces
  {
    id: 'NBS_EN_PROV_2019',
    citation: 'NBS National Data, Annual by Province (English interface), downloaded about early 2019',
    publisher: 'National Bureau of Statistics of China (国家统计局)',
    table:
      'Resident Population (year-end) (10000 persons); Gross Regional Product (100 million yuan); Local Governments General Budgetary Revenue (100 million yuan)',
    whereFound:
      'GitHub lpstntw/ChinaLocalDebt, data/Population by province.csv, data/public finance/GDP by province 1999-2017.csv, data/public finance/2017/<Province> 2017.csv, commit b560209c6d2460083a4db20414588c25d1617c3e',
    url: `${GH}lpstntw/ChinaLocalDebt`,
    licence: noLicence,
    notes:
      'Population rounded to whole 万人 (Beijing 2017 2171 vs 2170.7 in the yearbook). GDP is the pre-2018-census vintage (not back-revised in that release).',
  },
  {
    id: 'FISCAL_FINAL_ACCOUNTS_CLD',
    citation: 'Provincial general public budget final accounts 2014–2016, row 本年收入合计 (local general public budget revenue)',
    publisher: 'provincial finance departments (layout of 中国财政年鉴 / final-account tables); transcribed by the repository author',
    table: '<Province> 2014 - 2016.xlsx',
    whereFound: 'GitHub lpstntw/ChinaLocalDebt, data/public finance/<Province> 2014 - 2016.xlsx, commit b560209c6d2460083a4db20414588c25d1617c3e',
    url: `${GH}lpstntw/ChinaLocalDebt`,
    licence: noLicence,
    notes: 'Publication not verifiable (source .xls encrypted). 2016 values equal REV_PYLEARN_JSON for Beijing, Tianjin, Shanghai.',
  },
  {
    id: 'NBS_FSND_GDP_CUDAV',
    citation: 'NBS provincial GDP and three-sector structure, as first published (国家数据 分省年度数据, cn=E0103)',
    publisher: 'National Bureau of Statistics of China (国家统计局)',
    table: 'gdpDataByYear.json: map = GDP 亿元, pie = three-sector shares %',
    whereFound: 'GitHub cudavailable/Data_Visualization, public/assets/gdpDataByYear.json, commit e7abc663f118f5dddf632d916bd9d98173b778ca',
    url: `${GH}cudavailable/Data_Visualization`,
    licence: noLicence,
    notes:
      'Every year as first published (yearbook of year t+1); 2018 is pre-census (Tianjin 18809.64). 2010–2017 equal NBS_EN_PROV_2019 (Zhejiang 2013 differs by 0.01). Agrees with the stored communiqué pages.',
  },
  {
    id: 'NBS_REVISED_CUDAV',
    citation: 'NBS provincial GDP and year-end resident population, latest revised vintage (after the 4th economic census and the 7th population census)',
    publisher: 'National Bureau of Statistics of China (国家统计局)',
    table: 'chart.json: [GDP 亿元, growth %, year-end resident population 万人, name, index]',
    whereFound: 'GitHub cudavailable/Data_Visualization, public/data/chart.json, commit e7abc663f118f5dddf632d916bd9d98173b778ca',
    url: `${GH}cudavailable/Data_Visualization`,
    licence: noLicence,
    notes:
      'GDP back-revised after the 4th economic census (Tianjin 2018 13362.9); 2019 final-verified, 2020 revised. Population back-revised after the 2020 census, whole 万人; 2020 equals the census. Exact NBS release date not stated.',
  },
  {
    id: 'REV_PYLEARN_JSON',
    citation: 'General public budget revenue of Beijing, Tianjin and Shanghai 2016–2020 (final-account figures)',
    publisher: 'not named (teaching exercise); figures are the final-account (决算/yearbook) values',
    table: 'income.json',
    whereFound: 'GitHub dylenyedc/pythonlearning, incomejson/income.json, commit a25ec3264b577f9bc3775e2009ca1a5edd8e40d6',
    url: `${GH}dylenyedc/pythonlearning`,
    licence: noLicence,
    notes: 'Cross-checked: 2016 = FISCAL_FINAL_ACCOUNTS_CLD, 2017 = NBS_EN_PROV_2019; Beijing 2019 5817.10 matches the communiqué.',
  },
  {
    id: 'PG_BJ_COMMUNIQUE_ABAGENT',
    citation: 'Beijing statistical communiqués 2019 and 2020 (copy of the text on an encyclopedia-style page)',
    publisher: 'Beijing Municipal Bureau of Statistics (secondary copy)',
    table: '北京市国民经济和社会发展统计公报 2019, 2020',
    whereFound: 'stored web page https://www.abagent.com/h-col-204.html',
    url: 'https://www.abagent.com/h-col-204.html',
    licence: noLicence,
    notes: 'Secondary copy. Per-capita GDP printed as "16.4万元" and stored as 164000 (rounded as published).',
  },
  {
    id: 'PG_SH_STATS_2020_GOV',
    citation: 'Shanghai Statistics Bureau, 2020 GDP release (2021-01-24), with 2019 GDP after final verification',
    publisher: 'Shanghai Municipal Bureau of Statistics',
    table: null,
    whereFound: 'stored web page http://www.shanghai.gov.cn/nw48786/20210225/2c80db2749da4255aed886e2c1611645.html',
    url: 'http://www.shanghai.gov.cn/nw48786/20210225/2c80db2749da4255aed886e2c1611645.html',
    licence: noLicence,
    notes: '2020 GDP and sector value added; 2019 GDP after final verification 37987.55.',
  },
  {
    id: 'PG_SH_COMMUNIQUE_2018',
    citation: 'Shanghai 2018 statistical communiqué (news copy)',
    publisher: 'Shanghai Municipal Bureau of Statistics (secondary copy)',
    table: '上海市2018年国民经济和社会发展统计公报',
    whereFound: 'stored web page https://news.shi-fen.com/china/201903/50-216715.html',
    url: 'https://news.shi-fen.com/china/201903/50-216715.html',
    licence: noLicence,
    notes: 'Secondary copy. Per-capita GDP printed as "13.50万元", stored as 135000.',
  },
  {
    id: 'PG_AH_COMMUNIQUE_2019',
    citation: 'Anhui 2019 statistical communiqué (copy of the text)',
    publisher: 'Anhui Provincial Bureau of Statistics (secondary copy)',
    table: '安徽省2019年国民经济和社会发展统计公报',
    whereFound: 'stored web page http://m.sh-regulator.com/city/GDP/39161.html',
    url: 'http://m.sh-regulator.com/city/GDP/39161.html',
    licence: noLicence,
    notes: 'Secondary copy.',
  },
  {
    id: 'PG_ZJ_2019_ASKCI',
    citation: '中商情报网 item citing 浙江统计年鉴: Zhejiang 2019 GDP and per-capita GDP',
    publisher: 'Zhejiang Provincial Bureau of Statistics (secondary copy via 中商情报网)',
    table: null,
    whereFound: 'stored web page https://dinovaliano.com/news/data/hongguan/20201219/1559531317319.shtml',
    url: 'https://dinovaliano.com/news/data/hongguan/20201219/1559531317319.shtml',
    licence: noLicence,
    notes: 'Secondary copy.',
  },
  {
    id: 'PG_HB_ECONOMY_WIKI',
    citation: 'Wikipedia (zh), 河北省经济 (mirror): Hebei 2020 GDP and sector value added, first published',
    publisher: 'Wikipedia contributors (citing Hebei statistics)',
    table: null,
    whereFound: 'stored web page https://wiwikim.kfd.me/zh-tw/河北省经济',
    url: 'https://wiwikim.kfd.me/zh-tw/河北省经济',
    licence: 'CC BY-SA',
    notes: 'Secondary (encyclopedia mirror).',
  },
  {
    id: 'PG_HB_GRP_WIKI',
    citation: 'Wikipedia (zh), 河北省地区生产总值 (mirror): Hebei per-capita GDP 2010–2020, revised vintage (table cites the NBS database)',
    publisher: 'Wikipedia contributors (citing NBS)',
    table: null,
    whereFound: 'stored web page https://wiwiki.kfd.me/zh-tw/河北省地区生产总值',
    url: 'https://wiwiki.kfd.me/zh-tw/河北省地区生产总值',
    licence: 'CC BY-SA',
    notes: 'Revised vintage (2019 = 47036, not the first-published figure). Its GDP column equals NBS_REVISED_CUDAV.',
  },
  {
    id: 'PG_POP2019_THEPAPER',
    citation: '澎湃新闻 report quoting the 2019 communiqués: year-end 2019 resident population of Beijing, Tianjin, Shanghai',
    publisher: 'municipal statistics bureaus (secondary copy via 澎湃新闻)',
    table: null,
    whereFound: 'stored web page https://www.yybnet.net/news/china/202003/10284935.html',
    url: 'https://www.yybnet.net/news/china/202003/10284935.html',
    licence: noLicence,
    notes: 'Secondary copy.',
  },
  {
    id: 'PG_HB_POP2019_RENKOU',
    citation: 'Hebei year-end 2019 resident population (renkou.org.cn)',
    publisher: 'Hebei Provincial Bureau of Statistics (secondary copy)',
    table: null,
    whereFound: 'stored web page https://renkou.org.cn/china/hebei/2020/177025.html',
    url: 'https://renkou.org.cn/china/hebei/2020/177025.html',
    licence: noLicence,
    notes: 'The page gives "+35.67 vs 2018" without the 2018 level, so no 2018 row.',
  },
  {
    id: 'PG_REV2020_PDSEN',
    citation: 'Third-party list of 2020 provincial general public budget revenue (early budget-execution figures)',
    publisher: 'not named (third-party list)',
    table: null,
    whereFound: 'stored web page http://pdsen.cn/uxmh/7929d3de471361454.html',
    url: 'http://pdsen.cn/uxmh/7929d3de471361454.html',
    licence: noLicence,
    notes: 'Weak: budget-execution figures with mixed rounding; differ slightly from final accounts (Beijing 5481.46 vs 5483.89).',
  },
  {
    id: 'PG_BJ_AREA',
    citation: 'Web page: "截止2020年，北京总面积16410.54平方千米"',
    publisher: 'not named (web page)',
    table: null,
    whereFound: 'stored web page http://dkcmrd.com/post/80380.html',
    url: 'http://dkcmrd.com/post/80380.html',
    licence: noLicence,
    notes: 'Single page value, year 2020.',
  },
  {
    id: 'PG_SH_AREA_OWEIDATA',
    citation: 'oweidata page: "截至2019年…总面积6340.5平方千米" (Shanghai)',
    publisher: 'oweidata (web page)',
    table: null,
    whereFound: 'stored web page https://www.oweidata.com/projectDetail/provinces/310000/provinces_gdp/gpd_count',
    url: 'https://www.oweidata.com/projectDetail/provinces/310000/provinces_gdp/gpd_count',
    licence: noLicence,
    notes: 'Single page value, year 2019.',
  },
  {
    id: 'PG_HB_AREA',
    citation: 'Web page: Hebei "总面积18.88万平方千米" (next to end-2019 figures)',
    publisher: 'not named (web page)',
    table: null,
    whereFound: 'stored web page http://m.tianqiyubao2.com/news/view-493620',
    url: 'http://m.tianqiyubao2.com/news/view-493620',
    licence: noLicence,
    notes: 'Given only to 0.01万 km² (188,800 km²); older official introductions give 187,693 km².',
  },
  // ---- census (province employment by section)
  {
    id: 'NBS_PROV_URBAN_UNIT_EMP',
    citation:
      'NBS, annual by province, 按行业分城镇单位就业人员 (China Statistical Yearbook, urban non-private unit employment by region and sector), 2012–2020',
    publisher: 'National Bureau of Statistics of China (国家统计局)',
    table: '城镇单位就业人员 and <section>城镇单位就业人员, 万人, year-end',
    whereFound:
      'GitHub gdit-ai/ershou_mall12, work_data.csv (scrape of the NBS portal), commit 402865fa014fbdb01c3676aa148889cba7df16ca, blob bef73e44baa682de90eeb6bf7aaa41d6fae878e4',
    url: `${GH}gdit-ai/ershou_mall12`,
    licence: noLicence,
    notes:
      'Urban non-private units only. Sections sum to TOTAL within ±0.2 万人. Break 2012→2013 (Jiangsu 830.9 → 1503.3, national 15,236 → 18,108; cause undocumented). Level shifts as published: Hebei 2016→2017, Shanghai 2018→2019, Jiangsu 2018→2019. Portal version as scraped (≤ 2024-05). Totals of Tianjin 2014 and Shanghai 2013–2015 differ from the city yearbook (CSMAR_CRE_EPLWAGCT).',
  },
  {
    id: 'NBS_PROV_PRIV_SELFEMP',
    citation: 'NBS, annual by province, 私营企业和个体就业人员 (urban + rural) and 城镇私营企业和个体就业人员 (urban), by the 7 published sections, 2012–2019',
    publisher: 'National Bureau of Statistics of China (国家统计局)',
    table: '<section>私营企业和个体就业人员, <section>城镇私营企业和个体就业人员, 万人, year-end',
    whereFound: 'GitHub gdit-ai/ershou_mall12, work_data.csv, commit 402865fa014fbdb01c3676aa148889cba7df16ca',
    url: `${GH}gdit-ai/ershou_mall12`,
    licence: noLicence,
    notes:
      'Only sections C, E, F, G, H, L, O are published; they do not add up to the total by construction. Separate statistical system from urban-unit employment. Jiangsu G 2012→2013 break (146.3 → 51.1) as published.',
  },
  {
    id: 'NBS_CSY2009_T4_7',
    citation: 'NBS, China Statistical Yearbook 2009, table 4-7 "Number of Employed Persons in Urban Units at Year-end by Sector and Region" (2008)',
    publisher: 'National Bureau of Statistics of China (国家统计局)',
    table: '4-7',
    whereFound: 'stored copy of https://www.stats.gov.cn/sj/ndsj/2009/html/E0407e.htm (cut after Shanxi: Beijing, Tianjin, Hebei only)',
    url: 'https://www.stats.gov.cn/sj/ndsj/2009/html/E0407e.htm',
    licence: noLicence,
    notes:
      'GB/T 4754-2002 sections mapped by name to the 2011/2017 letters (2002-F→G, G→I, H→F, I→H); contents not identical (2002-M includes 地质勘查; 2002-Q includes 社会保障/福利).',
  },
  // ---- cities_by_section (sparse cross-check tables)
  ...(
    [
      [
        'JINHUA_TJJ_2006_T2_19',
        '金华市统计局, table 2—19 从业人员年平均人数 (2006年), unit 人 (金华统计年鉴 2007 presumably)',
        'http://tjj.jinhua.gov.cn/picture/old/W020170830587817890649.htm',
        'Columns 金华市 (whole city) and 市区 taken; 市区 mining blank (no row). Sections sum exactly to the totals (462,374; 109,517). GB/T 4754-2002 mapped by name.',
      ],
      [
        'JINHUA_TJJ_2006_T2_10',
        '金华市统计局, table 2—10 全市职工年末人数 (2006年), unit 人, column 合计',
        'http://tjj.jinhua.gov.cn/picture/old/W020170830587813756266.htm',
        'Sections sum exactly to 462,320. GB/T 4754-2002 mapped by name.',
      ],
      [
        'JINHUA_TJJ_2004_T2_12',
        '金华市统计局, table 2-12 全市职工年平均人数 (2004年), unit 人, column 合计',
        'http://tjj.jinhua.gov.cn/picture/old/W020170830587119085314.htm',
        'Sections sum exactly to 315,151. GB/T 4754-2002 mapped by name.',
      ],
      [
        'JINHUA_WEB3552_2003_T2_10',
        'Zhejiang government platform site web3552, table 2-10 市区职工年末人数 (2003年), unit 人 — city not named on the page, attributed to 金华市',
        'http://zjjcmspublic.oss-cn-hangzhou-zwynet-d01-a.internet.cloud.zj.gov.cn/jcms_files/jcms1/web3552/site/picture/old/W020170830586893179980.htm',
        'City attribution inferred (high confidence): same upload batch as the named Jinhua tables, near-identical public-sector sections, 2019 total within 0.5% of the CCSY figure. Sum = 74,322. GB/T 4754-2002 mapped by name.',
      ],
      [
        'JINHUA_WEB3552_2008_T2_11',
        'Zhejiang government platform site web3552, table 2-11 全市在岗职工年末人数 (2008年), unit 人 — city not named, attributed to 金华市',
        'http://zjjcmspublic.oss-cn-hangzhou-zwynet-d01-a.internet.cloud.zj.gov.cn/jcms_files/jcms1/web3552/site/picture/old/W020170830588290392953.htm',
        'City attribution inferred (high confidence). Sum = 393,020. GB/T 4754-2002 mapped by name.',
      ],
      [
        'JINHUA_WEB3552_2019_T2_11',
        'Zhejiang government platform site web3552, 2020 yearbook table 2-11 市区年末单位就业人员 (2019年), unit 人 — city not named, attributed to 金华市',
        'http://zjjcmspublic.oss-cn-hangzhou-zwynet-d01-a.internet.cloud.zj.gov.cn/jcms_files/jcms1/web3552/site/tjnj/nj2020/2020nj2-11.htm',
        'City attribution inferred (high confidence). Mining blank (no row). Sum = 193,303. GB/T 4754-2017.',
      ],
      [
        'JINHUA_WEB3552_2019_T2_12',
        'Zhejiang government platform site web3552, 2020 yearbook table 2-12 全市单位就业平均人数 (2019年), unit 人 — city not named, attributed to 金华市',
        'http://zjjcmspublic.oss-cn-hangzhou-zwynet-d01-a.internet.cloud.zj.gov.cn/jcms_files/jcms1/web3552/site/tjnj/nj2020/2020nj2-12.htm',
        'City attribution inferred (high confidence). Annual average, not year-end. Sum = 691,706. GB/T 4754-2017.',
      ],
      [
        'NINGBO_YB2009_T2_14',
        '宁波统计年鉴2009, 表2-14 部分年份按国民经济行业分组的从业人员数 (2006–2008), unit 万人',
        'https://zjjcmspublic.oss-cn-hangzhou-zwynet-d01-a.internet.cloud.zj.gov.cn/jcms_files/jcms1/web3426/site/nbtjj/tjnj1/2009nbnj/html/0214.htm',
        'Total employment (全社会从业人员), not unit employment. 国际组织 row blank. Sections sum exactly to the totals. GB/T 4754-2002 mapped by name.',
      ],
      [
        'TIANJIN_YB2011_T4_3',
        '天津统计年鉴2011, table 4-3 按国民经济行业分各类从业人员 (2010年), unit 万人, columns 社会从业人员 and 城镇单位从业人员',
        'https://stats.tj.gov.cn/nianjian/2011nj/html/0403.htm',
        'Incomplete: stored copy stops after section M (N–S missing). TOTAL 205.65 equals CSMAR employees_urban_units for Tianjin 2010. GB/T 4754-2002 mapped by name.',
      ],
      [
        'HEBEI_EY2010_T2_4',
        'Hebei Provincial Bureau of Statistics yearbook table 分行业就业人员 (2009年底), unit 万人, columns 单位 and 就业人员',
        'http://tjj.hebei.gov.cn/extra/col20/2010/0204.htm',
        'Province level. Incomplete: stops after section N (O–S missing). GB/T 4754-2002 mapped by name.',
      ],
      [
        'HEBEI_EY2011_T2_4',
        'Hebei Provincial Bureau of Statistics yearbook table 分行业就业人员 (2010年底), unit 万人, columns 单位 and 就业人员',
        'http://tjj.hebei.gov.cn/extra/col20/2011/0204.htm',
        'Province level. Incomplete: stops after section N (O–S missing). 单位 total 519.58 equals the sum of the 11 Hebei cities in CSMAR_CRE_EPLWAGCT 2010. GB/T 4754-2002 mapped by name.',
      ],
    ] as const
  ).map(
    ([id, citation, url, notes]): Source => ({
      id,
      citation,
      publisher: id.startsWith('JINHUA')
        ? '金华市统计局 (Jinhua Statistics Bureau)'
        : id.startsWith('NINGBO')
          ? '宁波市统计局 (Ningbo Statistics Bureau)'
          : id.startsWith('TIANJIN')
            ? '天津市统计局 (Tianjin Statistics Bureau)'
            : '河北省统计局 (Hebei Provincial Bureau of Statistics)',
      table: citation.split(', ').slice(1).join(', ') || null,
      whereFound: `stored (archived) copy of ${url}`,
      url,
      licence: 'none stated on the page; only statistical facts are reused (re-key from the printed yearbook for a clean chain of title)',
      notes,
    }),
  ),
  // ---- listed firms (raw/firms; the firms part, firms.ts)
  {
    id: 'CSMAR_LCI_2011_2023',
    citation: 'CSMAR listed-company annual basic information (上市公司基本信息年度表, STK_LISTEDCOINFOANL), extract with the registered city, 2011–2023',
    publisher: 'the listed companies and the exchanges; compiled by CSMAR (国泰安)',
    table: 'STK_LISTEDCOINFOANL: Symbol, ShortName, EndDate, IndustryCode, PROVINCE, CITY',
    whereFound:
      'GitHub pei-hang/DataVisualization, data/raw/STK_LISTEDCOINFOANL.xlsx, commit 1fd9675e1f160c677f2ec77b5dd3c3b4df60ca09; turned into firm_city_year_cn.csv and firm_industry.csv by the project (CITY mapped to its prefecture with the NBS 2023 division codes)',
    url: `${GH}pei-hang/DataVisualization`,
    licence:
      'CSMAR is a commercial database with restrictive redistribution terms; the repository has no licence. Only facts are reused (code, city, industry code); for a clean chain of title take each seat from the firm’s annual report (注册地址).',
    notes:
      'A research sample, not every listed firm: about 450 firms a year fewer than the full CSMAR table, and no financial (J) firm in 2022; the filter is not stated. CITY is the registered seat (注册地), not necessarily the operating headquarters (中芯国际 is registered in the Cayman Islands). Industry codes: CSRC 2001 before 2012, CSRC 2012 divisions 2012–2022, CAPCO 2023 divisions in 2023. 42,192 firm-years of 5,068 firms.',
  },
  {
    id: 'CSMAR_LCI_2020_2022',
    citation: 'CSMAR listed-company annual basic information (STK_LISTEDCOINFOANL), extract 2020–2022 with the province only',
    publisher: 'the listed companies and the exchanges; compiled by CSMAR (国泰安)',
    table: 'STK_LISTEDCOINFOANL: Symbol, ShortName, IndustryCode, PROVINCE, LISTINGSTATE',
    whereFound: 'GitHub JoyJEZhang/JoyJEZhang, STK_LISTEDCOINFOANL.xlsx, commit c7710409e459cdf08443369b6d57c84e9786ce2c (firms.csv of raw/firms)',
    url: `${GH}JoyJEZhang/JoyJEZhang`,
    licence: 'as CSMAR_LCI_2011_2023: facts only',
    notes: 'Used here only for the short names of firms absent from the Shenzhen list and the 2011–2023 extract.',
  },
  {
    id: 'SZSE_ALIST_2025',
    citation: 'Shenzhen Stock Exchange A-share company list (深交所 A股列表), as of 2025-08-12',
    publisher: '深圳证券交易所 (Shenzhen Stock Exchange)',
    table: 'A股列表: A股代码, A股简称, 城市, 所属行业',
    whereFound: 'GitHub guojiex/stock-a-future, data/A股列表.xlsx, commit d91f7143a9ca54ae2999c8d60ac7fa22676c72fc (firms.csv of raw/firms)',
    url: `${GH}guojiex/stock-a-future`,
    licence: 'public information of the exchange; the repository has no licence; only facts are reused',
    notes: 'Used here only for the short names (A股简称) of the firms it lists: the name of 2025, not necessarily the one at the time of a move.',
  },
  // ---- transport
  {
    id: 'CN_RAIL_CNRAIL_BOARDS',
    citation: 'Station departure boards (车站时刻表) of 321 key stations, China Railway timetable as shown by cnrail.geogv.org, winter 2020/21',
    publisher: 'China Railway (12306) timetable data via cnrail.geogv.org (China Railway Online Map); crawled by thaddywu',
    table: 'cn_rail_direct_od.csv (derived by scripts/cn_rail_direct_times.py from cn_rail_station_boards_cnrail.csv)',
    whereFound: 'GitHub thaddywu/railwayCrawler, folder schedulers/ (GBK CSV), commit 93e15a0d93573d015cc17ac3a1c49da092d59d92 (data committed 2021-01-16)',
    url: `${GH}thaddywu/railwayCrawler`,
    licence: 'none (no licence file); only timetable facts are reused',
    notes:
      'Timetable date not stated; evidence puts it between 2020-12-30 and 2021-01-21. Only EMU (G/D/C/S) trains are timed; conventional trains only counted. In-vehicle time only. 32 of 54 cities have a station in the source. Third-party crawl of a third-party site, not an official release.',
  },
];
