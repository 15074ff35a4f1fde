/**
 * The plan view: the positions chart first (stated in plans, the optimum, today), the weights of the capability
 * score, λ and the number of leads as inputs (a change re-runs the plan on the server; the values live in the URL),
 * then each unit's three columns and the items under the paper's four recommendation headings, every number with
 * the data's indicator and year on hover.
 */
import type { MetroPlan, PlanRecommendation, PositionsUnit } from '@metrocoop/core';
import { positionsChart } from '@metrocoop/viz';
import { GridComponent, LegendComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { type FormEvent, type ReactElement, useEffect, useMemo, useState } from 'react';
import { ChartView } from '../chart.tsx';
import { formatNumber } from '../i18n.ts';
import { colon, type Loaded, paren, settle, tx } from './common.ts';
import type { Lang, ViewProps } from './types.ts';

// The chart types this view draws besides the maps' (chart.tsx): the positions (a scatter on axes).
use([GridComponent, LegendComponent]);

type Text = { readonly en: string; readonly zh: string };

/** The inputs: URL parameter, the plan's setting it maps to, default, bounds. */
interface Field {
  readonly key: 'lq' | 'relatedness' | 'shift' | 'chain' | 'lambda' | 'leads';
  readonly label: Text;
  readonly help: Text;
  readonly fallback: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

const fields: readonly Field[] = [
  {
    key: 'lq',
    label: { en: 'Weight of the location quotient', zh: '区位熵权重' },
    help: { en: 'the unit’s present position (default 1)', zh: '单元的现有地位（默认 1）' },
    fallback: 1,
    min: 0,
    max: 5,
    step: 0.1,
  },
  {
    key: 'relatedness',
    label: { en: 'Weight of relatedness density', zh: '关联密度权重' },
    help: { en: 'what the unit can move into (default 0.5)', zh: '单元可延伸的方向（默认 0.5）' },
    fallback: 0.5,
    min: 0,
    max: 5,
    step: 0.1,
  },
  {
    key: 'shift',
    label: { en: 'Weight of the competitive shift', zh: '竞争偏离权重' },
    help: { en: 'momentum since the base year (default 0.5)', zh: '基年以来的增长势头（默认 0.5）' },
    fallback: 0.5,
    min: 0,
    max: 5,
    step: 0.1,
  },
  {
    key: 'chain',
    label: { en: 'Weight of chain complementarity', zh: '产业链互补权重' },
    help: { en: 'what the linked partners need (default 0.5)', zh: '相连单元的需求（默认 0.5）' },
    fallback: 0.5,
    min: 0,
    max: 5,
    step: 0.1,
  },
  {
    key: 'lambda',
    label: { en: 'λ, penalty on duplicated leads', zh: 'λ：重复主导产业惩罚' },
    help: { en: 'linked units leading the same industry (default 1)', zh: '相连单元主导同一产业的代价（默认 1）' },
    fallback: 1,
    min: 0,
    max: 10,
    step: 0.1,
  },
  {
    key: 'leads',
    label: { en: 'Lead industries per unit', zh: '每个单元的主导产业数' },
    help: { en: 'at most (integer, default 2)', zh: '最多（整数，默认 2）' },
    fallback: 2,
    min: 1,
    max: 6,
    step: 1,
  },
];

/** The CLI's and the server's names of the component weights (`--weights lq=1,relatedness=0.5,shift=0.5,chain=0.5`). */
const weightKeys = [
  ['lq', 'locationQuotient'],
  ['relatedness', 'relatedness'],
  ['shift', 'competitiveShift'],
  ['chain', 'chain'],
] as const;

type Values = Record<Field['key'], string>;

function valuesOf(params: URLSearchParams): Values {
  const v = {} as Record<Field['key'], string>;
  for (const f of fields) v[f.key] = params.get(f.key) ?? String(f.fallback);
  return v;
}

/** The plan request's query from the URL: only what differs from the defaults. */
function planQuery(params: URLSearchParams): URLSearchParams {
  const q = new URLSearchParams();
  const leads = params.get('leads');
  const lambda = params.get('lambda');
  if (leads !== null) q.set('leads', leads);
  if (lambda !== null) q.set('duplication', lambda);
  const weights = weightKeys.flatMap(([key]) => {
    const v = params.get(key);
    return v === null ? [] : [`${key}=${v}`];
  });
  if (weights.length > 0) q.set('weights', weights.join(','));
  return q;
}

/** The weights asked for that the returned plan did not use (a server that does not take them). */
function weightsNotApplied(params: URLSearchParams, plan: MetroPlan): string[] {
  const used = plan.positions.settings.weights;
  return weightKeys.flatMap(([key, name]) => {
    const v = params.get(key);
    return v !== null && Math.abs(Number(v) - used[name]) > 1e-9 ? [key] : [];
  });
}

const ringWords: Record<PositionsUnit['ring'], Text> = {
  core: { en: 'core', zh: '核心' },
  inner: { en: 'inner ring', zh: '内圈' },
  outer: { en: 'outer ring', zh: '外圈' },
};
const ringOrder: Record<PositionsUnit['ring'], number> = { core: 0, inner: 1, outer: 2 };

function PlanForm({ lang, params, setParams }: Pick<ViewProps, 'lang' | 'params' | 'setParams'>): ReactElement {
  const [draft, setDraft] = useState<Values>(() => valuesOf(params));
  const key = params.toString();
  // A new URL (a shared link, back and forward) resets the inputs.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL string is the dependency
  useEffect(() => setDraft(valuesOf(params)), [key]);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    for (const f of fields) {
      const v = Number(draft[f.key]);
      const bad = draft[f.key].trim() === '' || !Number.isFinite(v) || v < f.min || (f.step === 1 && !Number.isInteger(v));
      if (bad) {
        setProblem(
          tx(
            lang,
            `${f.label.en}: give a number ≥ ${f.min}${f.step === 1 ? ' (an integer)' : ''}.`,
            `${f.label.zh}：请输入 ≥ ${f.min} 的${f.step === 1 ? '整数' : '数'}。`,
          ),
        );
        return;
      }
    }
    setProblem(null);
    const next: Record<string, string | null> = {};
    for (const f of fields) next[f.key] = Number(draft[f.key]) === f.fallback ? null : String(Number(draft[f.key]));
    setParams(next);
  };
  const reset = () => {
    const next: Record<string, string | null> = {};
    for (const f of fields) next[f.key] = null;
    setParams(next);
  };
  return (
    <form className="plan-weights" onSubmit={submit} aria-describedby="plan-weights-help">
      <fieldset>
        <legend>{tx(lang, 'Weights of the positions', '功能定位的权重')}</legend>
        <p id="plan-weights-help" className="hint">
          {tx(
            lang,
            'Score = Σ weight × component (each centred on the units’ mean) − λ × duplication with linked units. Change a value and re-run: the plan is solved again on the server.',
            '得分 = Σ 权重 × 分项（各以单元均值为中心）− λ × 与相连单元的重复。修改数值后重新计算：服务器将重新求解规划。',
          )}
        </p>
        <div className="fields">
          {fields.map((f) => (
            <label key={f.key} htmlFor={`plan-${f.key}`}>
              <span>{f.label[lang]}</span>
              <input
                id={`plan-${f.key}`}
                type="number"
                inputMode="decimal"
                min={f.min}
                max={f.max}
                step={f.step}
                value={draft[f.key]}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
              <small>{f.help[lang]}</small>
            </label>
          ))}
        </div>
        <div className="actions">
          <button type="submit">{tx(lang, 'Re-run the plan', '重新计算规划')}</button>
          <button type="button" onClick={reset}>
            {tx(lang, 'Defaults', '恢复默认')}
          </button>
        </div>
        {problem === null ? null : (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
      </fieldset>
    </form>
  );
}

function PlanBody({ plan, lang, params }: { plan: MetroPlan; lang: Lang; params: URLSearchParams }): ReactElement {
  const chart = useMemo(() => positionsChart(plan, { lang }), [plan, lang]);
  const industries = useMemo(() => new Map(plan.industries.map((i) => [i.code, i])), [plan]);
  const units = useMemo(() => new Map(plan.units.map((u) => [u.id, u])), [plan]);
  const ind = (code: string): string => {
    const i = industries.get(code);
    const name = i === undefined ? null : lang === 'zh' ? (i.nameZh ?? i.nameEn) : (i.nameEn ?? i.nameZh);
    return name === null ? code : `${code} ${name}`;
  };
  const unitName = (id: string): string => {
    const u = units.get(id);
    return u === undefined ? id : lang === 'zh' ? (u.nameZh ?? u.nameEn) : u.nameEn;
  };
  const u = plan.unitSet;
  const basis = tx(
    lang,
    `${u.indicator}, ${u.year} (unit set ${u.id}, ${u.classification})`,
    `${u.indicator}，${u.year} 年（单元集 ${u.id}，${u.classification}）`,
  );
  const lqTitle = (lq: number | null) => (lq === null ? tx(lang, 'no LQ: a gap', '无区位熵：数据缺口') : `LQ ${formatNumber(lang, lq)} — ${basis}`);
  const notApplied = weightsNotApplied(params, plan);
  const p = plan.positions;
  const sortedUnits = [...p.units].sort((a, b) => ringOrder[a.ring] - ringOrder[b.ring] || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return (
    <>
      {notApplied.length === 0 ? null : (
        <p role="status" className="warning">
          {tx(
            lang,
            `The server did not apply the weight(s) ${notApplied.join(', ')}: the plan below uses ${weightKeys.map(([k, n]) => `${k} ${p.settings.weights[n]}`).join(', ')}.`,
            `服务器未采用权重 ${notApplied.join('、')}：下方规划使用 ${weightKeys.map(([k, n]) => `${k} ${p.settings.weights[n]}`).join('、')}。`,
          )}
        </p>
      )}
      <ChartView chart={chart} lang={lang} provenance={tx(lang, `Data: ${basis}`, `数据：${basis}`)} />
      <p className="basis">
        {tx(lang, 'Data: ', '数据：')}
        {basis}
        {tx(
          lang,
          ` · weights lq ${p.settings.weights.locationQuotient}, relatedness ${p.settings.weights.relatedness}, shift ${p.settings.weights.competitiveShift}, chain ${p.settings.weights.chain}; λ ${p.settings.duplicationPenalty}; ${p.settings.minLeadsPerUnit}–${p.settings.leadsPerUnit} leads per unit`,
          ` · 权重 lq ${p.settings.weights.locationQuotient}、relatedness ${p.settings.weights.relatedness}、shift ${p.settings.weights.competitiveShift}、chain ${p.settings.weights.chain}；λ ${p.settings.duplicationPenalty}；每个单元 ${p.settings.minLeadsPerUnit}–${p.settings.leadsPerUnit} 个主导产业`,
        )}
        {p.sensitivity === null
          ? null
          : tx(lang, ` · stable choices ${p.sensitivity.stable} of ${p.sensitivity.of}`, ` · 稳定的选择 ${p.sensitivity.stable}/${p.sensitivity.of}`)}
      </p>
      {p.status === 'not-judgeable' ? <p className="absent">{p.reason?.[lang] ?? ''}</p> : null}

      <h2>{tx(lang, 'Each unit: stated, optimum, today', '各单元：规划定位、优化结果、现状')}</h2>
      {sortedUnits.map((unit) => (
        <section key={unit.unit} className="plan-unit" aria-labelledby={`plan-unit-${unit.unit}`}>
          <h3 id={`plan-unit-${unit.unit}`}>
            {lang === 'zh' ? (unit.nameZh ?? unit.nameEn) : unit.nameEn}
            <small>{paren(lang, ringWords[unit.ring][lang])}</small>
          </h3>
          <div className="columns three">
            <div>
              <h4>{tx(lang, 'Stated in plans', '规划定位')}</h4>
              {unit.stated.length === 0 ? (
                <p className="absent">{tx(lang, 'No position stated in the plans on record.', '所收录的规划中没有定位表述。')}</p>
              ) : (
                <ul>
                  {unit.stated.map((s) => (
                    <li key={s.item}>
                      {(lang === 'zh' ? (s.textZh ?? s.textEn) : (s.textEn ?? s.textZh)) ?? s.item}{' '}
                      <small>
                        {paren(
                          lang,
                          `${s.item} · ${
                            s.testable
                              ? tx(lang, s.verified ? 'borne out by the data' : 'not borne out by the data', s.verified ? '数据支持' : '数据不支持')
                              : (s.note?.[lang] ?? tx(lang, 'not testable at this level', '此层级无法检验'))
                          }`,
                        )}
                      </small>
                      {s.industries.length === 0 ? null : (
                        <ul>
                          {s.industries.map((i) => (
                            <li key={i.industry} title={lqTitle(i.lq)}>
                              {ind(i.industry)}
                              {colon(lang)}
                              {tx(lang, 'LQ', '区位熵')} {formatNumber(lang, i.lq)}
                              {i.chosen ? tx(lang, ' · chosen by the optimum', ' · 优化结果选中') : ''}
                              {i.candidate ? '' : tx(lang, ' · not a candidate (not traded)', ' · 非候选（非可贸易）')}
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h4>{tx(lang, 'Optimum', '优化结果')}</h4>
              {unit.chosen.length === 0 ? (
                <p className="absent">{tx(lang, 'Not judgeable at this level.', '此层级无法判断。')}</p>
              ) : (
                <ol>
                  {unit.chosen.map((c) => (
                    <li key={c.industry} title={`${c.note[lang]} — ${basis}`}>
                      <strong>{ind(c.industry)}</strong> · {tx(lang, 'score', '得分')} {formatNumber(lang, c.score)}
                      {c.netScore === c.score ? '' : tx(lang, ` (net ${formatNumber(lang, c.netScore)})`, `（净 ${formatNumber(lang, c.netScore)}）`)} ·{' '}
                      {tx(lang, 'LQ', '区位熵')} {formatNumber(lang, c.components.lq)}
                      {c.fixed === null ? '' : tx(lang, ' · fixed', ' · 固定')}
                      {c.minimumOnly ? tx(lang, ' · only to reach the minimum', ' · 仅为满足最少数量') : ''}
                      {c.sensitivity === null || c.sensitivity.stable ? '' : tx(lang, ' · flips when weights change', ' · 权重变化时会改变')}
                    </li>
                  ))}
                </ol>
              )}
              {unit.givenUp.length === 0 ? null : (
                <details>
                  <summary>{tx(lang, `Given up (${unit.givenUp.length})`, `放弃的产业（${unit.givenUp.length}）`)}</summary>
                  <ul>
                    {unit.givenUp.map((g) => (
                      <li key={g.industry}>{g.note[lang]}</li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
            <div>
              <h4>{tx(lang, 'Today (strongest LQ)', '现状（区位熵最高）')}</h4>
              {unit.today.length === 0 ? (
                <p className="absent">{tx(lang, 'No advantage industry.', '没有优势产业。')}</p>
              ) : (
                <ul>
                  {unit.today.map((x) => (
                    <li key={x.industry} title={lqTitle(x.lq)}>
                      {ind(x.industry)}
                      {colon(lang)}
                      {tx(lang, 'LQ', '区位熵')} {formatNumber(lang, x.lq)}
                      {x.traded ? '' : tx(lang, ' (not traded)', '（非可贸易）')}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </section>
      ))}

      <h2>{tx(lang, 'Recommendations under the four headings', '四个方面的建议')}</h2>
      {plan.sections.map((s) => (
        <section key={s.heading} className="plan-heading" aria-labelledby={`plan-h-${s.heading}`}>
          <h3 id={`plan-h-${s.heading}`}>{s.title[lang]}</h3>
          {s.items.length === 0 ? (
            <p className="absent">{s.empty?.[lang] ?? tx(lang, 'Nothing to recommend.', '无建议。')}</p>
          ) : (
            <ol>
              {s.items.map((item) => (
                <RecommendationItem key={item.id} item={item} lang={lang} unitName={unitName} ind={ind} basis={basis} />
              ))}
            </ol>
          )}
          {s.more > 0 ? <p className="more">{tx(lang, `${s.more} more in the plan’s parts.`, `另有 ${s.more} 项见规划各部分。`)}</p> : null}
        </section>
      ))}
      {plan.notes.length === 0 ? null : (
        <details>
          <summary>{tx(lang, 'Notes', '说明')}</summary>
          <ul>
            {plan.notes.map((n) => (
              <li key={n.en}>{n[lang]}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function RecommendationItem(props: {
  item: PlanRecommendation;
  lang: Lang;
  unitName: (id: string) => string;
  ind: (code: string) => string;
  basis: string;
}): ReactElement {
  const { item, lang, unitName, ind, basis } = props;
  const values = Object.entries(item.values);
  return (
    <li>
      {item.title[lang]}
      <details>
        <summary>{tx(lang, 'The numbers', '数据')}</summary>
        <p>
          {tx(lang, 'Units: ', '单元：')}
          {item.units.map(unitName).join(tx(lang, ', ', '、')) || '—'} · {tx(lang, 'Industries: ', '产业：')}
          {item.industries.map(ind).join(tx(lang, ', ', '、')) || '—'}
        </p>
        {values.length === 0 ? null : (
          <table>
            <caption>{tx(lang, 'The numbers that decided it', '决定该建议的数据')}</caption>
            <tbody>
              {values.map(([name, v]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td title={basis}>{v === null ? tx(lang, 'gap', '缺口') : formatNumber(lang, v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <small>
            {tx(lang, 'From: ', '来源：')}
            {item.refs.map((r) => `${r.part}/${r.id}`).join(' · ')}
          </small>
        </p>
      </details>
    </li>
  );
}

export function PlanView({ metro, lang, api, params, setParams }: ViewProps): ReactElement {
  const query = planQuery(params).toString();
  const [state, setState] = useState<Loaded<MetroPlan> | null>(null);
  useEffect(() => {
    let current = true;
    setState(null);
    // The client's own plan() does not pass the component weights: the path is written here (same cache per path).
    settle(api.get<MetroPlan>(`/api/metros/${encodeURIComponent(metro)}/plan${query === '' ? '' : `?${query}`}`)).then((r) => {
      if (current) setState(r);
    });
    return () => {
      current = false;
    };
  }, [api, metro, query]);
  return (
    <div className="view plan-view">
      <PlanForm lang={lang} params={params} setParams={setParams} />
      {state === null ? (
        <p role="status" aria-busy="true">
          {tx(lang, 'Solving the plan…', '正在求解规划……')}
        </p>
      ) : state.ok ? (
        <PlanBody plan={state.body} lang={lang} params={params} />
      ) : (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
    </div>
  );
}
