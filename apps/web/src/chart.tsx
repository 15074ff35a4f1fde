/**
 * One chart of the viz package in the page: the ECharts option drawn with the tree-shaken `echarts/core`, its map
 * registered first, resized with its box. Registered here: what the maps need (the overview's choropleth, in the first
 * bundle); each view loaded on demand registers the other series and components it draws (`use` at the top of its
 * module), so that their code comes with the view. A chart the data cannot give (a `ChartAbsence`) shows its reason
 * instead. Every tooltip ends with the numbers' source and year (`provenance`); the caption under the chart says how to
 * read it.
 */
import type { Chart } from '@metrocoop/viz';
import type { EChartsOption } from 'echarts';
import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type ReactElement, useEffect, useRef } from 'react';
import { formatNumber, pick, tr } from './i18n.ts';
import type { Lang } from './views/types.ts';

echarts.use([MapChart, ScatterChart, GeoComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const registered = new Map<string, unknown>();

/** Register a map once per name (a new GeoJSON under the same name replaces it). */
function registerMap(name: string, geoJson: unknown): void {
  if (registered.get(name) === geoJson) return;
  echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
  registered.set(name, geoJson);
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

type Obj = Record<string, unknown>;
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : v != null && typeof v === 'object' ? [v as Obj] : []);

interface TooltipParam {
  readonly marker?: string;
  readonly seriesName?: string;
  readonly seriesType?: string;
  readonly name?: string;
  readonly value?: unknown;
  readonly axisValueLabel?: string;
}

/**
 * The option with the source and year at the end of every tooltip: a series' own template gets it appended; elsewhere
 * a formatter writes the default content (series, item, value; a heat map's row × column; a category's label from the
 * visual map) and the line.
 */
export function withProvenance(option: EChartsOption, provenance: string, lang: Lang): EChartsOption {
  if (provenance === '') return option;
  const line = `<br/><span class="tooltip-source">${escapeHtml(provenance)}</span>`;
  const o = option as Obj;
  const categories = (axis: unknown): readonly unknown[] => (asList(axis)[0]?.data as unknown[] | undefined) ?? [];
  const xCats = categories(o.xAxis);
  const yCats = categories(o.yAxis);
  const pieces = asList(o.visualMap).flatMap((v) => asList(v.pieces));
  const valueText = (p: TooltipParam): string => {
    const v = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
    if (typeof v !== 'number') return v === '-' || v == null ? tr(lang, 'gap') : escapeHtml(String(v));
    const piece = pieces.find((x) => x.value === v && typeof x.label === 'string');
    return piece ? escapeHtml(piece.label as string) : formatNumber(lang, v);
  };
  const itemLine = (p: TooltipParam): string => {
    if (p.seriesType === 'heatmap' && Array.isArray(p.value)) {
      const [x, y] = p.value as number[];
      return `${escapeHtml(String(yCats[y ?? -1] ?? ''))} × ${escapeHtml(String(xCats[x ?? -1] ?? ''))}: ${valueText(p)}`;
    }
    const name = p.name ? `${escapeHtml(p.name)}: ` : '';
    return `${p.marker ?? ''}${name}${valueText(p)}`;
  };
  const formatter = (params: TooltipParam | TooltipParam[]): string => {
    if (Array.isArray(params)) {
      const head = escapeHtml(params[0]?.axisValueLabel ?? params[0]?.name ?? '');
      return `${head}${params.map((p) => `<br/>${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}: ${valueText(p)}`).join('')}${line}`;
    }
    const series = params.seriesName && params.seriesType !== 'map' ? `${escapeHtml(params.seriesName)}<br/>` : '';
    return `${series}${itemLine(params)}${line}`;
  };
  const tooltips = asList(o.tooltip);
  // Confined to the chart's box: a long tooltip (a flow's supplier → buyer lines) near an edge is not cut off.
  const global =
    tooltips.length === 0
      ? [{ trigger: 'item', confine: true, formatter }]
      : tooltips.map((t) => ({ confine: true, ...t, ...(t.formatter === undefined ? { formatter } : {}) }));
  const series = asList(o.series).map((s) => {
    const tt = s.tooltip as Obj | undefined;
    if (tt === undefined || typeof tt.formatter !== 'string') return s;
    return { ...s, tooltip: { ...tt, formatter: `${tt.formatter}${line}` } };
  });
  return {
    ...o,
    tooltip: global,
    series,
    textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' },
  } as EChartsOption;
}

export interface ChartViewProps {
  readonly chart: Chart;
  readonly lang: Lang;
  /** The source and year of the numbers (shown at the end of every tooltip). */
  readonly provenance: string;
  /** Height in pixels (default: the chart's suggested height, at most 560). */
  readonly height?: number;
}

/** A chart (or the reason it is absent), its title above and its caption below. */
export function ChartView({ chart, lang, provenance, height }: ChartViewProps): ReactElement {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null || chart.kind !== 'chart') return undefined;
    if (chart.map !== null) registerMap(chart.map.name, chart.map.geoJson);
    const instance = echarts.init(el, null, { renderer: 'canvas' });
    instance.setOption(withProvenance(chart.option, provenance, lang), true);
    // A resize redraws the whole chart: only when the box really changed (the observer also reports the first size).
    let size = `${el.clientWidth}×${el.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const now = `${el.clientWidth}×${el.clientHeight}`;
      if (now === size) return;
      size = now;
      instance.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, [chart, lang, provenance]);

  const title = pick(lang, chart.title);
  if (chart.kind === 'absent') {
    return (
      <figure className="chart chart-absent" data-chart={chart.id}>
        <figcaption>
          <strong>{title}</strong>
        </figcaption>
        <p className="absence" role="note">
          {tr(lang, 'absent')}: {pick(lang, chart.reason)}
        </p>
      </figure>
    );
  }
  const h = height ?? Math.min(560, Math.max(280, chart.height));
  return (
    <figure className="chart" data-chart={chart.id}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <div ref={box} className="chart-canvas" style={{ height: `${h}px` }} role="img" aria-label={`${title}. ${pick(lang, chart.caption)}`} />
      <p className="caption">{pick(lang, chart.caption)}</p>
    </figure>
  );
}
