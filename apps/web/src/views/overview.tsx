/**
 * The metro at a glance: a map of the units coloured by a chosen indicator (population, GDP, GDP per capita, area,
 * tertiary share, Krugman or functional specialisation, the rings), the key figures, the headline findings, and the
 * units' indicators with their source and year a click away.
 */
import type { MetroAnalysis } from '@metrocoop/core';
import { type ChoroplethMeasure, choroplethMap } from '@metrocoop/viz';
import type { ReactElement } from 'react';
import { ChartView } from '../chart.tsx';
import { formatCompact, formatNumber, type MessageKey, nameOf, pick, tr } from '../i18n.ts';
import { Loaded, matrixProvenance, NumbersTable, ParamSelect, useMetroData } from '../kit.tsx';
import { provenanceOf, ringName } from './common.ts';
import type { Lang, ViewProps } from './types.ts';

const indicators = ['population', 'gdp', 'gdpPerCapita', 'area', 'tertiaryShare', 'krugman', 'functional-specialisation', 'ring'] as const;
type Indicator = (typeof indicators)[number];
const labelKey: Record<Indicator, MessageKey> = {
  population: 'population',
  gdp: 'gdp',
  gdpPerCapita: 'gdpPerCapita',
  area: 'area',
  tertiaryShare: 'tertiaryShare',
  krugman: 'krugman',
  'functional-specialisation': 'functionalSpecialisation',
  ring: 'rings',
};

function measureOf(indicator: Indicator): ChoroplethMeasure {
  switch (indicator) {
    case 'krugman':
    case 'functional-specialisation':
    case 'ring':
      return { kind: indicator };
    default:
      return { kind: 'overview', indicator };
  }
}

function provenance(a: MetroAnalysis, lang: Lang, indicator: Indicator): string {
  switch (indicator) {
    case 'population':
    case 'gdp':
    case 'gdpPerCapita':
    case 'area':
      return provenanceOf(
        lang,
        a.overview.map((o) => o[indicator]),
      );
    case 'tertiaryShare':
      return provenanceOf(
        lang,
        a.overview.map((o) => o.sectorShares),
      );
    default:
      return matrixProvenance(a, lang);
  }
}

function KeyFigures({ a, lang }: { readonly a: MetroAnalysis; readonly lang: Lang }): ReactElement {
  const pops = a.overview.map((o) => o.population);
  const gdps = a.overview.map((o) => o.gdp);
  const sum = (xs: readonly ({ value: number } | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce((s, x) => s + (x?.value ?? 0), 0));
  const figures: { key: string; label: string; value: string; title: string }[] = [
    {
      key: 'units',
      label: tr(lang, 'unitSet'),
      value: `${a.units.length} ${tr(lang, 'units')} × ${a.industries.length} ${tr(lang, 'industries')}`,
      title: matrixProvenance(a, lang),
    },
    { key: 'population', label: tr(lang, 'population'), value: formatCompact(lang, sum(pops)), title: provenanceOf(lang, pops) },
    { key: 'gdp', label: `${tr(lang, 'gdp')} (${gdps.find((g) => g)?.unit ?? ''})`, value: formatCompact(lang, sum(gdps)), title: provenanceOf(lang, gdps) },
    {
      key: 'homogenisation',
      label: tr(lang, 'homogenisationIndex'),
      value: formatNumber(lang, a.homogenisation.index),
      title: matrixProvenance(a, lang),
    },
    {
      key: 'similarity',
      label: tr(lang, 'meanTradedSimilarity'),
      value: formatNumber(lang, a.homogenisation.meanTradedSimilarity),
      title: matrixProvenance(a, lang),
    },
  ];
  return (
    <section className="key-figures" aria-label={tr(lang, 'keyFigures')}>
      <h2>{tr(lang, 'keyFigures')}</h2>
      <dl>
        {figures.map((f) => (
          <div key={f.key} title={f.title}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <p className="provenance">{matrixProvenance(a, lang)}</p>
    </section>
  );
}

export function Overview(props: ViewProps): ReactElement {
  const { lang } = props;
  const request = useMetroData(props);
  const raw = props.params.get('indicator');
  return (
    <Loaded lang={lang} request={request}>
      {({ analysis: a, geometries }) => {
        // Asked for, or the first of GDP per capita, population, the rings that the units have.
        const fallback: Indicator = a.overview.some((o) => o.gdpPerCapita) ? 'gdpPerCapita' : a.overview.some((o) => o.population) ? 'population' : 'ring';
        const indicator: Indicator = (indicators as readonly string[]).includes(raw ?? '') ? (raw as Indicator) : fallback;
        const chart = choroplethMap(a, { lang, geometries, measure: measureOf(indicator) });
        const headline = a.findings.filter((f) => f.headline).slice(0, 5);
        const sourced = (v: { value: number; year: number; source: string } | null) => (v === null ? undefined : `${v.source}, ${v.year}`);
        return (
          <div className="view-grid">
            <div className="main-col">
              <ParamSelect
                label={tr(lang, 'indicator')}
                value={indicator}
                options={indicators.map((i) => ({ value: i, label: tr(lang, labelKey[i]) }))}
                onChange={(v) => props.setParams({ indicator: v })}
              />
              <ChartView chart={chart} lang={lang} provenance={provenance(a, lang, indicator)} />
              <NumbersTable
                lang={lang}
                caption={`${tr(lang, 'overview')}: ${nameOf(lang, a.metro)}`}
                rows={a.overview}
                rowKey={(o) => o.unit}
                columns={[
                  { label: tr(lang, 'unit'), cell: (o) => nameOf(lang, o) },
                  { label: tr(lang, 'ring'), cell: (o) => ringName(lang, o.ring) },
                  {
                    label: `${tr(lang, 'population')}`,
                    numeric: true,
                    cell: (o) => formatNumber(lang, o.population?.value),
                    title: (o) => sourced(o.population),
                  },
                  { label: `${tr(lang, 'gdp')}`, numeric: true, cell: (o) => formatNumber(lang, o.gdp?.value), title: (o) => sourced(o.gdp) },
                  {
                    label: tr(lang, 'gdpPerCapita'),
                    numeric: true,
                    cell: (o) => formatNumber(lang, o.gdpPerCapita?.value),
                    title: (o) => sourced(o.gdpPerCapita),
                  },
                  { label: tr(lang, 'area'), numeric: true, cell: (o) => formatNumber(lang, o.area?.value), title: (o) => sourced(o.area) },
                  {
                    label: tr(lang, 'tertiaryShare'),
                    numeric: true,
                    cell: (o) => formatNumber(lang, o.sectorShares?.tertiary, { percent: true }),
                    title: (o) => (o.sectorShares === null ? undefined : `${o.sectorShares.source}, ${o.sectorShares.year}`),
                  },
                ]}
              />
            </div>
            <aside className="side-col">
              <KeyFigures a={a} lang={lang} />
              <section>
                <h2>{tr(lang, 'headlineFindings')}</h2>
                <ol className="findings">
                  {headline.map((f) => (
                    <li key={f.id}>{pick(lang, f.title)}</li>
                  ))}
                </ol>
              </section>
              {a.gaps.length > 0 && (
                <section>
                  <h2>{tr(lang, 'gaps')}</h2>
                  <p>
                    {lang === 'zh'
                      ? `矩阵中有 ${a.gaps.length} 个单元格缺失或保密（按缺口处理，不作 0）。`
                      : `${a.gaps.length} cells of the matrix are missing or withheld (shown as gaps, never as 0).`}
                  </p>
                </section>
              )}
            </aside>
          </div>
        );
      }}
    </Loaded>
  );
}
