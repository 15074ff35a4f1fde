/**
 * Bilingual texts of the planning loaders (src/planning/): their errors and the notes that travel with the firm
 * relocations. Error shape: `functionName: what is wrong (got X); what is expected or how to fix it.`
 */
import type { LocalizedText } from '@metrocoop/core';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

export const planningMessages = {
  unknownUnitSet: (fn: string, metro: string, unitSet: string, known: readonly string[]) =>
    t(
      `${fn}: metro ${metro} has no unit set ${JSON.stringify(unitSet)} (got an unknown id); choose one of ${known.join(', ')}.`,
      `${fn}：都市圈 ${metro} 没有分析单元集 ${JSON.stringify(unitSet)}；请从 ${known.join('、')} 中选择。`,
    ),
  badYear: (fn: string, year: unknown) =>
    t(
      `${fn}: option year must be a whole year such as 2019 (got ${JSON.stringify(year)}); give the last year of moves to count, or leave it out for the whole panel.`,
      `${fn}：选项 year 须为整数年份，如 2019（得到 ${JSON.stringify(year)}）；请给出计入迁移的最后年份，或省略以使用整个面板。`,
    ),

  // ---- notes of the firm relocations
  sampleNote: () =>
    t(
      'Listed firms only, from a research sample of the CSMAR listed-company panel (about 450 listed firms a year are missing from it, among them every financial firm in 2022): the counts are lower bounds, never totals of firm relocation.',
      '仅为上市公司，且取自国泰安（CSMAR）上市公司年度面板的研究样本（每年约缺 450 家上市公司，2022 年全部金融业公司缺失）：计数为下限，绝非企业迁移总数。',
    ),
  seatNote: () =>
    t(
      'Place = the registered seat (注册地) in each year, not necessarily the operating headquarters or the plants; a change of seat can also be a re-registration without people or production moving.',
      '地点为各年的注册地，不一定是实际经营总部或生产基地；注册地变更也可能只是重新注册，人员与生产未必随之迁移。',
    ),
  panelNote: (first: number, last: number, moves: number, firms: number, throughYear: number | null) =>
    t(
      `Panel ${first}–${last}: a move is a change of registered prefecture-level city between two consecutive years of a firm; in all of China${throughYear === null ? '' : ` up to ${throughYear}`}: moves ${moves}, firms ${firms}.`,
      `面板 ${first}–${last} 年：迁移指同一企业相邻两年注册地所在地级市发生变化；全国${throughYear === null ? '' : `截至 ${throughYear} 年`}共迁移 ${moves} 次、企业 ${firms} 家。`,
    ),
  unitsNote: (between: number, firms: number, inside: number, out: number, into: number, count: number, set: string) =>
    t(
      `Among the ${count} units of ${set}: moves between two units, listed: ${between} (firms: ${firms}); not listed: moves inside one unit ${inside} (not moves between units), moves leaving the metro ${out} and entering it ${into} (the other end lies outside).`,
      `在 ${set} 的 ${count} 个单元中：单元之间的迁移（已列出）${between} 次（企业 ${firms} 家）；未列出：单元内部迁移 ${inside} 次（不属于单元之间的迁移），迁出本都市圈 ${out} 次、迁入 ${into} 次（另一端在圈外）。`,
    ),
  industryNote: () =>
    t(
      'Industry = the firm’s CSRC 2012 (CAPCO 2023 in 2023) division in the year of arrival, by its section letter: A–R are the GB/T 4754 sections; S is 综合 (conglomerates), which no classification here has, so its industry is empty.',
      '行业为企业迁入当年的证监会 2012 年版（2023 年为中上协 2023 年版）行业大类，按其门类字母：A–R 即 GB/T 4754 门类；S 为“综合”，此处各分类均无对应，行业留空。',
    ),
  sectionsAreCodes: (classification: string) =>
    t(`The section letters are the ${classification} codes of the unit set.`, `门类字母即本单元集 ${classification} 分类的代码。`),
  sectionsThroughCrosswalk: (classification: string, path: string) =>
    t(
      `Sections mapped to ${classification} through the dataset crosswalk ${path} (main target: A → I; B, C, D, E → II; F–R → III). Three sectors cannot tell industries apart: read the section letter of each move.`,
      `门类经数据集对照表 ${path} 映射到 ${classification}（主要对应：A → I；B、C、D、E → II；F–R → III）。三次产业无法区分具体行业：请看每条迁移的门类字母。`,
    ),
  sectionsByRule: (classification: string) =>
    t(
      `No crosswalk from GB/T 4754 to ${classification} in the store: sections mapped by the NBS three-sector rule (A → I; B, C, D, E → II; the rest → III). Three sectors cannot tell industries apart: read the section letter of each move.`,
      `库中没有 GB/T 4754 到 ${classification} 的对照表：门类按国家统计局三次产业划分规定映射（A → I；B、C、D、E → II；其余 → III）。三次产业无法区分具体行业：请看每条迁移的门类字母。`,
    ),
  sectionsUnmapped: (classification: string) =>
    t(
      `The unit set’s classification ${classification} has no mapping from the GB/T 4754 sections here: industry is empty, the section letter is kept.`,
      `本单元集的分类 ${classification} 在此无法由 GB/T 4754 门类映射：行业留空，保留门类字母。`,
    ),
};
