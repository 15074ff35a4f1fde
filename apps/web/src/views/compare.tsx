/**
 * The metro beside Tokyo and New York (or the metros chosen) on the same basis: the benchmark chart, and the basis of
 * each metro (indicator, classification, year, units) a click away — a metro on another basis is named, not ranked.
 */
import { benchmarkChart } from '@metrocoop/viz';
import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent } from 'echarts/components';
import { use } from 'echarts/core';
import type { ReactElement } from 'react';
import { ChartView } from '../chart.tsx';
import { nameOf, tr } from '../i18n.ts';
import { Loaded, NumbersTable, useRequest } from '../kit.tsx';
import type { ViewProps } from './types.ts';

// The chart types this view draws besides the maps' (chart.tsx): the benchmark bars, one titled grid per metro compared.
use([BarChart, GridComponent, TitleComponent]);

export function Compare(props: ViewProps): ReactElement {
  const { lang } = props;
  const units = props.params.get('units');
  const raw = props.params.get('compare');
  const compare = raw === null ? null : raw.split(',').filter((s) => /^[A-Za-z0-9._-]{1,100}$/.test(s));
  const request = useRequest(`${props.metro}|${units}|${raw}`, () => props.api.analysis(props.metro, { units, compare }));
  return (
    <Loaded lang={lang} request={request}>
      {(a) => {
        const b = a.benchmark;
        const metros = b?.metros ?? [];
        const provenance = metros.map((m) => `${nameOf(lang, m)}: ${m.basis?.source ?? '—'}, ${m.basis?.year ?? '—'}`).join(' · ');
        return (
          <div className="view-single">
            <ChartView chart={benchmarkChart(a, { lang })} lang={lang} provenance={provenance} />
            {b == null ? (
              <p>{tr(lang, 'benchmarkNone')}</p>
            ) : (
              <NumbersTable
                lang={lang}
                caption={tr(lang, 'basis')}
                rows={metros}
                rowKey={(m) => m.metro}
                columns={[
                  { label: tr(lang, 'metro'), cell: (m) => nameOf(lang, m) },
                  { label: tr(lang, 'indicator'), cell: (m) => m.basis?.indicator ?? '—' },
                  { label: tr(lang, 'classification'), cell: (m) => m.basis?.classification ?? '—' },
                  { label: tr(lang, 'year'), numeric: true, cell: (m) => String(m.basis?.year ?? '—') },
                  { label: tr(lang, 'unitSet'), numeric: true, cell: (m) => String(m.basis?.units ?? '—') },
                  { label: tr(lang, 'source'), cell: (m) => m.basis?.source ?? '—' },
                ]}
              />
            )}
          </div>
        );
      }}
    </Loaded>
  );
}
