/**
 * The sentences of the findings, in English and Chinese, rendered from a finding's structured `data`: the one text
 * layer that the analysis (which stores the rendered `title` and `detail` in the JSON), the CLI, the reports and the
 * web share. Pure: no I/O.
 *
 * English text is English throughout; Chinese text is Chinese throughout — unit and industry names in Chinese when
 * known (an industry without a Chinese name is shown by its code, a unit without one by its own name), Chinese
 * punctuation, and no English words: the only Latin letters in Chinese text are industry codes and ids.
 */
import type { AnalysisIndustry, AnalysisUnit, Finding } from '../analysis/result-schema.ts';
import type { Language } from '../errors/metro-error.ts';

/** What a sentence is made from: the finding's kind and data. */
export type FindingContent = Finding extends infer F ? (F extends Finding ? Pick<F, 'kind' | 'data'> : never) : never;

/** Names of units and industries in each language. */
export interface FindingNames {
  unit(id: string, lang: Language): string;
  industry(code: string, lang: Language): string;
}

/** Names from the result's units and industries (unknown ids and codes are shown as they are). */
export function findingNames(
  units: readonly Pick<AnalysisUnit, 'id' | 'nameEn' | 'nameZh'>[],
  industries: readonly Pick<AnalysisIndustry, 'code' | 'nameEn' | 'nameZh'>[],
): FindingNames {
  const u = new Map(units.map((x) => [x.id, x]));
  const i = new Map(industries.map((x) => [x.code, x]));
  return {
    unit: (id, lang) => {
      const x = u.get(id);
      if (x === undefined) return id;
      return lang === 'zh' ? (x.nameZh ?? x.nameEn) : x.nameEn;
    },
    industry: (code, lang) => {
      const x = i.get(code);
      const name = x === undefined ? null : lang === 'zh' ? x.nameZh : x.nameEn;
      return name === null || name === '' ? code : `${code} ${name}`;
    },
  };
}

/** A sentence shows at most this many names of a list; the finding's data keep them all. */
const shownInSentence = 8;

/** Numbers in sentences: 3 significant digits (the data keep the full value). */
export function fmt(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 1000) return v.toFixed(0);
  return Number(v.toPrecision(3)).toString();
}
const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

interface Style {
  readonly list: string;
  readonly semi: string;
  readonly open: string;
  readonly close: string;
  readonly dash: string;
  more(n: number): string;
}
const styles: Record<Language, Style> = {
  en: { list: ', ', semi: '; ', open: ' (', close: ')', dash: '–', more: (n) => ` and ${n} more` },
  zh: { list: '、', semi: '；', open: '（', close: '）', dash: '—', more: (n) => `等（另有 ${n} 个）` },
};

function shown(xs: readonly string[], lang: Language): string {
  const s = styles[lang];
  const sep = lang === 'en' && xs.some((x) => x.includes(',')) ? '; ' : s.list;
  const head = xs.slice(0, shownInSentence).join(sep);
  return xs.length > shownInSentence ? `${head}${s.more(xs.length - shownInSentence)}` : head;
}

const ringName: Record<string, Record<Language, string>> = {
  core: { en: 'core', zh: '核心' },
  inner: { en: 'inner ring', zh: '内圈' },
  outer: { en: 'outer ring', zh: '外圈' },
};
const gapKind: Record<string, Record<Language, string>> = {
  missing: { en: 'missing', zh: '缺失' },
  withheld: { en: 'withheld', zh: '保密未公布' },
  suppressed: { en: 'suppressed', zh: '保密未公布' },
  'other-programme': { en: 'only from another statistical programme', zh: '仅有其他统计口径的数据' },
  'zero-total': { en: 'zero total', zh: '合计为零' },
  'missing-year': { en: 'no data for the year', zh: '该年份无数据' },
};
const gapTreatment: Record<string, Record<Language, string>> = {
  'dropped-region': { en: 'unit dropped', zh: '剔除该单元' },
  'dropped-industry': { en: 'industry dropped', zh: '剔除该产业' },
  'not-filled': { en: 'not filled', zh: '未填补' },
  zero: { en: 'counted as zero', zh: '按零计' },
};
const word = (table: Record<string, Record<Language, string>>, key: string, lang: Language): string => table[key]?.[lang] ?? key;

