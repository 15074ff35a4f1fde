/**
 * The scenario view: move an industry (an amount or a share of the origin's value) from one unit to another, add
 * more moves, run — the server recomputes the analysis and the view shows what changed: the location quotients at
 * both ends first (a chart), the pair types, the findings gained and lost, and the listed firms that really moved
 * between those units. The moves live in the URL (`moves=CN-110000:C:10%->CN-130000,…`, the CLI's `--move` form), so
 * a scenario is a shareable link. A move the server refuses shows the server's message.
 */
import type { MetroAnalysis, ScenarioResult } from '@metrocoop/core';
import type { ChartSpec } from '@metrocoop/viz';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { type FormEvent, type ReactElement, useEffect, useMemo, useState } from 'react';
import { ChartView } from '../chart.tsx';
import { formatNumber } from '../i18n.ts';
import { colon, type Loaded, paren, settle, tx } from './common.ts';
import type { Lang, ViewProps } from './types.ts';

// The chart types this view draws besides the maps' (chart.tsx): the location quotients before and after (bars).
use([BarChart, GridComponent, LegendComponent]);

type Text = { readonly en: string; readonly zh: string };

/** One move as the user gave it. */
interface Move {
  readonly from: string;
  readonly industry: string;
  /** A share (0 < share ≤ 1) or an amount (≥ 0), as the API takes it. */
  readonly share?: number;
  readonly amount?: number;
  readonly to: string;
}

/** A move in the CLI's form: `FROM:INDUSTRY:AMOUNT->TO` or `FROM:INDUSTRY:PCT%->TO`. */
export function moveText(m: Move): string {
  const how = m.share !== undefined ? `${Number((m.share * 100).toPrecision(12))}%` : String(m.amount ?? 0);
  return `${m.from}:${m.industry}:${how}->${m.to}`;
}

/** The moves of the URL parameter (comma-separated), or null where one is not in the CLI's form. */
export function parseMoves(value: string | null): Move[] | null {
  if (value === null || value.trim() === '') return [];
  const moves: Move[] = [];
  for (const text of value.split(',')) {
    const arrow = text.lastIndexOf('->');
    if (arrow < 0) return null;
    const left = text.slice(0, arrow);
    const to = text.slice(arrow + 2);
    const c2 = left.lastIndexOf(':');
    const c1 = left.lastIndexOf(':', c2 - 1);
    if (c1 <= 0 || c2 <= c1 + 1 || to === '') return null;
    const from = left.slice(0, c1);
    const industry = left.slice(c1 + 1, c2);
    const how = left.slice(c2 + 1);
    const pct = how.endsWith('%');
    const n = Number(pct ? how.slice(0, -1) : how);
    if (how === '' || !Number.isFinite(n)) return null;
    moves.push(pct ? { from, industry, share: n / 100, to } : { from, industry, amount: n, to });
  }
  return moves;
}

const pairTypeWords: Record<string, Text> = {
  vertical: { en: 'vertical', zh: '垂直分工' },
  horizontal: { en: 'horizontal', zh: '水平分工' },
  mixed: { en: 'mixed', zh: '混合分工' },
  competing: { en: 'competing', zh: '同质竞争' },
  undetermined: { en: 'undetermined', zh: '无法判定' },
};
const roleWords: Record<string, Text> = {
  origin: { en: 'origin', zh: '迁出地' },
  destination: { en: 'destination', zh: '迁入地' },
  both: { en: 'origin and destination', zh: '迁出地与迁入地' },
};
const unitWords: Record<string, Text> = {
  persons: { en: 'persons', zh: '人' },
  CNY: { en: 'CNY', zh: '元' },
  JPY: { en: 'JPY', zh: '日元' },
  USD: { en: 'USD', zh: '美元' },
};

interface Names {
  unit(id: string): string;
  industry(code: string): string;
}

