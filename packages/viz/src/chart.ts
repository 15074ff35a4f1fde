/**
 * What every chart function returns: a chart spec — an id, a bilingual title and caption, the ECharts option for one
 * language, and the map it needs (ECharts draws a `map`/`geo` series only after `registerMap(name, geoJson)`) — or,
 * when the data cannot give the chart, an absence with the reason (shown, never a blank chart).
 */
import type { LocalizedText } from '@metrocoop/core';
import type { EChartsOption } from 'echarts';

export type ChartLanguage = 'en' | 'zh';

/** GeoJSON boundaries (or points) of the units, one feature per unit with `properties.region` = the unit id. */
export interface UnitGeometries {
  readonly type: 'FeatureCollection';
  readonly features: readonly {
    readonly type: 'Feature';
    readonly properties: {
      readonly region: string;
      readonly source?: string;
      /**
       * How the feature was obtained (the data package's `loadUnitGeometries`): the unit's own `boundary`, the union of
       * its `children`'s boundaries, its representative `point`, or the mean of its children's points (`child-points`).
       */
      readonly basis?: 'boundary' | 'children' | 'point' | 'child-points';
    };
    readonly geometry: { readonly type: string; readonly coordinates: unknown };
  }[];
}

export interface ChartSpec {
  readonly kind: 'chart';
  /** Stable id (file name of its SVG in Markdown reports): e.g. `map-lq-C`, `similarity-heatmap`. */
  readonly id: string;
  readonly title: LocalizedText;
  /** What it shows and how to read it, with the source and year. */
  readonly caption: LocalizedText;
  /** The option, already in the requested language; `animation: false`. */
  readonly option: EChartsOption;
  /** The map to register before rendering, or `null`. */
  readonly map: { readonly name: string; readonly geoJson: UnitGeometries } | null;
  /** Suggested size in pixels. */
  readonly width: number;
  readonly height: number;
}

export interface ChartAbsence {
  readonly kind: 'absent';
  readonly id: string;
  readonly title: LocalizedText;
  readonly reason: LocalizedText;
}

export type Chart = ChartSpec | ChartAbsence;
