/**
 * Every text of the dashboard's own (the views' titles, labels, buttons, states) in Chinese and English; the texts of
 * the analysis come bilingual from the API and the viz package. `tr(lang, key)` picks one; `pick` does the same for a
 * `{ en, zh }` from elsewhere.
 */
import type { Lang } from './views/types.ts';

export interface Text {
  readonly en: string;
  readonly zh: string;
}

const t = (en: string, zh: string): Text => ({ en, zh });

export const dictionary = {
  appName: t('metrocoop — industrial cooperation in metro areas', 'metrocoop 都市圈产业合作'),
  metro: t('Metro area', '都市圈'),
  userMetro: t('user-defined', '用户定义'),
  unitSet: t('Units', '分析单元'),
  defaultUnits: t('default', '默认'),
  language: t('Language', '语言'),
  views: t('Views', '视图'),
  loading: t('Loading…', '加载中…'),
  retry: t('Try again', '重试'),
  failed: t('Could not load', '无法加载'),
  loadingView: t('Loading the view…', '正在加载视图…'),
  viewFailed: t('This view could not be shown', '此视图无法显示'),
  reloadPage: t('Reload the page', '重新加载页面'),
  showNumbers: t('Show the numbers', '查看数据'),
  absent: t('Not drawn', '无法绘制'),
  source: t('Source', '来源'),
  year: t('Year', '年份'),
  unit: t('Unit', '单元'),
  ring: t('Ring', '圈层'),
  value: t('Value', '数值'),
  apiDocs: t('API', '接口文档'),
  skipToContent: t('Skip to the content', '跳到正文'),
  gap: t('no data', '无数据'),
  // overview
  overview: t('Overview', '概览'),
  indicator: t('Indicator', '指标'),
  keyFigures: t('Key figures', '关键数字'),
  units: t('units', '个单元'),
  industries: t('industries', '个行业'),
  population: t('Population', '人口'),
  gdp: t('GDP', '地区生产总值'),
  gdpPerCapita: t('GDP per capita', '人均地区生产总值'),
  area: t('Area', '面积'),
  tertiaryShare: t('Tertiary share', '第三产业占比'),
  krugman: t('Krugman specialisation', '克鲁格曼专业化指数'),
  functionalSpecialisation: t('Functional specialisation', '功能专业化指数'),
  rings: t('Core and rings', '核心与圈层'),
  homogenisationIndex: t('Homogenisation index', '同质化指数'),
  meanTradedSimilarity: t('Mean traded similarity', '贸易部门平均相似度'),
  headlineFindings: t('Headline findings', '主要发现'),
  data: t('Data', '数据'),
  notes: t('Notes', '说明'),
  gaps: t('Gaps', '数据缺口'),
  // structure
  structure: t('Structure', '产业结构'),
  industry: t('Industry', '行业'),
  locationQuotient: t('Location quotient', '区位熵'),
  lqTable: t('Location quotients (metro = 1)', '区位熵（都市圈 = 1）'),
  ioTable: t('input–output table', '投入产出表'),
  lqFrom: t('location quotients', '区位熵'),
  // homogenisation
  homogenisation: t('Homogenisation', '同质化'),
  similarityMeasure: t('Similarity', '相似度'),
  traded: t('traded industries', '贸易部门'),
  structural: t('all industries', '全部行业'),
  hotSpots: t('Traded hot spots', '贸易部门同构热点'),
  noHotSpots: t('No industry is a traded hot spot.', '没有同构热点行业。'),
  score: t('Score', '得分'),
  trend: t('Trend', '趋势'),
  trendTitle: t('Homogenisation over the years', '同质化的历年变化'),
  pair: t('Pair', '单元对'),
  same: t('same traded specialisations', '贸易部门专业化相同'),
  // linkage
  linkage: t('Linkage', '联系与互补'),
  transportPriorities: t('Transport priorities (from the plan)', '交通优先事项（来自规划）'),
  noPriorities: t('No pair is a transport priority.', '没有需要优先改善交通的单元对。'),
  rank: t('Rank', '排名'),
  status: t('Rail', '铁路'),
  km: t('km', '公里'),
  interaction: t('Expected interaction', '预期联系强度'),
  railMinutes: t('Rail minutes', '铁路分钟'),
  unknownRail: t('Unknown rail connections', '铁路联系未知'),
  // pairs
  pairs: t('Pair types', '合作类型'),
  type: t('Type', '类型'),
  functionalRatio: t('Functional ratio', '功能比'),
  chainRatio: t('Chain ratio', '产业链比'),
  specialisation: t('Specialisation', '专业化'),
  tradedSimilarity: t('Traded similarity', '贸易部门相似度'),
  drivers: t('Drivers', '驱动因素'),
  driversView: t('Drivers of', '驱动因素：'),
  driversMetro: t('the metro', '都市圈整体'),
  driversPairs: t('the most linked pairs', '联系最强的单元对'),
  vertical: t('vertical', '垂直分工'),
  horizontal: t('horizontal', '水平分工'),
  mixed: t('mixed', '混合'),
  competing: t('competing', '竞争'),
  undetermined: t('undetermined', '未定'),
  // compare
  compare: t('Compare', '比较'),
  compareWith: t('Compare with', '比较对象'),
  basis: t('Basis', '口径'),
  classification: t('Classification', '行业分类'),
  benchmarkNone: t('No benchmark in this analysis.', '此分析没有比较对象。'),
  yes: t('yes', '是'),
  no: t('no', '否'),
} as const satisfies Record<string, Text>;

