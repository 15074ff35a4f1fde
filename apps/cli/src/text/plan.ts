/**
 * The readable plan (`metrocoop plan` without `--format json`), in the user's language: the four headings with their
 * ranked items, every unit's three columns (stated in plans, the optimum, what the data show today), how the optimum
 * was found and how stable it is, the observed firm relocations, and the notes. The JSON keeps every number.
 */
import { findingNames, fmt, type MetroPlan } from '@metrocoop/core';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { formatTable } from './table.ts';

type Lang = CliContext['lang'];
const t = (lang: Lang, en: string, zh: string): string => (lang === 'zh' ? zh : en);
const join = (lang: Lang, items: readonly string[]): string => items.join(lang === 'zh' ? '、' : ', ');

/** Every unit's three columns side by side. */
function columns(plan: MetroPlan, lang: Lang, n: ReturnType<typeof findingNames>): string {
  const pos = plan.positions;
  const rows = pos.units.map((u) => {
    const stated = u.stated.flatMap((s) =>
      s.testable ? s.industries.map((i) => n.industry(i.industry, lang)) : [t(lang, `(${s.item}: not testable here)`, `（${s.item}：此层级无法检验）`)],
    );
    const optimum = u.chosen.map(
      (c) => `${n.industry(c.industry, lang)}${c.minimumOnly ? ' †' : ''}${c.sensitivity !== null && !c.sensitivity.stable ? ' *' : ''}`,
    );
    const today = u.today.map((d) => (lang === 'zh' ? `${n.industry(d.industry, lang)}（${fmt(d.lq)}）` : `${n.industry(d.industry, lang)} (${fmt(d.lq)})`));
    return [n.unit(u.unit, lang), join(lang, [...new Set(stated)]) || '—', join(lang, optimum) || '—', join(lang, today) || '—'];
  });
  const head = [t(lang, 'Unit', '单元'), t(lang, 'Stated in plans', '规划定位'), t(lang, 'Optimum', '优化结果'), t(lang, 'Today (LQ)', '现状（区位熵）')];
  return formatTable(head, rows);
}

const componentNames: Record<string, [string, string]> = {
  'location-quotient': ['location quotient', '区位熵'],
  'relatedness-density': ['relatedness density', '关联密度'],
  'competitive-shift': ['competitive shift', '竞争偏离'],
  'chain-complementarity': ['chain complementarity', '产业链互补'],
};
const componentName = (name: string, lang: Lang): string => {
  const x = componentNames[name];
  return x === undefined ? name : lang === 'zh' ? x[1] : x[0];
};

function solveLine(plan: MetroPlan, lang: Lang): string {
  const pos = plan.positions;
  if (pos.solve === null) return '';
  const s = pos.solve;
  const sens =
    pos.sensitivity === null
      ? ''
      : t(
          lang,
          ` Sensitivity: ${pos.sensitivity.stable} of ${pos.sensitivity.of} choices stable when each weight is halved, doubled or λ = 0 (* = flips).`,
          `敏感性：各权重减半、加倍或 λ = 0 时，${pos.sensitivity.of} 项选择中 ${pos.sensitivity.stable} 项不变（* 表示会变化）。`,
        );
  const leads =
    pos.settings.minLeadsPerUnit === pos.settings.leadsPerUnit
      ? String(pos.settings.leadsPerUnit)
      : `${pos.settings.minLeadsPerUnit}–${pos.settings.leadsPerUnit}`;
  const method = t(lang, s.method === 'exact' ? 'exact optimum' : 'heuristic', s.method === 'exact' ? '精确最优' : '启发式');
  const used = pos.components.filter((c) => c.used).map((c) => componentName(c.name, lang));
  const dropped = pos.components.filter((c) => !c.used);
  const droppedText =
    dropped.length === 0
      ? ''
      : `${t(lang, ' Left out: ', ' 未用：')}${dropped.map((c) => (c.reason === null ? componentName(c.name, lang) : pick(c.reason, lang).replace(/[.。]$/, ''))).join(t(lang, '; ', '；'))}${t(lang, '.', '。')}`;
  return `${t(
    lang,
    `Optimiser (${s.solver}, ${method}): ${leads} leads per unit († = led only to reach the minimum: no net evidence), at most ${pos.settings.maxLeadersPerIndustry} leaders per traded industry, λ = ${fmt(pos.settings.duplicationPenalty)}; objective ${fmt(s.objective)} (capability ${fmt(s.capability)} − duplication ${fmt(s.duplication)}), bound ${fmt(s.bound)}. Components: ${used.join(', ')}.`,
    `优化器（${s.solver}，${method}）：每单元 ${leads} 个主导产业（† 表示仅为满足最少数量而选，缺乏净证据），每个可贸易行业至多 ${pos.settings.maxLeadersPerIndustry} 个单元主导，λ = ${fmt(pos.settings.duplicationPenalty)}；目标值 ${fmt(s.objective)}（能力 ${fmt(s.capability)} − 重复 ${fmt(s.duplication)}），上界 ${fmt(s.bound)}。得分构成：${used.join('、')}。`,
  )}${droppedText}${sens}\n`;
}

