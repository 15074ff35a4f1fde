/**
 * What kind of cooperation each pair can have: the pair-type matrix (vertical, horizontal, mixed, competing,
 * undetermined) with the numbers that decided each type, and the drivers of cooperation for the metro or its most
 * linked pairs.
 */
import { driversChart, pairTypeMatrix } from '@metrocoop/viz';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { use } from 'echarts/core';
import type { ReactElement } from 'react';
import { ChartView } from '../chart.tsx';
import { formatNumber, type MessageKey, tr } from '../i18n.ts';
import { Loaded, matrixProvenance, NumbersTable, ParamSelect, useMetroData } from '../kit.tsx';
import { unitName } from './common.ts';
import type { ViewProps } from './types.ts';

// The chart types this view draws besides the maps' (chart.tsx): the pair-type matrix (a heat map), the drivers (bars).
use([BarChart, HeatmapChart, GridComponent, LegendComponent]);

const typeKeys: Record<string, MessageKey> = {
  vertical: 'vertical',
  horizontal: 'horizontal',
  mixed: 'mixed',
  competing: 'competing',
  undetermined: 'undetermined',
};

export function Pairs(props: ViewProps): ReactElement {
  const { lang } = props;
  const request = useMetroData(props, false);
  const driversView = props.params.get('drivers') === 'pairs' ? 'pairs' : 'metro';
  return (
    <Loaded lang={lang} request={request}>
      {({ analysis: a }) => {
        const provenance = matrixProvenance(a, lang);
        const p = a.typology.pairs;
        const sim = a.homogenisation.pairs;
        const rows = p.a.map((ai, k) => ({ k, a: ai, b: p.b[k] as number }));
        const order = ['vertical', 'mixed', 'horizontal', 'competing', 'undetermined'];
        rows.sort((x, y) => order.indexOf(p.type[x.k] ?? '') - order.indexOf(p.type[y.k] ?? ''));
        const typeName = (t: string | undefined) => (t !== undefined && typeKeys[t] ? tr(lang, typeKeys[t] as MessageKey) : (t ?? '—'));
        return (
          <div className="view-grid">
            <div className="main-col">
              <ChartView chart={pairTypeMatrix(a, { lang })} lang={lang} provenance={provenance} />
              <NumbersTable
                lang={lang}
                caption={tr(lang, 'pairs')}
                open={rows.length <= 12}
                rows={rows}
                rowKey={(r) => String(r.k)}
                columns={[
                  { label: tr(lang, 'pair'), cell: (r) => `${unitName(a, lang, r.a)} – ${unitName(a, lang, r.b)}` },
                  { label: tr(lang, 'type'), cell: (r) => typeName(p.type[r.k]) },
                  { label: tr(lang, 'functionalRatio'), numeric: true, cell: (r) => formatNumber(lang, p.functionalRatio[r.k] ?? null) },
                  { label: tr(lang, 'chainRatio'), numeric: true, cell: (r) => formatNumber(lang, p.chainRatio[r.k] ?? null) },
                  { label: tr(lang, 'tradedSimilarity'), numeric: true, cell: (r) => formatNumber(lang, sim.tradedSimilarity[r.k] ?? null) },
                  { label: tr(lang, 'same'), cell: (r) => (sim.same[r.k] == null ? '—' : tr(lang, sim.same[r.k] ? 'yes' : 'no')) },
                ]}
              />
            </div>
            <aside className="side-col">
              <ParamSelect
                label={tr(lang, 'driversView')}
                value={driversView}
                options={[
                  { value: 'metro', label: tr(lang, 'driversMetro') },
                  { value: 'pairs', label: tr(lang, 'driversPairs') },
                ]}
                onChange={(v) => props.setParams({ drivers: v === 'metro' ? null : v })}
              />
              <ChartView chart={driversChart(a, { lang, view: driversView })} lang={lang} provenance={provenance} height={340} />
              <dl className="counts">
                {Object.entries(a.typology.counts).map(([type, n]) => (
                  <div key={type}>
                    <dt>{typeName(type)}</dt>
                    <dd>{n}</dd>
                  </div>
                ))}
              </dl>
            </aside>
          </div>
        );
      }}
    </Loaded>
  );
}
