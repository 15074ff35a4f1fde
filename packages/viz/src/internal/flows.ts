/**
 * The option of a flow map (linkage, chain complementarity): the units' areas in light grey, the units as points
 * coloured by ring (a legend entry per ring), and lines between them in one or two styles (each style a series with
 * its own legend entry), widths from the caller.
 */
import type { MetroAnalysis, Ring } from '@metrocoop/core';
import type { ChartLanguage } from '../chart.ts';
import { geoComponent, labelSeries, type MapLayer } from './map-layer.ts';
import { ringColors } from './style.ts';
import { ringNames } from './text.ts';

/** One line of a flow map. */
export interface FlowLine {
  readonly from: string;
  readonly to: string;
  /** Line width in pixels. */
  readonly width: number;
  /** The tooltip text (plain text; ECharts escapes it). */
  readonly name: string;
  /** A short label at the line's middle, or `null`. */
  readonly label: string | null;
}

/** A group of lines drawn alike. */
export interface FlowStyle {
  /** Legend entry. */
  readonly name: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly lines: readonly FlowLine[];
}

/** The option of a flow map (without the base). */
export function flowMapOption(
  a: MetroAnalysis,
  layer: MapLayer,
  names: ReadonlyMap<string, string>,
  styles: readonly FlowStyle[],
  options: { readonly lang: ChartLanguage; readonly arrows: boolean; readonly labelUnits: ReadonlySet<string> },
): Record<string, unknown> {
  const { lang } = options;
  const rings = (['core', 'inner', 'outer'] as const).filter((r) => a.units.some((u) => u.ring === r && layer.anchors.has(u.id)));
  const pointSeries = rings.map((ring: Ring) => ({
    type: 'scatter',
    coordinateSystem: 'geo',
    geoIndex: 0,
    name: ringNames[ring][lang],
    symbolSize: ring === 'core' ? 13 : 9,
    z: 4,
    itemStyle: { color: ringColors[ring], borderColor: '#fff', borderWidth: 1 },
    tooltip: { formatter: '{b}' },
    data: a.units
      .filter((u) => u.ring === ring && layer.anchors.has(u.id))
      .map((u) => {
        const p = layer.anchors.get(u.id) as readonly [number, number];
        return { name: names.get(u.id) ?? u.id, value: [p[0], p[1]] };
      }),
  }));
  const lineSeries = styles.map((s) => ({
    type: 'lines',
    coordinateSystem: 'geo',
    geoIndex: 0,
    name: s.name,
    z: 3,
    symbol: options.arrows ? ['none', 'arrow'] : ['none', 'none'],
    symbolSize: 9,
    lineStyle: { color: s.color, opacity: 0.75, curveness: 0.18, type: s.dashed ? 'dashed' : 'solid' },
    tooltip: { formatter: '{b}' },
    label: { show: false },
    data: s.lines.map((l) => ({
      name: l.name,
      coords: [[...(layer.anchors.get(l.from) as readonly number[])], [...(layer.anchors.get(l.to) as readonly number[])]],
      lineStyle: { width: l.width },
      ...(l.label === null
        ? {}
        : { label: { show: true, position: 'middle', formatter: l.label, fontSize: 10, color: '#222', textBorderColor: '#fff', textBorderWidth: 2 } }),
    })),
  }));
  const labelled = new Set([...layer.anchors.keys()].filter((id) => options.labelUnits.has(id)));
  const labels = labelSeries(
    { ...layer, anchors: new Map([...layer.anchors].filter(([id]) => labelled.has(id))), pointUnits: [...layer.anchors.keys()] },
    names,
    null,
  );
  const legendNames = [...rings.map((r) => ringNames[r][lang]), ...styles.filter((s) => s.lines.length > 0).map((s) => s.name)];
  return {
    tooltip: { trigger: 'item', extraCssText: 'white-space: pre-line' },
    legend: { data: legendNames, bottom: 8, left: 'center', textStyle: { fontSize: 11 }, itemWidth: 18, itemHeight: 10 },
    geo: { ...geoComponent(layer, names), itemStyle: { areaColor: '#eeeeee', borderColor: '#ffffff', borderWidth: 0.8 }, bottom: 48 },
    series: [...lineSeries, ...pointSeries, labels],
  };
}