function namesOf(doc: Pick<MetroAnalysis, 'units' | 'industries'> | Pick<ScenarioResult, 'units' | 'industries'>, lang: Lang): Names {
  const units = new Map(doc.units.map((u) => [u.id, lang === 'zh' ? (u.nameZh ?? u.nameEn) : u.nameEn]));
  const industries = new Map(doc.industries.map((i) => [i.code, (lang === 'zh' ? (i.nameZh ?? i.nameEn) : (i.nameEn ?? i.nameZh)) ?? '']));
  return {
    unit: (id) => units.get(id) ?? id,
    industry: (code) => {
      const n = industries.get(code);
      return n === undefined || n === '' ? code : `${code} ${n}`;
    },
  };
}

function MoveForm(props: { analysis: MetroAnalysis; lang: Lang; onAdd: (m: Move) => void }): ReactElement {
  const { analysis, lang, onAdd } = props;
  const names = namesOf(analysis, lang);
  const first = analysis.units[0]?.id ?? '';
  const [from, setFrom] = useState(first);
  const [to, setTo] = useState(analysis.units[1]?.id ?? first);
  const [industry, setIndustry] = useState(analysis.industries[0]?.code ?? '');
  const [kind, setKind] = useState<'share' | 'amount'>('share');
  const [value, setValue] = useState('10');
  const [problem, setProblem] = useState<string | null>(null);
  const unit = unitWords[analysis.unitSet.unit]?.[lang] ?? analysis.unitSet.unit;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) {
      setProblem(tx(lang, 'Give the amount or the share as a number.', '请以数字给出迁移量或比例。'));
      return;
    }
    setProblem(null);
    onAdd(kind === 'share' ? { from, industry, share: n / 100, to } : { from, industry, amount: n, to });
  };
  // The same choices for the origin and the destination.
  const unitOptions = analysis.units.map((u) => (
    <option key={u.id} value={u.id}>
      {names.unit(u.id)}
      {paren(lang, u.id)}
    </option>
  ));
  return (
    <form className="scenario-move" onSubmit={submit}>
      <fieldset>
        <legend>{tx(lang, 'Move an industry', '迁移产业')}</legend>
        <label htmlFor="sc-from" className="sc-field">
          {tx(lang, 'From', '迁出地')}
          <select id="sc-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {unitOptions}
          </select>
        </label>
        <label htmlFor="sc-industry" className="sc-field">
          {tx(lang, 'Industry', '产业')}
          <select id="sc-industry" value={industry} onChange={(e) => setIndustry(e.target.value)}>
            {analysis.industries.map((i) => (
              <option key={i.code} value={i.code}>
                {names.industry(i.code)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="inline">
          <legend>{tx(lang, 'How much', '迁移量')}</legend>
          <label>
            <input type="radio" name="sc-kind" value="share" checked={kind === 'share'} onChange={() => setKind('share')} />
            {tx(lang, 'share of the origin’s value (%)', '占迁出地该产业的比例（%）')}
          </label>
          <label>
            <input type="radio" name="sc-kind" value="amount" checked={kind === 'amount'} onChange={() => setKind('amount')} />
            {tx(lang, `amount (${unit})`, `数量（${unit}）`)}
          </label>
          <input
            id="sc-value"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={value}
            aria-label={kind === 'share' ? tx(lang, 'Share in percent', '比例（%）') : tx(lang, `Amount in ${unit}`, `数量（${unit}）`)}
            onChange={(e) => setValue(e.target.value)}
          />
        </fieldset>
        <label htmlFor="sc-to" className="sc-field">
          {tx(lang, 'To', '迁入地')}
          <select id="sc-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {unitOptions}
          </select>
        </label>
        <button type="submit">{tx(lang, 'Add the move', '添加迁移')}</button>
        {problem === null ? null : (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
      </fieldset>
    </form>
  );
}

/** The chart: LQ before and after of every cell a move touched (the largest changes first). */
function lqChart(result: ScenarioResult, names: Names, lang: Lang): ChartSpec {
  const cells = result.specialisation.cells.slice(0, 12);
  const labels = cells.map((c) => `${names.unit(c.unit)} · ${c.industry}`);
  const u = result.unitSet;
  return {
    kind: 'chart',
    id: 'scenario-lq',
    title: { en: 'Location quotients at both ends, before and after the moves', zh: '迁移前后两端的区位熵' },
    caption: {
      en: `LQ of each unit × industry a move touched (metro reference; LQ ≥ ${formatNumber(lang, result.specialisation.advantageLq)} and traded = an advantage). Data: ${u.indicator}, ${u.year}, unit set ${u.id}.`,
      zh: `每项迁移涉及的单元 × 产业的区位熵（以都市圈为参照；区位熵 ≥ ${formatNumber(lang, result.specialisation.advantageLq)} 且为可贸易产业即为优势产业）。数据：${u.indicator}，${u.year} 年，单元集 ${u.id}。`,
    },
    option: {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 32, containLabel: true },
      xAxis: { type: 'value', name: tx(lang, 'location quotient', '区位熵'), nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: [
        { type: 'bar', name: tx(lang, 'before', '迁移前'), data: cells.map((c) => Number(c.lq.before.toFixed(3))), itemStyle: { color: '#999999' } },
        { type: 'bar', name: tx(lang, 'after', '迁移后'), data: cells.map((c) => Number(c.lq.after.toFixed(3))), itemStyle: { color: '#2166ac' } },
      ],
    },
    map: null,
    width: 720,
    height: Math.max(160, 60 + cells.length * 36),
  };
}

const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);

function ResultView({ result, lang }: { result: ScenarioResult; lang: Lang }): ReactElement {
  const names = useMemo(() => namesOf(result, lang), [result, lang]);
  const chart = useMemo(() => lqChart(result, names, lang), [result, names, lang]);
  const unit = unitWords[result.unitSet.unit]?.[lang] ?? result.unitSet.unit;
  const u = result.unitSet;
  const basis = tx(lang, `${u.indicator}, ${u.year}, unit set ${u.id}`, `${u.indicator}，${u.year} 年，单元集 ${u.id}`);
  const pt = result.pairTypes;
  const types = Object.keys(pairTypeWords) as (keyof typeof pt.counts.before)[];
  const f = result.findings;
  const obs = result.observed;
  return (
    <div className="scenario-result" aria-live="polite">
      <ChartView chart={chart} lang={lang} provenance={tx(lang, `Data: ${basis}`, `数据：${basis}`)} />

      <h3>{tx(lang, 'The moves as applied', '实际执行的迁移')}</h3>
      <ol>
        {result.moves.map((m) => (
          <li key={m.position} title={basis}>
            {tx(
              lang,
              `${formatNumber(lang, m.amount)} ${unit} of ${names.industry(m.industry)} from ${names.unit(m.from)} to ${names.unit(m.to)}${m.shareOfOrigin === null ? '' : ` (${formatNumber(lang, m.shareOfOrigin * 100)}% of the origin’s ${formatNumber(lang, m.originValue)})`}`,
              `${names.industry(m.industry)} ${formatNumber(lang, m.amount)} ${unit}，由${names.unit(m.from)}迁至${names.unit(m.to)}${m.shareOfOrigin === null ? '' : `（占迁出地 ${formatNumber(lang, m.originValue)} 的 ${formatNumber(lang, m.shareOfOrigin * 100)}%）`}`,
            )}
          </li>
        ))}
      </ol>

      <h3>{tx(lang, 'Location quotients at both ends', '两端的区位熵')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{tx(lang, 'Unit', '单元')}</th>
            <th scope="col">{tx(lang, 'Industry', '产业')}</th>
            <th scope="col">{tx(lang, 'Role', '角色')}</th>
            <th scope="col">{tx(lang, `Value (${unit})`, `数值（${unit}）`)}</th>
            <th scope="col">{tx(lang, 'LQ', '区位熵')}</th>
            <th scope="col">{tx(lang, 'Advantage', '优势产业')}</th>
          </tr>
        </thead>
        <tbody>
          {result.specialisation.cells.map((c) => (
            <tr key={`${c.unit}:${c.industry}`}>
              <td>{names.unit(c.unit)}</td>
              <td>{names.industry(c.industry)}</td>
              <td>{roleWords[c.role]?.[lang] ?? c.role}</td>
              <td title={basis}>{arrow(formatNumber(lang, c.value.before), formatNumber(lang, c.value.after))}</td>
              <td title={basis}>{arrow(formatNumber(lang, c.lq.before), formatNumber(lang, c.lq.after))}</td>
              <td>
                {arrow(c.advantage.before ? tx(lang, 'yes', '是') : tx(lang, 'no', '否'), c.advantage.after ? tx(lang, 'yes', '是') : tx(lang, 'no', '否'))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.specialisation.units.length === 0 ? null : (
        <ul>
          {result.specialisation.units.map((s) => (
            <li key={s.unit} title={basis}>
              {names.unit(s.unit)}
              {colon(lang)}
              {tx(lang, 'Krugman specialisation', '克鲁格曼专业化指数')} {arrow(formatNumber(lang, s.krugman.before), formatNumber(lang, s.krugman.after))}
              {s.advantageGained.length === 0
                ? ''
                : tx(
                    lang,
                    `; gains ${s.advantageGained.map((a) => a.industry).join(', ')}`,
                    `；新增优势 ${s.advantageGained.map((a) => a.industry).join('、')}`,
                  )}
              {s.advantageLost.length === 0
                ? ''
                : tx(lang, `; loses ${s.advantageLost.map((a) => a.industry).join(', ')}`, `；失去优势 ${s.advantageLost.map((a) => a.industry).join('、')}`)}
            </li>
          ))}
        </ul>
      )}

      <h3>{tx(lang, 'Pair types', '单元对类型')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{tx(lang, 'Type', '类型')}</th>
            <th scope="col">{tx(lang, 'Before', '迁移前')}</th>
            <th scope="col">{tx(lang, 'After', '迁移后')}</th>
          </tr>
        </thead>
        <tbody>
          {types.map((ty) => (
            <tr key={ty}>
              <th scope="row">{pairTypeWords[ty]?.[lang] ?? ty}</th>
              <td>{pt.counts.before[ty]}</td>
              <td>{pt.counts.after[ty]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {pt.changed === 0
          ? tx(lang, `No pair changed its type (of ${pt.of}).`, `${pt.of} 个单元对的类型均未改变。`)
          : tx(lang, `${pt.changed} of ${pt.of} pairs changed their type:`, `${pt.of} 个单元对中有 ${pt.changed} 个类型改变：`)}
      </p>
      {pt.pairs.length === 0 ? null : (
        <ul>
          {pt.pairs.map((p) => (
            <li key={`${p.a}|${p.b}`} title={basis}>
              {names.unit(p.a)}–{names.unit(p.b)}
              {colon(lang)}
              {arrow(pairTypeWords[p.type.before]?.[lang] ?? p.type.before, pairTypeWords[p.type.after]?.[lang] ?? p.type.after)}
              <small>
                {paren(
                  lang,
                  [
                    `${tx(lang, 'traded z', '可贸易标准分')} ${arrow(formatNumber(lang, p.tradedZ.before), formatNumber(lang, p.tradedZ.after))}`,
                    `${tx(lang, 'functional ratio', '功能比')} ${arrow(formatNumber(lang, p.functionalRatio.before), formatNumber(lang, p.functionalRatio.after))}`,
                    `${tx(lang, 'chain ratio', '产业链比')} ${arrow(formatNumber(lang, p.chainRatio.before), formatNumber(lang, p.chainRatio.after))}`,
                  ].join(tx(lang, '; ', '；')),
                )}
              </small>
            </li>
          ))}
        </ul>
      )}

      <h3>{tx(lang, 'Findings', '诊断发现')}</h3>
      <p>
        {tx(
          lang,
          `${f.count.before} before, ${f.count.after} after; ${f.gained.length} gained, ${f.lost.length} lost, ${f.changed.length} changed.`,
          `迁移前 ${f.count.before} 条，迁移后 ${f.count.after} 条；新增 ${f.gained.length} 条，消失 ${f.lost.length} 条，变化 ${f.changed.length} 条。`,
        )}
      </p>
      {f.gained.length === 0 ? null : (
        <>
          <h4>{tx(lang, 'Gained', '新增')}</h4>
          <ul>
            {f.gained.map((x) => (
              <li key={x.id}>{x.title[lang]}</li>
            ))}
          </ul>
        </>
      )}
      {f.lost.length === 0 ? null : (
        <>
          <h4>{tx(lang, 'Lost', '消失')}</h4>
          <ul>
            {f.lost.map((x) => (
              <li key={x.id}>{x.title[lang]}</li>
            ))}
          </ul>
        </>
      )}
      {f.changed.length === 0 ? null : (
        <details>
          <summary>{tx(lang, `Changed (${f.changed.length})`, `变化（${f.changed.length}）`)}</summary>
          <ul>
            {f.changed.map((x) => (
              <li key={x.id}>
                {x.title.after[lang]}
                <small>{paren(lang, `${tx(lang, 'before', '迁移前')}${colon(lang)}${x.title.before[lang]}`)}</small>
              </li>
            ))}
          </ul>
        </details>
      )}

      <h3>{tx(lang, 'Firms that really moved', '实际迁移的企业')}</h3>
      {obs === null ? (
        <p className="absent">{result.observedAbsent?.[lang] ?? tx(lang, 'No record of firm relocations for this metro.', '本都市圈没有企业迁移记录。')}</p>
      ) : (
        <>
          <p>
            {tx(
              lang,
              `Listed firms whose registered seat moved between units, ${obs.years[0]}–${obs.years[1]} (source ${obs.source}): ${obs.totalFirms} in the metro.`,
              `注册地在单元之间迁移的上市公司，${obs.years[0]}–${obs.years[1]} 年（来源 ${obs.source}）：本都市圈共 ${obs.totalFirms} 家。`,
            )}
          </p>
          <ul>
            {obs.scenarioPairs.map((s) => (
              <li key={`${s.origin}>${s.destination}`} title={`${obs.source}, ${obs.years[0]}–${obs.years[1]}`}>
                {tx(
                  lang,
                  `${names.unit(s.origin)} → ${names.unit(s.destination)}: ${s.firms} firm(s), ${s.firmsInMovedIndustries} in ${s.movedIndustries.join(', ')}; the other way ${s.reverseFirms}.`,
                  `${names.unit(s.origin)} → ${names.unit(s.destination)}：${s.firms} 家，其中 ${s.movedIndustries.join('、')} ${s.firmsInMovedIndustries} 家；反向 ${s.reverseFirms} 家。`,
                )}
                {s.industries.length === 0 ? null : (
                  <ul>
                    {s.industries.map((i) => (
                      <li key={i.section}>
                        {i.industry ?? i.section}
                        {colon(lang)}
                        {i.firms} — {i.examples.join(tx(lang, '; ', '；'))}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {obs.topFlows.length === 0 ? null : (
            <details>
              <summary>{tx(lang, 'The metro’s largest flows of firms', '本都市圈最大的企业迁移流向')}</summary>
              <ul>
                {obs.topFlows.map((t) => (
                  <li key={`${t.origin}>${t.destination}`}>
                    {names.unit(t.origin)} → {names.unit(t.destination)}
                    {colon(lang)}
                    {t.firms} <small>{t.industries.flatMap((i) => i.examples).join(tx(lang, '; ', '；'))}</small>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <details>
            <summary>{tx(lang, 'Caveats of the firm panel', '企业面板的注意事项')}</summary>
            <ul>
              {obs.notes.map((n) => (
                <li key={n.en}>{n[lang]}</li>
              ))}
            </ul>
          </details>
        </>
      )}
      {result.notes.length === 0 ? null : (
        <details>
          <summary>{tx(lang, 'What the scenario keeps as it is', '情景未改变的部分')}</summary>
          <ul>
            {result.notes.map((n) => (
              <li key={n.en}>{n[lang]}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function ScenarioView({ metro, lang, api, params, setParams }: ViewProps): ReactElement {
  const [analysis, setAnalysis] = useState<Loaded<MetroAnalysis> | null>(null);
  useEffect(() => {
    let current = true;
    setAnalysis(null);
    settle(api.analysis(metro, { compare: [] })).then((r) => {
      if (current) setAnalysis(r);
    });
    return () => {
      current = false;
    };
  }, [api, metro]);

  const shown = params.get('moves');
  const parsed = parseMoves(shown);
  const [draft, setDraft] = useState<Move[]>(() => parsed ?? []);
  // A new URL (a shared link, back and forward) replaces the draft.
  useEffect(() => setDraft(parseMoves(shown) ?? []), [shown]);

  const [result, setResult] = useState<Loaded<ScenarioResult> | null>(null);
  const [running, setRunning] = useState(false);
  useEffect(() => {
    const moves = parseMoves(shown);
    setResult(null);
    if (moves === null || moves.length === 0) return undefined;
    let current = true;
    setRunning(true);
    settle(api.scenario(metro, { moves })).then((r) => {
      if (!current) return;
      setResult(r);
      setRunning(false);
    });
    return () => {
      current = false;
      setRunning(false);
    };
  }, [api, metro, shown]);

  const run = () => setParams({ moves: draft.length === 0 ? null : draft.map(moveText).join(',') });
  const names = analysis?.ok === true ? namesOf(analysis.body, lang) : null;
  return (
    <div className="view scenario-view">
      {analysis === null ? (
        <p role="status" aria-busy="true">
          {tx(lang, 'Loading the units and industries…', '正在加载单元与产业……')}
        </p>
      ) : analysis.ok ? (
        <MoveForm key={metro} analysis={analysis.body} lang={lang} onAdd={(m) => setDraft([...draft, m])} />
      ) : (
        <p role="alert" className="error">
          {analysis.message}
        </p>
      )}
      {parsed === null ? (
        <p role="alert" className="error">
          {tx(lang, 'The moves in the link are not in the form FROM:INDUSTRY:AMOUNT->TO.', '链接中的迁移不符合 迁出地:产业:数量->迁入地 的格式。')}
        </p>
      ) : null}
      <section aria-labelledby="sc-moves">
        <h2 id="sc-moves">{tx(lang, 'Moves', '迁移列表')}</h2>
        {draft.length === 0 ? (
          <p className="hint">{tx(lang, 'Add a move, then run the scenario.', '请添加迁移，然后运行情景。')}</p>
        ) : (
          <ol>
            {draft.map((m, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same move may be added twice; removal is by position
              <li key={`${k}:${moveText(m)}`}>
                {names === null
                  ? moveText(m)
                  : tx(
                      lang,
                      `${m.share === undefined ? formatNumber(lang, m.amount ?? 0) : `${formatNumber(lang, m.share * 100)}%`} of ${names.industry(m.industry)}: ${names.unit(m.from)} → ${names.unit(m.to)}`,
                      `${names.industry(m.industry)} ${m.share === undefined ? formatNumber(lang, m.amount ?? 0) : `${formatNumber(lang, m.share * 100)}%`}：${names.unit(m.from)} → ${names.unit(m.to)}`,
                    )}{' '}
                <button
                  type="button"
                  onClick={() => setDraft(draft.filter((_, j) => j !== k))}
                  aria-label={tx(lang, `Remove move ${k + 1}`, `删除第 ${k + 1} 项迁移`)}
                >
                  {tx(lang, 'Remove', '删除')}
                </button>
              </li>
            ))}
          </ol>
        )}
        <div className="actions">
          <button type="button" onClick={run} disabled={draft.length === 0}>
            {tx(lang, 'Run the scenario', '运行情景')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft([]);
              setParams({ moves: null });
            }}
            disabled={draft.length === 0 && shown === null}
          >
            {tx(lang, 'Clear', '清空')}
          </button>
        </div>
      </section>
      <section aria-labelledby="sc-result">
        <h2 id="sc-result">{tx(lang, 'What changes', '变化')}</h2>
        {running ? (
          <p role="status" aria-busy="true">
            {tx(lang, 'Running the scenario…', '正在运行情景……')}
          </p>
        ) : result === null ? (
          <p className="hint">{tx(lang, 'Run a scenario to see what changes.', '运行情景后在此查看变化。')}</p>
        ) : result.ok ? (
          <ResultView result={result.body} lang={lang} />
        ) : (
          <p role="alert" className="error scenario-error">
            {result.message}
          </p>
        )}
      </section>
    </div>
  );
}
