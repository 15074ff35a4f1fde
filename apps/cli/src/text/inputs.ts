/**
 * What the analysis stands on, in one language: the one statistical programme of the matrix, the one impedance of
 * the linkage measures, and every unit and industry left out of the matrix with its reason (the same list as the
 * JSON's `unitSet.dropped`; never filled from elsewhere). Printed right after the summary's title.
 */
import type { Language, LocalizedText, MetroAnalysis } from '@metrocoop/core';

type Dropped = MetroAnalysis['unitSet']['dropped'];

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

const messages = {
  programme: (source: string) => t(`Matrix from one programme: ${source}.`, `矩阵来自单一统计口径：${source}。`),
  impedance: (r: MetroAnalysis['linkage']['impedance']) =>
    r.kind === 'rail-minutes'
      ? t(`Linkage over rail minutes (all ${r.pairs} pairs).`, `联系强度按铁路时间计算（全部 ${r.pairs} 个单元对）。`)
      : t(
          `Linkage over great-circle km for all ${r.pairs} pairs (rail minutes known for ${r.railPairs}).`,
          `联系强度对全部 ${r.pairs} 个单元对按大圆距离（公里）计算（${r.railPairs} 个有铁路时间）。`,
        ),
  heading: t('Left out of the matrix (listed, not filled):', '未纳入矩阵（列出，不填补）：'),
  none: t('Nothing left out of the matrix.', '矩阵无剔除的单元或产业。'),
  units: t('units', '单元'),
  industries: t('industries', '产业'),
  unitReason: {
    'gap-cells': t('withheld or missing cells', '数据保密或缺失'),
    'no-data': t('no data for the year', '该年无数据'),
    'other-programme': t('data only from another programme', '仅有其他统计口径的数据'),
    'zero-total': t('all zero', '全部为 0'),
  } as Record<Dropped['units'][number]['reason'], LocalizedText>,
  industryReason: {
    'gap-cells': t('withheld or missing cells', '数据保密或缺失'),
    'zero-in-every-unit': t('zero in every unit', '所有单元均为 0'),
    'not-published': t('not published by the programme', '该统计口径未发布'),
  } as Record<Dropped['industries'][number]['reason'], LocalizedText>,
  inUnits: (n: number) => t(`in ${n} unit${n === 1 ? '' : 's'}`, `${n} 个单元`),
};

const nameOf = (en: string | null, zh: string | null, lang: Language): string => (lang === 'zh' ? (zh ?? en ?? '') : (en ?? zh ?? ''));

/** The inputs block of the summary (lines ending in a newline; empty lines none). */
export function inputsText(r: MetroAnalysis, lang: Language): string {
  const p = (x: LocalizedText): string => x[lang];
  const sep = lang === 'zh' ? '；' : '; ';
  const colon = lang === 'zh' ? '：' : ': ';
  const comma = lang === 'zh' ? '，' : ', ';
  const out: string[] = [];
  if (r.unitSet.source !== null) out.push(p(messages.programme(r.unitSet.source)));
  out.push(p(messages.impedance(r.linkage.impedance)));
  const { units, industries } = r.unitSet.dropped;
  if (units.length === 0 && industries.length === 0) out.push(p(messages.none));
  else {
    out.push(p(messages.heading));
    for (const reason of Object.keys(messages.unitReason) as Dropped['units'][number]['reason'][]) {
      const list = units.filter((u) => u.reason === reason);
      if (list.length === 0) continue;
      const items = list.map((u) => {
        const extra = reason === 'gap-cells' ? u.industries.join(' ') : reason === 'other-programme' ? u.sources.join(' ') : '';
        return `${nameOf(u.nameEn, u.nameZh, lang)} (${u.id}${extra === '' ? '' : `: ${extra}`})`;
      });
      out.push(`- ${p(messages.units)}${comma}${p(messages.unitReason[reason])}${colon}${items.join(sep)}`);
    }
    for (const reason of Object.keys(messages.industryReason) as Dropped['industries'][number]['reason'][]) {
      const list = industries.filter((i) => i.reason === reason);
      if (list.length === 0) continue;
      const items = list.map((i) => {
        const name = `${i.code} ${nameOf(i.nameEn, i.nameZh, lang)}`.trim();
        return i.units.length === 0 ? name : `${name} (${p(messages.inUnits(i.units.length))})`;
      });
      out.push(`- ${p(messages.industries)}${comma}${p(messages.industryReason[reason])}${colon}${items.join(sep)}`);
    }
  }
  return out.map((l) => `${l}\n`).join('');
}
