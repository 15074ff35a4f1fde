/**
 * The readable summary of a relocation scenario in one language (what `metrocoop scenario` prints): the moves, then
 * what changes in the diagnosis — pair types, findings, traded advantages, homogeneity — largest first, then the
 * numbers at the two ends of every move, chain complementarity, linkage, and the firms that really moved. Few and
 * ranked; every list in full is in the JSON (`--format json`).
 */
import type { LocalizedText, ScenarioResult } from '@metrocoop/core';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { formatTable } from './table.ts';

type Lang = CliContext['lang'];
const t = (en: string, zh: string): LocalizedText => ({ en, zh });

const typeName: Record<string, LocalizedText> = {
  vertical: t('vertical', '垂直分工'),
  horizontal: t('horizontal', '水平分工'),
  mixed: t('mixed', '混合分工'),
  competing: t('competing', '同质竞争'),
  undetermined: t('undetermined', '无法判定'),
};

const messages = {
  title: (r: ScenarioResult) =>
    t(
      `Relocation scenario — ${r.metro.nameEn} (${r.metro.id}), ${r.unitSet.id}: ${r.unitSet.indicator} (${r.unitSet.unit}) by ${r.unitSet.classification}, ${r.unitSet.year}`,
      `产业迁移情景 — ${r.metro.nameZh}（${r.metro.id}），${r.unitSet.id}：${r.unitSet.indicator}（${/^persons?$/i.test(r.unitSet.unit) ? '人' : r.unitSet.unit}），${r.unitSet.classification}，${r.unitSet.year} 年`,
    ),
  note: t('Note', '说明'),
  moves: t('Moves (applied in order)', '迁移（按顺序执行）'),
  ofOrigin: (share: string, unit: string, industry: string) => t(`${share} of ${industry} in ${unit}`, `占${unit} ${industry} 的 ${share}`),
  changes: t('What changes (largest first)', '变化（按重要性排列）'),
  nothing: t(
    'Nor does any finding, traded advantage or "same traded specialisations" verdict: the diagnosis stays as it is.',
    '诊断发现、可贸易优势产业与"可贸易产业专业化相同"的判断也都不变：诊断结论保持原样。',
  ),
  pairType: (pair: string, from: string, to: string, numbers: string) =>
    t(`Pair type: ${pair} ${from} → ${to} (${numbers})`, `单元对类型：${pair} ${from} → ${to}（${numbers}）`),
  pairTypesSame: (counts: string) => t(`No pair changes type (${counts}).`, `没有单元对改变类型（${counts}）。`),
  morePairs: (n: number) => t(`… and ${n} more pairs (JSON).`, `… 另有 ${n} 个单元对（见 JSON）。`),
  moreTypes: (n: number) => t(`… and ${n} more pairs change type (JSON).`, `… 另有 ${n} 个单元对改变类型（见 JSON）。`),
  findingGained: (title: string) => t(`New finding: ${title}`, `新增发现：${title}`),
  findingLost: (title: string) => t(`Finding gone: ${title}`, `消失的发现：${title}`),
  findingChanged: (after: string, before: string) => t(`Finding now reads: ${after} (was: ${before})`, `发现变为：${after}（原为：${before}）`),
  gained: (unit: string, list: string) => t(`${unit} gains the traded advantage ${list}`, `${unit}新增可贸易优势产业 ${list}`),
  lost: (unit: string, list: string) => t(`${unit} loses the traded advantage ${list}`, `${unit}失去可贸易优势产业 ${list}`),
  became: (pair: string, z: string) => t(`${pair} now have the same traded specialisations (z ${z})`, `${pair} 的可贸易产业专业化变为相同（z ${z}）`),
  stopped: (pair: string, z: string) => t(`${pair} no longer have the same traded specialisations (z ${z})`, `${pair} 的可贸易产业专业化不再相同（z ${z}）`),
  index: (before: string, after: string, meanB: string, meanA: string) =>
    t(
      `Pairs with the same traded specialisations: ${before} → ${after}; mean traded similarity ${meanB} → ${meanA}`,
      `可贸易产业专业化相同的单元对占比：${before} → ${after}；可贸易结构平均相似度 ${meanB} → ${meanA}`,
    ),
  notJudgeable: t('Homogeneity is not judgeable at this level of detail (too few traded industries).', '此行业细分程度下无法判断同质化（可贸易行业过少）。'),
  cells: (threshold: string) =>
    t(`At the two ends of the moves (advantage = traded industry with LQ ≥ ${threshold})`, `迁移两端的变化（优势产业 = 区位熵 ≥ ${threshold} 的可贸易产业）`),
  krugman: (changed: number, of: number) =>
    t(
      `Specialisation (Krugman index vs the rest of the metro; ${changed} of ${of} units change)`,
      `专业化（相对都市圈其余部分的克鲁格曼指数；${of} 个单元中 ${changed} 个变化）`,
    ),
  complementarity: (table: string, changed: number, of: number) =>
    t(
      `Chain complementarity (composite, IO table ${table}; ${changed} of ${of} pairs change, largest first)`,
      `产业链互补性（综合指数，投入产出表 ${table}；${of} 个单元对中 ${changed} 个变化，按变化大小排列）`,
    ),
  linkage: t('Linkage', '空间联系'),
  gravity: t('Gravity linkage unchanged:', '引力联系不变：'),
  gravityChanged: (n: number, of: number) => t(`Gravity linkage: ${n} of ${of} pairs change.`, `引力联系：${of} 个单元对中 ${n} 个变化。`),
  urbanFlow: (sectors: string) => t(`Urban flow intensity (service sectors ${sectors})`, `城市流强度（服务业部门 ${sectors}）`),
  observed: (source: string, from: number, to: number, total: number) =>
    t(
      `Firms that really moved (listed firms whose registered seat changed, ${from}–${to}, ${source}; between units of the metro: ${total})`,
      `实际迁移的企业（注册地变更的上市公司，${from}–${to} 年，${source}；都市圈单元间共 ${total} 家次）`,
    ),
  observedPair: (pair: string, firms: number, moved: string, inMoved: number, reverse: number) =>
    t(
      `${pair}: ${firms} ${firms === 1 ? 'firm' : 'firms'} (${inMoved} in ${moved}); ${reverse} the other way`,
      `${pair}：${firms} 家（其中 ${moved} ${inMoved} 家）；反方向 ${reverse} 家`,
    ),
  byIndustry: t('by industry', '按行业'),
  examples: t('e.g.', '例如'),
  topFlows: t('Largest flows in the metro', '都市圈内最大的迁移流向'),
  caveats: t('Caveats', '注意'),
  notes: t('Notes', '说明'),
  json: t('Every list in full, with all the numbers: --format json.', '完整列表与全部数值：--format json。'),
  head: {
    unit: t('unit', '单元'),
    industry: t('industry', '行业'),
    value: t('value', '数值'),
    lq: t('LQ', '区位熵'),
    advantage: t('advantage', '优势'),
    total: t('total', '合计'),
    krugman: t('Krugman', '克鲁格曼指数'),
    change: t('change', '变化'),
    gained: t('advantage gained', '新增优势'),
    lost: t('advantage lost', '失去优势'),
    pair: t('pair', '单元对'),
    ab: t('a → b', 'a → b'),
    ba: t('b → a', 'b → a'),
    ratio: t('ratio', '比值'),
    intensity: t('intensity', '强度'),
    tendency: t('tendency', '倾向度'),
  },
  yes: t('yes', '是'),
  no: t('no', '否'),
};