function relocationsText(plan: MetroPlan, lang: Lang, n: ReturnType<typeof findingNames>): string {
  const r = plan.relocations;
  if (r === null) return '';
  const flows = new Map<string, number>();
  for (const m of r.moves) flows.set(`${m.origin}>${m.destination}`, (flows.get(`${m.origin}>${m.destination}`) ?? 0) + m.firms);
  const top = [...flows.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
  const title = t(
    lang,
    `Observed: listed firms whose registered city moved between units, ${r.years[0]}–${r.years[1]}`,
    `实际发生：${r.years[0]}—${r.years[1]} 年注册地在单元间迁移的上市公司`,
  );
  if (top.length === 0) return `\n${title}${t(lang, ': none.', '：无。')}\n`;
  const lines = top.map(([key, firms]) => {
    const [a, b] = key.split('>') as [string, string];
    return `  ${n.unit(a, lang)} → ${n.unit(b, lang)}${t(lang, ': ', '：')}${firms}`;
  });
  return `\n${title}${t(lang, ':', '：')}\n${lines.join('\n')}\n`;
}

/** The plan as text. */
export function planText(plan: MetroPlan, lang: Lang): string {
  const n = findingNames(plan.units, plan.industries);
  const name = lang === 'zh' ? plan.metro.nameZh : plan.metro.nameEn;
  let out = `${t(lang, 'Plan: ', '规划：')}${name} — ${plan.unitSet.id} × ${plan.unitSet.classification} (${plan.unitSet.indicator}, ${plan.unitSet.year})\n`;
  plan.sections.forEach((s, k) => {
    out += `\n${k + 1}. ${pick(s.title, lang)}\n`;
    if (s.items.length === 0 && s.empty !== null) out += `   ${pick(s.empty, lang)}\n`;
    for (const item of s.items) out += `   ${item.rank}) ${pick(item.title, lang)}\n`;
    if (s.more > 0) out += `   ${t(lang, `… and ${s.more} more (--format json)`, `……另有 ${s.more} 条（--format json）`)}\n`;
  });
  out += `\n${t(lang, 'Positions: stated, optimum and today', '定位：规划、优化结果与现状')}\n`;
  if (plan.positions.status === 'not-judgeable' && plan.positions.reason !== null) out += `${pick(plan.positions.reason, lang)}\n`;
  out += columns(plan, lang, n);
  out += solveLine(plan, lang);
  out += relocationsText(plan, lang, n);
  const notes = [...plan.notes, ...plan.positions.notes, ...plan.transport.notes];
  if (notes.length > 0) out += `\n${t(lang, 'Notes', '说明')}\n${[...new Set(notes.map((x) => `- ${pick(x, lang)}`))].join('\n')}\n`;
  return out;
}
