/**
 * Who does what: the composition of each unit (stacked bars of its industry groups), the location quotient of one
 * industry on the map, the core → ring gradient; the location quotients of every unit × industry a click away.
 */
import { choroplethMap, ringGradientChart, structureBars } from '@metrocoop/viz';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { use } from 'echarts/core';
import type { ReactElement } from 'react';
import { ChartView } from '../chart.tsx';
import { formatNumber, tr } from '../i18n.ts';
import { Loaded, matrixProvenance, NumbersTable, ParamSelect, useMetroData } from '../kit.tsx';
import { industryName, unitName } from './common.ts';
import type { ViewProps } from './types.ts';

// The chart types this view draws besides the maps' (chart.tsx): bars of the composition, the ring gradient (bars and a line).
use([BarChart, LineChart, GridComponent, LegendComponent]);

export function Structure(props: ViewProps): ReactElement {
  const { lang } = props;
  const request = useMetroData(props);
  return (
    <Loaded lang={lang} request={request}>
      {({ analysis: a, geometries }) => {
        const codes = a.industries.map((i) => i.code);
        const asked = props.params.get('industry');
        const industry = asked !== null && codes.includes(asked) ? asked : codes.includes('C') ? 'C' : (codes[0] ?? '');
        const provenance = matrixProvenance(a, lang);
        const lq = a.specialisation.lq;
        return (
          <div className="view-grid">
            <div className="main-col">
              <ChartView chart={structureBars(a, { lang })} lang={lang} provenance={provenance} />
              <ChartView chart={ringGradientChart(a, { lang })} lang={lang} provenance={provenance} height={320} />
            </div>
            <div className="side-col wide">
              <ParamSelect
                label={tr(lang, 'industry')}
                value={industry}
                options={codes.map((c) => ({ value: c, label: industryName(a, lang, c) }))}
                onChange={(v) => props.setParams({ industry: v })}
              />
              <ChartView chart={choroplethMap(a, { lang, geometries, measure: { kind: 'location-quotient', industry } })} lang={lang} provenance={provenance} />
              <NumbersTable
                lang={lang}
                caption={tr(lang, 'lqTable')}
                rows={a.industries.map((ind, j) => ({ ind, j }))}
                rowKey={(r) => r.ind.code}
                columns={[
                  { label: tr(lang, 'industry'), cell: (r) => industryName(a, lang, r.ind.code) },
                  ...a.units.map((u, k) => ({
                    label: unitName(a, lang, k),
                    numeric: true,
                    cell: (r: { j: number }) => formatNumber(lang, lq[k]?.[r.j] ?? null),
                    title: () => `${u.id} · ${provenance}`,
                  })),
                ]}
              />
            </div>
          </div>
        );
      }}
    </Loaded>
  );
}