/** The title and detail of a finding in one language. */
export function findingText(f: FindingContent, names: FindingNames, lang: Language): { title: string; detail: string } {
  const s = styles[lang];
  const zh = lang === 'zh';
  const U = (id: string) => names.unit(id, lang);
  const I = (code: string) => names.industry(code, lang);
  const pair = (a: string, b: string) => `${U(a)}${s.dash}${U(b)}`;
  switch (f.kind) {
    case 'homogeneous-competition': {
      const d = f.data;
      const codes = d.sharedIndustries.map((x) => x.code);
      const top = d.pairs.a[0] === undefined ? null : { a: d.pairs.a[0], b: d.pairs.b[0] as string, z: d.pairs.value[0] as number };
      const industries = shown(
        d.sharedIndustries.map((x) => (zh ? `${I(x.code)}（${x.pairs} 对）` : `${I(x.code)} (${x.pairs} ${x.pairs === 1 ? 'pair' : 'pairs'})`)),
        lang,
      );
      return zh
        ? {
            title: `${d.of} 个单元对中有 ${d.count} 个在相同的可贸易产业上同质竞争（${codes.join('、')}）${top === null ? '' : `；最强：${pair(top.a, top.b)}（标准分 ${fmt(top.z)}）`}`,
            detail: `这些单元对的可贸易专业化相同（可贸易结构相似度高于随机排列至少 ${fmt(d.threshold)} 个标准差，且有共同的可贸易优势产业），又无功能或产业链环节分工。共同的可贸易优势产业：${industries}。按单元对加权，它们涉及都市圈可贸易经济活动的 ${pct(d.share)}。`,
          }
        : {
            title: `${d.count} of ${d.of} pairs compete in the same traded industries (${codes.join(', ')})${top === null ? '' : `; strongest: ${pair(top.a, top.b)} (z ${fmt(top.z)})`}`,
            detail: `These pairs have the same traded specialisations (traded-structure similarity at least ${fmt(d.threshold)} standard deviations above a random arrangement, and a shared traded advantage industry) and no division of functions or chain stages. Shared traded advantage industries: ${industries}. Pair-weighted, they concern ${pct(d.share)} of the metro's traded activity.`,
          };
    }
    case 'hot-spots': {
      const d = f.data;
      const codes = d.industries.map((h) => h.industry);
      const each = d.industries
        .map((h) =>
          zh
            ? `${I(h.industry)}：${shown(
                h.units.map((u, k) => `${U(u)} ${fmt(h.lq[k] as number)}`),
                lang,
              )}（占都市圈经济活动的 ${pct(h.share)}，持有者平均邻近得分 ${fmt(h.proximity)}）`
            : `${I(h.industry)}: ${shown(
                h.units.map((u, k) => `${U(u)} ${fmt(h.lq[k] as number)}`),
                lang,
              )} (${pct(h.share)} of the metro's activity; mean proximity of the holders ${fmt(h.proximity)})`,
        )
        .join(zh ? '；' : '. ');
      return zh
        ? {
            title: `${d.industries.length} 个可贸易产业为多个单元的共同优势产业（${codes.join('、')}）`,
            detail: `重复布局热点（区位熵不低于 ${fmt(d.threshold)} 的单元及其区位熵）：${each}。相邻单元间的重复更需协调分工。`,
          }
        : {
            title: `${d.industries.length} traded industries are advantage industries of several units (${codes.join(', ')})`,
            detail: `Duplication hot spots (units with a location quotient of ${fmt(d.threshold)} or more, and their quotients). ${each}. Duplication among near units is the one to coordinate.`,
          };
    }
    case 'weak-complementarity': {
      const d = f.data;
      const list = shown(
        d.pairs.a.map((a, k) => `${pair(a, d.pairs.b[k] as string)}${s.open}${fmt(d.pairs.value[k] as number)}${s.close}`),
        lang,
      );
      return zh
        ? {
            title: `${d.of} 个相邻单元对中有 ${d.count} 个互补性弱`,
            detail: `这些单元对距离近（邻近得分不低于 ${fmt(d.nearProximity)}），无功能或产业链环节分工，且彼此的可贸易专业化产业几乎不互为上下游（产业链互补比低于 ${fmt(d.threshold)}）：${list}。按单元对加权，它们涉及都市圈可贸易经济活动的 ${pct(d.share)}。`,
          }
        : {
            title: `${d.count} of ${d.of} near pairs hardly complement each other`,
            detail: `These pairs are near (proximity score ${fmt(d.nearProximity)} or more), have no division of functions or chain stages, and their traded specialisations hardly supply each other (chain ratio below ${fmt(d.threshold)}): ${list}. Pair-weighted, they concern ${pct(d.share)} of the metro's traded activity.`,
          };
    }
    case 'chain-pairs': {
      const d = f.data;
      const top = d.pairs.a[0] === undefined ? null : { a: d.pairs.a[0], b: d.pairs.b[0] as string, r: d.pairs.value[0] as number };
      const links = shown(
        d.links.map((l) => `${U(l.from)} ${I(l.supplier)} → ${U(l.to)} ${I(l.buyer)}${s.open}${fmt(l.contribution)}${s.close}`),
        lang,
      );
      const up = d.upstream[0];
      return zh
        ? {
            title: `${d.of} 个单元对中有 ${d.count} 个形成产业链上下游分工${top === null ? '' : `；最强：${pair(top.a, top.b)}（产业链互补比 ${fmt(top.r)}）`}`,
            detail: `一方的可贸易专业化产业为另一方的专业化产业供货（产业链互补比不低于 ${fmt(d.threshold)}，且以单向为主）${up === undefined ? '' : `；最强一对中的上游为${U(up)}`}。${links === '' ? '' : `最强的供需联系：${links}。`}按单元对加权，它们涉及都市圈可贸易经济活动的 ${pct(d.share)}。`,
          }
        : {
            title: `${d.count} of ${d.of} pairs divide chain stages${top === null ? '' : `; strongest: ${pair(top.a, top.b)} (chain ratio ${fmt(top.r)})`}`,
            detail: `One unit's traded specialisations supply the other's (chain ratio ${fmt(d.threshold)} or more, mainly one way)${up === undefined ? '' : `; upstream in the strongest pair: ${U(up)}`}.${links === '' ? '' : ` Strongest supplier → buyer links: ${links}.`} Pair-weighted, they concern ${pct(d.share)} of the metro's traded activity.`,
          };
    }
    case 'missing-chain-link': {
      const d = f.data;
      const inputs = d.inputs.map((x) =>
        zh
          ? `${I(x.input)}（投入系数 ${fmt(x.coefficient)}；都市圈投入与购买产业之比为 ${fmt(x.metroRatio)}，全国为 ${fmt(x.nationalRatio)}，仅为全国比例的 ${fmt(x.relative)} 倍）`
          : `${I(x.input)} (input coefficient ${fmt(x.coefficient)}; input-to-buyer ratio ${fmt(x.metroRatio)} in the metro, ${fmt(x.nationalRatio)} in the nation: ${fmt(x.relative)} times the national proportion)`,
      );
      const basis =
        d.basis === 'employment'
          ? zh
            ? '都市圈按就业、全国按总产出计算，假定两产业的人均产出之比与全国相同。'
            : 'The metro is measured by employment and the nation by gross output: this assumes the two industries’ output per worker stand in the same proportion as nationally.'
          : zh
            ? '都市圈与全国均按产出计算。'
            : 'Metro and nation are both measured by output.';
      return zh
        ? {
            title: `产业链缺环：主导产业${I(d.buyer)}所需的${d.inputs.map((x) => I(x.input)).join('、')}在都市圈中明显不足`,
            detail: `${I(d.buyer)}占都市圈经济活动的 ${pct(d.buyerShare)}，其关键投入在都市圈中的比例不到全国比例的 ${fmt(d.threshold)} 倍：${inputs.join('；')}。${basis}`,
          }
        : {
            title: `Missing chain link: the metro holds little of ${d.inputs.map((x) => I(x.input)).join(', ')}, key inputs of its leading industry ${I(d.buyer)}`,
            detail: `${I(d.buyer)} is ${pct(d.buyerShare)} of the metro's activity; relative to it, the metro holds less than ${fmt(d.threshold)} times the national proportion of these key inputs: ${inputs.join('; ')}. ${basis}`,
          };
    }
    case 'core-not-radiating': {
      const d = f.data;
      return zh
        ? {
            title: `核心的城市流强度不居首：${U(d.top)}高于${U(d.coreUnit)}`,
            detail: `${U(d.top)}的城市流强度为 ${fmt(d.topIntensity)}，高于核心单元中最高的${U(d.coreUnit)}（${fmt(d.coreIntensity)}）：都市圈对外服务功能并非由核心引领。核心占都市圈经济活动的 ${pct(d.share)}。`,
          }
        : {
            title: `The core does not lead in urban flow: ${U(d.top)} exceeds ${U(d.coreUnit)}`,
            detail: `${U(d.top)} has an urban flow intensity of ${fmt(d.topIntensity)}, above the highest core unit, ${U(d.coreUnit)} (${fmt(d.coreIntensity)}): the metro's outward service functions are not led by its core, which holds ${pct(d.share)} of the metro's activity.`,
          };
    }
    case 'flat-gradient': {
      const d = f.data;
      const rings = d.rings.map((r) => `${word(ringName, r.ring, lang)} ${pct(r.share)}`).join(s.list);
      return zh
        ? { title: '第三产业比重没有形成由核心向外圈递减的梯度', detail: `核心的第三产业比重（${pct(d.coreShare)}）并未高于所有圈层（${rings}）。` }
        : {
            title: 'No core → ring gradient of the tertiary share',
            detail: `The core's tertiary share (${pct(d.coreShare)}) does not exceed every ring's (${rings}).`,
          };
    }
    case 'plan-contradicted': {
      const d = f.data;
      const list = shown(
        d.positions.map((p) =>
          zh
            ? `${U(p.unit)}的${I(p.industry)}（区位熵 ${fmt(p.lq)}；${p.items.join('、')}${p.verified ? '' : '，未核实'}）`
            : `${U(p.unit)} in ${I(p.industry)} (location quotient ${fmt(p.lq)}; ${p.items.join(', ')}${p.verified ? '' : ', unverified'})`,
        ),
        lang,
      );
      return zh
        ? {
            title: `${d.of} 项可检验的规划定位中有 ${d.count} 项与数据不符`,
            detail: `规划将这些产业列为该单元的定位，但其区位熵低于 ${fmt(d.threshold)}（比重低于都市圈平均）：${list}。`,
          }
        : {
            title: `${d.count} of ${d.of} testable stated positions are not borne out by the data`,
            detail: `Plans name these industries for the unit, but its location quotient is below ${fmt(d.threshold)} (a smaller share than the metro's): ${list}.`,
          };
    }
    case 'plan-not-testable': {
      const d = f.data;
      const list = shown(
        d.items.map((x) => (zh ? `${x.id}（${U(x.region)}，位于${U(x.unit)}内）` : `${x.id} (${U(x.region)}, inside ${U(x.unit)})`)),
        lang,
      );
      return zh
        ? {
            title: `${d.items.length} 项规划定位在此单元层级无法检验`,
            detail: `这些定位针对单元内部的地区，不以所在单元的数据评判；只有当该地区本身是分析单元时（例如改用城市单元集）才检验：${list}。`,
          }
        : {
            title: `${d.items.length} stated positions are not testable at this level`,
            detail: `They concern regions inside a unit and are not judged against the unit that contains them; they are tested only when the region is itself a unit (e.g. with a city unit set): ${list}.`,
          };
    }
    case 'homogenisation-rising': {
      const d = f.data;
      return zh
        ? {
            title: `同质化程度上升：可贸易结构平均相似度由 ${fmt(d.from)}（${d.fromYear}年）升至 ${fmt(d.to)}（${d.toYear}年）`,
            detail: `平均相似度上升了 ${fmt(d.rise)}（阈值 ${fmt(d.threshold)}）；可贸易专业化相同的单元对比例由 ${fmt(d.fromIndex)} 变为 ${fmt(d.toIndex)}。`,
          }
        : {
            title: `Homogenisation is rising: mean traded-structure similarity ${fmt(d.from)} (${d.fromYear}) → ${fmt(d.to)} (${d.toYear})`,
            detail: `The mean similarity rose by ${fmt(d.rise)} (threshold ${fmt(d.threshold)}); the share of pairs with the same traded specialisations went from ${fmt(d.fromIndex)} to ${fmt(d.toIndex)}.`,
          };
    }
    case 'data-gap': {
      const d = f.data;
      const kinds = d.byKind.map((k) => `${word(gapKind, k.kind, lang)}${s.open}${word(gapTreatment, k.treatment, lang)}${s.close} ${k.count}`).join(s.semi);
      return zh
        ? { title: `${d.units} 个单元共 ${d.count} 处数据缺口（已标示，未填补）`, detail: `缺口：${kinds}。完整清单见结果中的缺口列表。` }
        : { title: `${d.count} data gaps in ${d.units} units (shown, not filled)`, detail: `Gaps: ${kinds}. The full list is in the result's gaps.` };
    }
    case 'core-ring-division': {
      const d = f.data;
      const core = shown(d.core.map(U), lang);
      const ratio = d.ratio === null ? (zh ? '无穷大' : 'unbounded') : fmt(d.ratio);
      const pairs = zh
        ? `核心与外围的 ${d.ringPairs} 个单元对中有 ${d.ringPairsWithDivision} 个存在功能分工。`
        : `${d.ringPairsWithDivision} of ${d.ringPairs} core–ring pairs have a functional division.`;
      if (d.present)
        return zh
          ? {
              title: `核心—外围功能分工明显：核心功能专业化指数 ${fmt(d.fsCore)}，外围 ${fmt(d.fsRing)}`,
              detail: `核心（${core}）以总部与生产性服务为主，外围以制造为主：生产性服务业与制造业之比，核心是外围的 ${ratio} 倍（阈值 ${fmt(d.threshold)}）。${pairs}`,
            }
          : {
              title: `Core–ring division of functions present: core functional specialisation ${fmt(d.fsCore)}, ring ${fmt(d.fsRing)}`,
              detail: `The core (${core}) is headquarters- and producer-service-led and the ring production-led: producer services ÷ manufacturing is ${ratio} times as high in the core as in the ring (threshold ${fmt(d.threshold)}). ${pairs}`,
            };
      return zh
        ? {
            title: `核心—外围尚未形成功能分工：核心功能专业化指数 ${fmt(d.fsCore)}，外围 ${fmt(d.fsRing)}`,
            detail: `生产性服务业与制造业之比，核心（${core}）仅为外围的 ${ratio} 倍（功能分工要求核心为正、外围为负且不低于 ${fmt(d.threshold)} 倍）。${pairs}`,
          }
        : {
            title: `No core–ring division of functions: core functional specialisation ${fmt(d.fsCore)}, ring ${fmt(d.fsRing)}`,
            detail: `Producer services ÷ manufacturing is ${ratio} times as high in the core (${core}) as in the ring (a division needs the core above and the ring below the metro, and a ratio of ${fmt(d.threshold)} or more). ${pairs}`,
          };
    }
    case 'most-similar-pair': {
      const d = f.data;
      const p = pair(d.a, d.b);
      if (d.same === true)
        return zh
          ? {
              title: `${p}的可贸易产业结构最相似（${fmt(d.tradedSimilarity)}）且专业化相同，但二者之间存在分工`,
              detail: `其相似度高于随机排列 ${fmt(d.z)} 个标准差（阈值 ${fmt(d.sameZ)}），又有共同的可贸易优势产业；因存在功能或产业链环节分工而判为${d.type === 'mixed' ? '混合分工' : '垂直分工'}，重复布局仍需注意。全部单元对的平均相似度为 ${fmt(d.meanTradedSimilarity)}。`,
            }
          : {
              title: `${p} have the most similar traded structures (${fmt(d.tradedSimilarity)}) and the same specialisations, alongside a division of labour`,
              detail: `Their similarity lies ${fmt(d.z)} standard deviations above a random arrangement (threshold ${fmt(d.sameZ)}) and they share a traded advantage industry; a division of functions or chain stages makes the pair ${d.type}, with the duplication noted. The mean over all pairs is ${fmt(d.meanTradedSimilarity)}.`,
            };
      if (d.same === null)
        return zh
          ? {
              title: `在此行业细分程度下无法判断同质化：仅有 ${d.tradedIndustries} 个可贸易产业`,
              detail: `可贸易产业少于 ${d.minTradedIndustries} 个时，任何两个结构都会显得相似，因此不判定同质竞争。可贸易结构最相似的一对为${p}（相似度 ${fmt(d.tradedSimilarity)}，全部单元对平均 ${fmt(d.meanTradedSimilarity)}）。`,
            }
          : {
              title: `Homogeneity cannot be judged at this level: only ${d.tradedIndustries} traded industries`,
              detail: `With fewer than ${d.minTradedIndustries} traded industries any two structures look alike, so no pair is called homogeneous. The most similar traded structures are ${p} (similarity ${fmt(d.tradedSimilarity)}; mean over all pairs ${fmt(d.meanTradedSimilarity)}).`,
            };
      return zh
        ? {
            title: `${p}的可贸易产业结构最相似（${fmt(d.tradedSimilarity)}），但在此行业细分程度下未判定为同质`,
            detail: `其相似度高于随机排列 ${fmt(d.z)} 个标准差，同质的判定要求至少 ${fmt(d.sameZ)} 个标准差且有共同的可贸易优势产业；全部单元对的平均相似度为 ${fmt(d.meanTradedSimilarity)}。`,
          }
        : {
            title: `${p} have the most similar traded structures (${fmt(d.tradedSimilarity)}) but are not judged the same at this level of detail`,
            detail: `Their similarity lies ${fmt(d.z)} standard deviations above a random arrangement; the same specialisations need at least ${fmt(d.sameZ)} and a shared traded advantage industry. The mean over all pairs is ${fmt(d.meanTradedSimilarity)}.`,
          };
    }
  }
}