/** A number for reading: 3 significant digits, large values with a thousands separator. */
function f(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined) return '—';
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return Number(v.toPrecision(digits)).toString();
}

const pct = (v: number): string => `${Number((v * 100).toPrecision(3))}%`;
const arrow = (before: string, after: string): string => (before === after ? before : `${before} → ${after}`);

/** An amount in the unit set's unit, in words a reader scans (persons: 100,000 / 10 万人; money: bn / 亿). */
export function amountText(value: number, unit: string, lang: Lang): string {
  const abs = Math.abs(value);
  const persons = /^persons?$/i.test(unit);
  if (lang === 'zh') {
    const u = persons ? '人' : ` ${unit}`;
    if (abs >= 1e8) return `${f(value / 1e8)} 亿${u}`;
    if (abs >= 1e4) return `${f(value / 1e4)} 万${u}`;
    return `${f(value)}${u}`;
  }
  if (persons) return `${f(value)} persons`;
  if (abs >= 1e12) return `${f(value / 1e12)} trn ${unit}`;
  if (abs >= 1e9) return `${f(value / 1e9)} bn ${unit}`;
  if (abs >= 1e6) return `${f(value / 1e6)} m ${unit}`;
  return `${f(value)} ${unit}`;
}

/** The readable summary of a scenario result in one language. */
export function scenarioText(r: ScenarioResult, lang: Lang): string {
  const p = (x: LocalizedText) => pick(x, lang);
  const unitName = new Map(r.units.map((u) => [u.id, lang === 'zh' ? (u.nameZh ?? u.nameEn) : u.nameEn]));
  const industryName = new Map(r.industries.map((i) => [i.code, (lang === 'zh' ? (i.nameZh ?? i.nameEn) : (i.nameEn ?? i.nameZh)) ?? '']));
  const u = (id: string) => unitName.get(id) ?? id;
  const ind = (code: string) => `${code} ${industryName.get(code) ?? ''}`.trim();
  const pair = (a: string, b: string) => `${u(a)} – ${u(b)}`;
  const sep = lang === 'zh' ? '；' : '; ';
  const colon = lang === 'zh' ? '：' : ': ';
  const paren = (x: string) => (lang === 'zh' ? `（${x}）` : ` (${x})`);
  // Values in the unit set's unit: persons in full, money in bn / 亿.
  const value = (v: number) => (/^persons?$/i.test(r.unitSet.unit) ? f(v) : amountText(v, r.unitSet.unit, lang));
  const out: string[] = [`${p(messages.title(r))}\n`];
  if (r.note !== null) out.push(`${p(messages.note)}${lang === 'zh' ? '：' : ': '}${r.note}\n`);

  out.push(`\n${p(messages.moves)}\n`);
  for (const m of r.moves) {
    const share = m.shareOfOrigin === null ? '' : paren(p(messages.ofOrigin(pct(m.shareOfOrigin), u(m.from), m.industry)));
    out.push(`${String(m.position).padStart(2)}. ${u(m.from)} → ${u(m.to)}${colon}${ind(m.industry)} ${amountText(m.amount, r.unitSet.unit, lang)}${share}\n`);
  }

  // What changes: the diagnosis first (pair types, findings), then the verdicts behind it (advantages, "same").
  const items: string[] = [];
  const pt = r.pairTypes;
  for (const c of pt.pairs.slice(0, 5)) {
    const numbers = [
      `z ${arrow(f(c.tradedZ.before, 2), f(c.tradedZ.after, 2))}`,
      `${lang === 'zh' ? '职能比' : 'functional ratio'} ${arrow(f(c.functionalRatio.before, 2), f(c.functionalRatio.after, 2))}`,
      `${lang === 'zh' ? '产业链比值' : 'chain ratio'} ${arrow(f(c.chainRatio.before, 2), f(c.chainRatio.after, 2))}`,
    ].join(lang === 'zh' ? '，' : ', ');
    items.push(p(messages.pairType(pair(c.a, c.b), p(typeName[c.type.before] as LocalizedText), p(typeName[c.type.after] as LocalizedText), numbers)));
  }
  if (pt.changed > 5) items.push(p(messages.moreTypes(pt.changed - 5)));
  for (const g of r.findings.gained.slice(0, 3)) items.push(p(messages.findingGained(p(g.title))));
  for (const l of r.findings.lost.slice(0, 3)) items.push(p(messages.findingLost(p(l.title))));
  // A title whose words are only reordered (the same industries listed in another order) is no news.
  const words = (s: string) =>
    s
      .split(/[\s,;()（）、，；]+/)
      .filter((w) => w !== '')
      .sort()
      .join(' ');
  for (const c of r.findings.changed.filter((x) => words(x.title.before.en) !== words(x.title.after.en)).slice(0, 3))
    items.push(p(messages.findingChanged(p(c.title.after), p(c.title.before))));
  const withLq = (rows: readonly { readonly industry: string; readonly lq: { readonly before: number; readonly after: number } }[]) =>
    rows.map((x) => `${ind(x.industry)}${paren(`${lang === 'zh' ? '区位熵' : 'LQ'} ${f(x.lq.before)} → ${f(x.lq.after)}`)}`).join(lang === 'zh' ? '、' : ', ');
  for (const x of r.specialisation.units) {
    if (x.advantageGained.length > 0) items.push(p(messages.gained(u(x.unit), withLq(x.advantageGained))));
    if (x.advantageLost.length > 0) items.push(p(messages.lost(u(x.unit), withLq(x.advantageLost))));
  }
  const h = r.homogenisation;
  for (const x of h.became.slice(0, 5)) items.push(p(messages.became(pair(x.a, x.b), arrow(f(x.tradedZ.before, 2), f(x.tradedZ.after, 2)))));
  if (h.became.length > 5) items.push(p(messages.morePairs(h.became.length - 5)));
  for (const x of h.stopped.slice(0, 5)) items.push(p(messages.stopped(pair(x.a, x.b), arrow(f(x.tradedZ.before, 2), f(x.tradedZ.after, 2)))));
  if (h.stopped.length > 5) items.push(p(messages.morePairs(h.stopped.length - 5)));
  out.push(`\n${p(messages.changes)}\n`);
  if (pt.changed === 0) {
    const c = pt.counts.after;
    const counts = (Object.keys(typeName) as (keyof typeof c)[])
      .filter((k) => c[k] > 0)
      .map((k) => `${p(typeName[k] as LocalizedText)} ${c[k]}`)
      .join(lang === 'zh' ? '，' : ', ');
    items.unshift(p(messages.pairTypesSame(counts)));
    if (items.length === 1) items.push(p(messages.nothing));
  }
  items.push(
    h.judgeable
      ? p(
          messages.index(
            h.index.before === null ? '—' : pct(h.index.before),
            h.index.after === null ? '—' : pct(h.index.after),
            f(h.meanTradedSimilarity.before),
            f(h.meanTradedSimilarity.after),
          ),
        )
      : p(messages.notJudgeable),
  );
  for (const item of items) out.push(`- ${item}\n`);

  // The two ends of every move.
  const yn = (v: boolean) => p(v ? messages.yes : messages.no);
  const hd = messages.head;
  out.push(`\n${p(messages.cells(f(r.specialisation.advantageLq)))}\n`);
  out.push(
    formatTable(
      [p(hd.unit), p(hd.industry), p(hd.value), p(hd.lq), p(hd.advantage)],
      r.specialisation.cells.map((c) => [
        u(c.unit),
        ind(c.industry),
        `${value(c.value.before)} → ${value(c.value.after)}`,
        `${f(c.lq.before)} → ${f(c.lq.after)}`,
        c.traded ? arrow(yn(c.advantage.before), yn(c.advantage.after)) : lang === 'zh' ? '本地服务型' : 'local-serving',
      ]),
    ),
  );
  const s = r.specialisation;
  if (s.units.length > 0) {
    out.push(`\n${p(messages.krugman(s.changed, s.of))}\n`);
    out.push(
      formatTable(
        [p(hd.unit), p(hd.total), p(hd.krugman), p(hd.change), p(hd.gained), p(hd.lost)],
        s.units
          .slice(0, 5)
          .map((x) => [
            u(x.unit),
            `${value(x.total.before)} → ${value(x.total.after)}`,
            `${f(x.krugman.before)} → ${f(x.krugman.after)}`,
            `${x.krugman.after >= x.krugman.before ? '+' : ''}${f(x.krugman.after - x.krugman.before, 2)}`,
            x.advantageGained.map((a) => a.industry).join(' ') || '—',
            x.advantageLost.map((a) => a.industry).join(' ') || '—',
          ]),
      ),
    );
  }

  const c = r.complementarity;
  if (c.table === null) out.push(`\n${c.absent === null ? '' : p(c.absent)}\n`);
  else if (c.pairs.length > 0) {
    out.push(`\n${p(messages.complementarity(c.table, c.changed, c.of))}\n`);
    out.push(
      formatTable(
        [p(hd.pair), p(hd.ab), p(hd.ba), p(hd.ratio)],
        c.pairs
          .slice(0, 5)
          .map((x) => [
            pair(x.a, x.b),
            `${f(x.composite.before)} → ${f(x.composite.after)}`,
            `${f(x.reverse.before)} → ${f(x.reverse.after)}`,
            `${f(x.ratio.before)} → ${f(x.ratio.after)}`,
          ]),
      ),
    );
  }

  const l = r.linkage;
  out.push(`\n${p(messages.linkage)}\n`);
  out.push(
    `- ${l.gravity.unchanged ? `${p(messages.gravity)}${lang === 'zh' ? '' : ' '}${p(l.gravity.reason)}` : p(messages.gravityChanged(l.gravity.changed, l.gravity.of))}\n`,
  );
  if (l.urbanFlow !== null && l.urbanFlow.units.length > 0) {
    out.push(`- ${p(messages.urbanFlow(l.urbanFlow.sectors.join(' ')))}\n`);
    out.push(
      formatTable(
        [p(hd.unit), p(hd.intensity), p(hd.tendency)],
        l.urbanFlow.units
          .slice(0, 5)
          .map((x) => [u(x.unit), `${f(x.intensity.before)} → ${f(x.intensity.after)}`, `${f(x.tendency.before)} → ${f(x.tendency.after)}`]),
      ),
    );
  } else if (l.absent !== null) out.push(`- ${p(l.absent)}\n`);

  const o = r.observed;
  if (o === null) out.push(`\n${r.observedAbsent === null ? '' : p(r.observedAbsent)}\n`);
  else {
    out.push(`\n${p(messages.observed(o.source, o.years[0], o.years[1], o.totalFirms))}\n`);
    const industries = (rows: (typeof o.topFlows)[number]['industries'], k = 5) =>
      rows
        .slice(0, k)
        .map((x) => `${x.industry === x.section ? x.section : `${x.industry ?? '—'} (${x.section || '?'})`} ${x.firms}`)
        .join(lang === 'zh' ? '，' : ', ');
    for (const x of o.scenarioPairs) {
      out.push(
        `- ${p(messages.observedPair(`${u(x.origin)} → ${u(x.destination)}`, x.firms, x.movedIndustries.join(lang === 'zh' ? '、' : ', '), x.firmsInMovedIndustries, x.reverseFirms))}\n`,
      );
      if (x.industries.length > 0) out.push(`  ${p(messages.byIndustry)}: ${industries(x.industries, 8)}\n`);
      const examples = x.industries
        .filter((y) => y.industry !== null && x.movedIndustries.includes(y.industry))
        .flatMap((y) => y.examples)
        .slice(0, 3);
      if (examples.length > 0) out.push(`  ${p(messages.examples)} ${examples.join(sep)}\n`);
    }
    if (o.topFlows.length > 0) {
      out.push(
        `- ${p(messages.topFlows)}: ${o.topFlows
          .slice(0, 5)
          .map((x) => `${u(x.origin)} → ${u(x.destination)} ${x.firms}`)
          .join(sep)}\n`,
      );
    }
    if (o.notes.length > 0) {
      out.push(`${p(messages.caveats)}\n`);
      for (const n of o.notes) out.push(`- ${p(n)}\n`);
    }
  }
  out.push(`\n${p(messages.notes)}\n`);
  for (const n of r.notes) out.push(`- ${p(n)}\n`);
  out.push(`${p(messages.json)}\n`);
  return out.join('');
}
