/** Bilingual texts of the analysis: errors, absences, pair-type reasons, findings and benchmark statements. */
import type { LocalizedText } from '../errors/metro-error.ts';

const q = (s: string): string => JSON.stringify(s);
/** Numbers in texts: 3 significant digits, fixed for readability (the evidence keeps the full value). */
const fmt = (v: number | null): string => (v === null ? '—' : Math.abs(v) >= 1000 ? v.toFixed(0) : Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(3));
const list = (xs: readonly string[]): string => xs.join(', ');
const listZh = (xs: readonly string[]): string => xs.join('、');

export const analysisMessages = {
  // errors
  unitMismatch: (fn: string, unit: string): LocalizedText => ({
    en: `${fn}: unit ${q(unit)} is not a row of the matrix (got units and matrix rows that differ); pass one unit per matrix row.`,
    zh: `${fn}：单元 ${q(unit)} 不是矩阵的行（单元与矩阵行不一致）；每个矩阵行须对应一个单元。`,
  }),
  tooFewUnits: (fn: string, n: number): LocalizedText => ({
    en: `${fn}: a metro analysis needs at least 2 units (got ${n}); choose a unit set with more members.`,
    zh: `${fn}：都市圈分析至少需要 2 个单元（得到 ${n} 个）；请选择成员更多的单元集。`,
  }),
  invalidOption: (fn: string, name: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${name} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${name} 无效（得到 ${JSON.stringify(value)}）；应为 ${expected}。`,
  }),
  ioShape: (fn: string, got: number, expected: number): LocalizedText => ({
    en: `${fn}: inputOutput.coefficients has ${got} values (got a shape that does not fit its industries); expected ${expected}.`,
    zh: `${fn}：inputOutput.coefficients 有 ${got} 个值（与其产业数不符）；应为 ${expected} 个。`,
  }),

  // absences
  noFunctionalGroups: (classification: string): LocalizedText => ({
    en: `Functional specialisation needs producer-service and manufacturing industries; classification ${classification} does not separate them.`,
    zh: `功能专业化需要区分生产性服务业与制造业；分类 ${classification} 无法区分。`,
  }),
  noGradientInput: (): LocalizedText => ({
    en: 'Industrial gradient coefficients need output and employment for the same units and industries; the data has no such pair.',
    zh: '产业梯度系数需要同一单元、同一产业的产出与就业数据；现有数据中没有这样的配对。',
  }),
  noInputOutput: (): LocalizedText => ({
    en: 'No national input–output table maps to the analysis classification; chain complementarity and missing links are not measured.',
    zh: '没有可映射到分析分类的全国投入产出表；未测度产业链互补性与缺失环节。',
  }),
  noCoordinates: (units: readonly string[]): LocalizedText => ({
    en: `No representative point for ${list(units)}; their linkage is absent.`,
    zh: `${listZh(units)} 缺少代表点坐标；其联系强度缺失。`,
  }),
  noMass: (units: readonly string[]): LocalizedText => ({
    en: `Population or GDP is missing for ${list(units)} (a gap in the data, not filled); gravity linkage and membership are computed without them.`,
    zh: `${listZh(units)} 缺少人口或 GDP（数据缺口，未填补）；引力联系与隶属度的计算不含这些单元。`,
  }),
  noUrbanFlow: (why: LocalizedText): LocalizedText => ({
    en: `Urban flow intensity needs employment by industry and GDP for every unit: ${why.en}.`,
    zh: `城市流强度需要每个单元的分行业就业与 GDP：${why.zh}。`,
  }),
  flowNotEmployment: { en: 'the analysis matrix is not employment', zh: '分析矩阵不是就业数据' } as LocalizedText,
  flowNoGdp: (units: readonly string[]): LocalizedText => ({ en: `GDP is missing for ${list(units)}`, zh: `${listZh(units)} 缺少 GDP` }),
  mixedDistance: (rail: number, km: number): LocalizedText => ({
    en: `Distances mix ${rail} pairs in rail minutes with ${km} pairs in great-circle km: compare linkage strengths only among pairs of the same distance kind.`,
    zh: `距离口径混合：${rail} 对为铁路分钟，${km} 对为大圆公里；只在同一距离口径的单元对之间比较联系强度。`,
  }),

  notJudgeable: (traded: number, minimum: number): LocalizedText => ({
    en: `Homogeneity cannot be judged at this level of detail: the table has ${traded} traded industries, fewer than ${minimum}; with so few, any two structures look alike.`,
    zh: `在此行业细分程度下无法判断同质化：该表只有 ${traded} 个可贸易行业，少于 ${minimum} 个；行业过少时任何两个结构都会显得相似。`,
  }),

  // typology reasons
  reasonCompeting: (s: number, k: number, j: number | null): LocalizedText => ({
    en: `Homogeneous structures: similarity ${fmt(s)}, Krugman dissimilarity ${fmt(k)}, overlap of advantage industries ${fmt(j)}.`,
    zh: `结构同质：相似系数 ${fmt(s)}，克鲁格曼差异指数 ${fmt(k)}，优势产业重合度 ${fmt(j)}。`,
  }),
  reasonVertical: (ratio: number, fsGap: number | null, igRatio: number | null): LocalizedText => ({
    en: `Different stages of one chain: chain-complementarity ratio ${fmt(ratio)}, functional-specialisation gap ${fmt(fsGap)}, industrial-gradient ratio ${fmt(igRatio)}.`,
    zh: `同一产业链的不同环节：产业链互补比 ${fmt(ratio)}，功能专业化差 ${fmt(fsGap)}，产业梯度比 ${fmt(igRatio)}。`,
  }),
  reasonMixed: (ratio: number, k: number): LocalizedText => ({
    en: `Different industries with chain links: Krugman dissimilarity ${fmt(k)}, chain-complementarity ratio ${fmt(ratio)}, no clear functional gap.`,
    zh: `产业不同且有产业链联系：克鲁格曼差异指数 ${fmt(k)}，产业链互补比 ${fmt(ratio)}，无明显功能差。`,
  }),
  reasonHorizontal: (k: number, ratio: number | null): LocalizedText => ({
    en: `Different industries with little chain linkage: Krugman dissimilarity ${fmt(k)}, chain-complementarity ratio ${fmt(ratio)}.`,
    zh: `产业不同、产业链联系弱：克鲁格曼差异指数 ${fmt(k)}，产业链互补比 ${fmt(ratio)}。`,
  }),

  // benchmark
  statement: (measure: LocalizedText, subject: string, value: number | null, others: readonly [string, number | null][]): LocalizedText => ({
    en: `${subject}'s ${measure.en} is ${fmt(value)}; ${others.map(([m, v]) => `${m}'s ${fmt(v)}`).join('; ')}.`,
    zh: `${subject}的${measure.zh}为 ${fmt(value)}；${others.map(([m, v]) => `${m}为 ${fmt(v)}`).join('；')}。`,
  }),
  caveatMeasure: (a: string, am: string, b: string, bm: string): LocalizedText => ({
    en: `${a} is measured by ${am} and ${b} by ${bm}: levels are not strictly comparable.`,
    zh: `${a}以${am === 'employment' ? '就业' : '产出（增加值）'}测度，${b}以${bm === 'employment' ? '就业' : '产出（增加值）'}测度：水平值不能严格比较。`,
  }),
  caveatClassification: (a: string, ac: string, ai: number, b: string, bc: string, bi: number): LocalizedText => ({
    en: `${a} uses ${ac} (${ai} industries) and ${b} ${bc} (${bi}): similarity and dissimilarity depend on the granularity.`,
    zh: `${a}使用 ${ac}（${ai} 个产业），${b}使用 ${bc}（${bi} 个）：相似与差异指数受分类粗细影响。`,
  }),
  caveatUnits: (a: string, an: number, b: string, bn: number): LocalizedText => ({
    en: `${a} has ${an} units and ${b} ${bn}: pair averages over different numbers of pairs.`,
    zh: `${a}有 ${an} 个单元，${b}有 ${bn} 个：单元对的平均值基于不同数量的单元对。`,
  }),
  measureNames: {
    homogenisationIndex: { en: 'homogenisation index (mean structural similarity)', zh: '同质化指数（结构相似系数均值）' },
    shareOfPairsAbove: { en: 'share of pairs with similarity ≥ threshold', zh: '相似系数不低于阈值的单元对比例' },
    meanDissimilarity: { en: 'mean Krugman dissimilarity', zh: '平均克鲁格曼差异指数' },
    meanKrugman: { en: 'mean Krugman specialisation', zh: '平均克鲁格曼专业化指数' },
    coreTertiaryShare: { en: 'core tertiary share', zh: '核心第三产业比重' },
    coreFunctionalSpecialisation: { en: 'core functional specialisation', zh: '核心功能专业化指数' },
    meanChainRatio: { en: 'mean chain-complementarity ratio', zh: '平均产业链互补比' },
  } as Record<string, LocalizedText>,
};
