/**
 * Where the units collide: the similarity of every pair (traded industries by default, all industries on request),
 * the traded hot spots (industries in which several units specialise), the trend of the homogenisation index over the
 * years; the pairs' numbers a click away.
 */
import type { MetroAnalysis } from '@metrocoop/core';
import { type Chart, similarityHeatmap } from '@metrocoop/viz';
import { HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { use } from 'echarts/core';
import type { ReactElement } from 'react';
import { ChartView } from '../chart.tsx';
import { formatNumber, tr } from '../i18n.ts';
import { Loaded, matrixProvenance, NumbersTable, ParamSelect, useMetroData } from '../kit.tsx';
import { industryName, unitName } from './common.ts';
import type { Lang, ViewProps } from './types.ts';

// The chart types this view draws besides the maps' (chart.tsx): the similarity heat map, the trend lines.
use([HeatmapChart, LineChart, GridComponent, LegendComponent]);

/** The homogenisation index and the mean traded similarity by year, as a line chart. */
export function trendChart(a: MetroAnalysis, lang: Lang): Chart {
  const title = { en: 'Homogenisation over the years', zh: '同质化的历年变化' };
  const rows = a.homogenisation.trend;
  if (rows.length < 2) return { kind: 'absent', id: 'homogenisation-trend', title, reason: { en: 'Fewer than two years of data.', zh: '数据不足两年。' } };
  const years = rows.map((r) => String(r.year));
  return {
    kind: 'chart',
    id: 'homogenisation-trend',
    title,
    caption: {
      en: `Homogenisation index (share of unit pairs with the same traded specialisations) and mean traded similarity, ${years[0]}–${years[years.length - 1]}; ${a.unitSet.source}.`,
      zh: `同质化指数（贸易部门专业化相同的单元对占比）与贸易部门平均相似度，${years[0]}–${years[years.length - 1]} 年；${a.unitSet.source}。`,
    },
    option: {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', min: 0, max: 1 },
      series: [
        { type: 'line', name: tr(lang, 'homogenisationIndex'), data: rows.map((r) => r.index ?? '-'), symbolSize: 8 },
        { type: 'line', name: tr(lang, 'meanTradedSimilarity'), data: rows.map((r) => r.meanTradedSimilarity ?? '-'), symbolSize: 8 },
      ],
    },
    map: null,
    width: 520,
    height: 280,
  };
}

export function Homogenisation(props: ViewProps): ReactElement {
  const { lang } = props;
  const request = useMetroData(props, false);
  const measure = props.params.get('similarity') === 'structural' ? 'structural' : 'traded';
  return (
    <Loaded lang={lang} request={request}>
      {({ analysis: a }) => {
        const provenance = matrixProvenance(a, lang);
        const h = a.homogenisation;
        const pairs = h.pairs.a.map((ai, k) => ({ k, a: ai, b: h.pairs.b[k] as number }));
        return (
          <div className="view-grid">
            <div className="main-col">
              <ParamSelect
                label={tr(lang, 'similarityMeasure')}
                value={measure}
                options={[
                  { value: 'traded', label: tr(lang, 'traded') },
                  { value: 'structural', label: tr(lang, 'structural') },
                ]}
                onChange={(v) => props.setParams({ similarity: v === 'traded' ? null : v })}
              />
              <ChartView chart={similarityHeatmap(a, { lang, measure })} lang={lang} provenance={provenance} />
              <NumbersTable
                lang={lang}
                caption={tr(lang, 'pair')}
                rows={[...pairs].sort((x, y) => (h.pairs.tradedSimilarity[y.k] ?? -1) - (h.pairs.tradedSimilarity[x.k] ?? -1))}
                rowKey={(p) => String(p.k)}
                columns={[
                  { label: tr(lang, 'pair'), cell: (p) => `${unitName(a, lang, p.a)} – ${unitName(a, lang, p.b)}` },
                  { label: tr(lang, 'tradedSimilarity'), numeric: true, cell: (p) => formatNumber(lang, h.pairs.tradedSimilarity[p.k] ?? null) },
                  { label: tr(lang, 'structural'), numeric: true, cell: (p) => formatNumber(lang, h.pairs.similarity[p.k] ?? null) },
                  { label: tr(lang, 'same'), cell: (p) => (h.pairs.same[p.k] == null ? '—' : tr(lang, h.pairs.same[p.k] ? 'yes' : 'no')) },
                ]}
              />
            </div>
            <aside className="side-col">
              <section>
                <h2>{tr(lang, 'hotSpots')}</h2>
                {h.hotSpots.length === 0 ? (
                  <p>{tr(lang, 'noHotSpots')}</p>
                ) : (
                  <ol className="findings">
                    {h.hotSpots.slice(0, 8).map((s) => (
                      <li key={s.industry} title={provenance}>
                        <strong>{industryName(a, lang, s.industry)}</strong>: {s.units.map((u) => unitName(a, lang, u)).join(lang === 'zh' ? '、' : ', ')} (
                        {tr(lang, 'score')} {formatNumber(lang, s.score)})
                      </li>
                    ))}
                  </ol>
                )}
              </section>
              <ChartView chart={trendChart(a, lang)} lang={lang} provenance={provenance} height={260} />
              <NumbersTable
                lang={lang}
                caption={tr(lang, 'trendTitle')}
                rows={h.trend}
                rowKey={(r) => String(r.year)}
                columns={[
                  { label: tr(lang, 'year'), cell: (r) => String(r.year) },
                  { label: tr(lang, 'homogenisationIndex'), numeric: true, cell: (r) => formatNumber(lang, r.index) },
                  { label: tr(lang, 'meanTradedSimilarity'), numeric: true, cell: (r) => formatNumber(lang, r.meanTradedSimilarity) },
                ]}
              />
            </aside>
          </div>
        );
      }}
    </Loaded>
  );
}