export type MessageKey = keyof typeof dictionary;

/** One text of the dashboard in `lang`. */
export const tr = (lang: Lang, key: MessageKey): string => dictionary[key][lang];

/** One language of a bilingual text from the API or the viz package. */
export const pick = (lang: Lang, text: Text | null | undefined): string => (text == null ? '' : text[lang]);

/** The name of a unit (or metro, industry) in `lang`: `nameZh` may be missing, then the English one. */
export const nameOf = (lang: Lang, x: { readonly nameEn: string | null; readonly nameZh?: string | null; readonly code?: string }): string =>
  lang === 'zh' && x.nameZh != null && x.nameZh !== '' ? x.nameZh : (x.nameEn ?? x.code ?? x.nameZh ?? '');

/**
 * `x` with `min` to `max` fraction digits — rounded half away from zero on its shortest decimal form — grouped by
 * thousands: `1,234.5`, what `Intl.NumberFormat` writes for both en-GB and zh-CN. Written out here because the first
 * `Intl.NumberFormat` of a page costs about 50 ms in Chromium (ICU loads its locale data then), in the middle of the
 * overview's first render; numbers beyond 1e21 or below 1e-6 (exponent form) still go through Intl.
 */
export function decimal(x: number, min: number, max: number): string {
  const text = String(Math.abs(x));
  if (text.includes('e')) return new Intl.NumberFormat('en-GB', { minimumFractionDigits: min, maximumFractionDigits: max }).format(x);
  const [whole = '0', fraction = ''] = text.split('.');
  const kept = Math.min(fraction.length, max);
  let digits = whole + fraction.slice(0, kept);
  if (fraction.length > max && fraction.charCodeAt(max) >= 53 /* '5' */) {
    const d = digits.split('');
    let k = d.length - 1;
    for (; k >= 0 && d[k] === '9'; k--) d[k] = '0';
    if (k >= 0) d[k] = String(Number(d[k]) + 1);
    digits = (k < 0 ? '1' : '') + d.join('');
  }
  const integer = digits.slice(0, digits.length - kept).replace(/^0+(?=\d)/, '') || '0';
  const decimals = digits
    .slice(digits.length - kept)
    .replace(/0+$/, '')
    .padEnd(min, '0');
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return `${sign}${integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${decimals === '' ? '' : `.${decimals}`}`;
}

/**
 * A number for a table: 3 significant digits below 1,000, whole and grouped above; `—` for a gap. Both languages write
 * digits alike (`1,234.5`, see {@link decimal}); the language is a parameter for the day they do not.
 */
export function formatNumber(_lang: Lang, v: number | null | undefined, options: { readonly percent?: boolean } = {}): string {
  if (v == null || !Number.isFinite(v)) return '—';
  if (options.percent) return `${decimal(v * 100, 1, 1)}%`;
  if (Math.abs(v) >= 1000) return decimal(Math.round(v), 0, 0);
  return decimal(Number(v.toPrecision(3)), 0, 6);
}

/** A large number in words a reader takes in at a glance: 1.10 亿 / 110 million; `—` for a gap. */
export function formatCompact(lang: Lang, v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—';
  const steps: readonly [number, string][] =
    lang === 'zh'
      ? [
          [1e12, '万亿'],
          [1e8, '亿'],
          [1e4, '万'],
        ]
      : [
          [1e12, ' trillion'],
          [1e9, ' billion'],
          [1e6, ' million'],
        ];
  for (const [size, word] of steps) if (Math.abs(v) >= size) return `${decimal(Number((v / size).toPrecision(3)), 0, 6)}${word}`;
  return formatNumber(lang, v);
}
