/**
 * Who should work with whom: the gravity linkage between units and the input–output chain complementarity as flow
 * maps, and the plan's transport priorities (pairs with a strong expected interaction and a slow or no direct train),
 * each with the numbers that ranked it.
 */
import type { MetroAnalysis, MetroPlan } from '@metrocoop/core';
import { chainFlowMap, linkageFlowMap } from '@metrocoop/viz';
import { LinesChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import { use } from 'echarts/core';
import type { ReactElement } from 'react';
import { ChartView } from '../chart.tsx';
import { formatNumber, nameOf, pick, tr } from '../i18n.ts';
import { Loaded, matrixProvenance, NumbersTable, useMetroData, useRequest } from '../kit.tsx';
import type { Lang, ViewProps } from './types.ts';

// The chart types this view draws besides the maps' (chart.tsx): the flows on the map.
use([LinesChart, LegendComponent]);

type Priority = MetroPlan['transport']['headline'][number];

/**
 * The chain map's sources (the end of its tooltips): the input–output table whose coefficients it reads — its id,
 * year, mapping to the analysis classification and entry in the source list, as the analysis names it
 * (`complementarity.table`) — and the
 * matrix the location quotients come from. Without a table the chart is absent; the matrix alone is named then.
 */
export function chainProvenance(a: MetroAnalysis, lang: Lang): string {
  const t = a.complementarity.table;
  if (t === null) return matrixProvenance(a, lang);
  const [open, close, sep] = lang === 'zh' ? ['（', '）', '；'] : [' (', ')', '; '];
  const listed = t.source === null ? '' : `${sep}${t.source}`;
  return `${tr(lang, 'source')}: ${tr(lang, 'ioTable')} ${t.id}${open}${t.year}${sep}${t.mapping}${listed}${close} · ${tr(lang, 'lqFrom')}: ${a.unitSet.source}, ${a.unitSet.year}`;
}

const statusText = (lang: Lang, s: string): string =>
  ({ slow: { en: 'slow direct train', zh: '直达但较慢' }, 'no-direct-train': { en: 'no direct train', zh: '无直达列车' } })[s]?.[lang] ?? s;

function TransportPriorities({ props }: { readonly props: ViewProps }): ReactElement {
  const { lang } = props;
  const units = props.params.get('units');
  const request = useRequest(`${props.metro}|${units}`, () => props.api.plan(props.metro, { units }));
  return (
    <section>
      <h2>{tr(lang, 'transportPriorities')}</h2>
      <Loaded lang={lang} request={request}>
        {(plan) => {
          const t = plan.transport;
          const rows: Priority[] = [...t.headline, ...t.rest];
          const timetable = t.timetable.sources.map((s) => `${s.source} (${pick(lang, s.label)})`).join(', ');
          return (
            <>
              {rows.length === 0 ? (
                <p>{tr(lang, 'noPriorities')}</p>
              ) : (
                <ol className="findings">
                  {t.headline.slice(0, 5).map((p) => (
                    <li key={`${p.a.id}|${p.b.id}`} title={pick(lang, p.detail)}>
                      {pick(lang, p.title)}
                    </li>
                  ))}
                </ol>
              )}
              {t.unknown.count > 0 && <p className="note">{pick(lang, t.unknown.text)}</p>}
              {rows.length > 0 && (
                <NumbersTable
                  lang={lang}
                  caption={tr(lang, 'transportPriorities')}
                  rows={rows}
                  rowKey={(p) => `${p.a.id}|${p.b.id}`}
                  columns={[
                    { label: tr(lang, 'rank'), numeric: true, cell: (p) => String(p.rank) },
                    { label: tr(lang, 'pair'), cell: (p) => `${nameOf(lang, p.a)} – ${nameOf(lang, p.b)}` },
                    {
                      label: tr(lang, 'status'),
                      cell: (p) => statusText(lang, p.status),
                      title: (p) => `${p.rail.source}${p.rail.timetableDate ? `, ${p.rail.timetableDate}` : ''}`,
                    },
                    { label: tr(lang, 'railMinutes'), numeric: true, cell: (p) => formatNumber(lang, p.rail.minutes) },
                    { label: tr(lang, 'km'), numeric: true, cell: (p) => formatNumber(lang, p.km) },
                    { label: tr(lang, 'interaction'), numeric: true, cell: (p) => formatNumber(lang, p.interaction) },
                  ]}
                />
              )}
              {timetable !== '' && (
                <p className="provenance">
                  {tr(lang, 'source')}: {timetable} · {t.year}
                </p>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

export function Linkage(props: ViewProps): ReactElement {
  const { lang } = props;
  const request = useMetroData(props);
  return (
    <div className="view-grid">
      <div className="main-col">
        <Loaded lang={lang} request={request}>
          {({ analysis: a, geometries }) => {
            const l = a.linkage;
            const pairs = l.pairs.a.map((ai, k) => ({ k, a: ai, b: l.pairs.b[k] as number }));
            const name = (k: number) => {
              const u = a.units[k];
              return u === undefined ? String(k) : nameOf(lang, u);
            };
            return (
              <>
                <ChartView chart={linkageFlowMap(a, { lang, geometries })} lang={lang} provenance={matrixProvenance(a, lang)} />
                <NumbersTable
                  lang={lang}
                  caption={tr(lang, 'linkage')}
                  rows={[...pairs].sort((x, y) => (l.pairs.normalised[y.k] ?? -1) - (l.pairs.normalised[x.k] ?? -1))}
                  rowKey={(p) => String(p.k)}
                  columns={[
                    { label: tr(lang, 'pair'), cell: (p) => `${name(p.a)} – ${name(p.b)}` },
                    { label: tr(lang, 'interaction'), numeric: true, cell: (p) => formatNumber(lang, l.pairs.normalised[p.k] ?? null) },
                    { label: tr(lang, 'km'), numeric: true, cell: (p) => formatNumber(lang, l.pairs.km[p.k] ?? null) },
                    { label: tr(lang, 'railMinutes'), numeric: true, cell: (p) => formatNumber(lang, l.pairs.railMinutes[p.k] ?? null) },
                  ]}
                />
                <ChartView chart={chainFlowMap(a, { lang, geometries })} lang={lang} provenance={chainProvenance(a, lang)} />
              </>
            );
          }}
        </Loaded>
      </div>
      <aside className="side-col">
        <TransportPriorities props={props} />
      </aside>
    </div>
  );
}
