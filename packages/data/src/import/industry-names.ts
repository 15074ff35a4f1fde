/**
 * Names of industries as yearbooks and census tables print them in column headers, mapped to codes — used when
 * the store has no names for a classification (the store's own `industries` names are tried first). Names are
 * compared after {@link normaliseName} (no spaces, punctuation or full-width forms; lower case).
 */
import { classificationIds } from '../model/schemas.ts';

/** GB/T 4754-2017 sections with their names as in the China Statistical Yearbook. */
const gbt4754: readonly (readonly [string, string])[] = [
  ['A', '农、林、牧、渔业'],
  ['B', '采矿业'],
  ['C', '制造业'],
  ['D', '电力、热力、燃气及水生产和供应业'],
  ['E', '建筑业'],
  ['F', '批发和零售业'],
  ['G', '交通运输、仓储和邮政业'],
  ['H', '住宿和餐饮业'],
  ['I', '信息传输、软件和信息技术服务业'],
  ['J', '金融业'],
  ['K', '房地产业'],
  ['L', '租赁和商务服务业'],
  ['M', '科学研究和技术服务业'],
  ['N', '水利、环境和公共设施管理业'],
  ['O', '居民服务、修理和其他服务业'],
  ['P', '教育'],
  ['Q', '卫生和社会工作'],
  ['R', '文化、体育和娱乐业'],
  ['S', '公共管理、社会保障和社会组织'],
  ['T', '国际组织'],
];

const threeSector: readonly (readonly [string, string])[] = [
  ['I', '第一产业'],
  ['II', '第二产业'],
  ['III', '第三产业'],
  ['I', 'primary industry'],
  ['II', 'secondary industry'],
  ['III', 'tertiary industry'],
];

/** `[classification, code, name]` built into the importers. */
export const builtInIndustryNames: readonly (readonly [string, string, string])[] = [
  ...gbt4754.map(([code, name]) => [classificationIds.gbt4754, code, name] as const),
  ...threeSector.map(([code, name]) => [classificationIds.threeSector, code, name] as const),
];

/** Header texts that mean "all industries" (a total row). */
export const totalNames: readonly string[] = ['total', 'all industries', 'all', '合计', '总计', '全部', '总额', '计', '全行业', '総数', '全産業'];

/** Compare names ignoring spaces, punctuation (incl. 、，・), full-width forms and case. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
