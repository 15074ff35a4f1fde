/**
 * The look shared by every chart: the option's base (no animation, one font family that has Chinese glyphs, white
 * background), the colours of rings, pair types, drivers and industry groups, the grey of a gap, and the two
 * constructors of a chart (a spec or an absence).
 */
import type { IndustryGroup, LocalizedText, PairType, Ring } from '@metrocoop/core';
import type { EChartsOption } from 'echarts';
import type { ChartAbsence, ChartLanguage, ChartSpec, UnitGeometries } from '../chart.ts';

/** The text font of every chart (Debian's fonts-noto-cjk provides it for SVG → PNG/PDF). */
export const fontFamily = 'Noto Sans CJK SC, sans-serif';

/** The grey of a unit or cell without a value. */
export const gapColor = '#d9d9d9';

/** Text on a coloured area: dark with a white halo, legible on any fill. */
export const haloLabel = { color: '#111', textBorderColor: '#fff', textBorderWidth: 3, fontSize: 11 } as const;

export const ringColors: Readonly<Record<Ring, string>> = { core: '#b2182b', inner: '#ef8a62', outer: '#67a9cf' };

export const pairTypeColors: Readonly<Record<PairType, string>> = {
  vertical: '#1b9e77',
  horizontal: '#7570b3',
  mixed: '#66a61e',
  competing: '#d95f02',
  undetermined: '#bdbdbd',
};

export const driverColors = { proximity: '#4e79a7', structure: '#f28e2b', market: '#59a14f', government: '#b07aa1' } as const;

export const groupColors: Readonly<Record<IndustryGroup, string>> = {
  primary: '#8c6d31',
  production: '#d62728',
  'utilities-construction': '#ff9896',
  'producer-services': '#1f77b4',
  'other-services': '#aec7e8',
  secondary: '#d62728',
  tertiary: '#1f77b4',
  unknown: '#c7c7c7',
};

/** Sequential ramp (low → high) for continuous values. */
export const sequentialRamp = ['#deebf7', '#9ecae1', '#4292c6', '#08519c', '#08306b'];

/** The part of every option that is the same: no animation, the font, a white background. */
export function baseOption(): EChartsOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily, fontSize: 12, color: '#333333' },
  };
}

/**
 * A chart spec (the option already in `lang`). The option is built as plain data and typed as ECharts' option here,
 * once: ECharts' option types do not hold under `exactOptionalPropertyTypes`; the tests render every option.
 */
export function chartSpec(
  id: string,
  title: LocalizedText,
  caption: LocalizedText,
  option: Readonly<Record<string, unknown>>,
  size: { readonly width: number; readonly height: number },
  map: { readonly name: string; readonly geoJson: UnitGeometries } | null = null,
): ChartSpec {
  return { kind: 'chart', id, title, caption, option: { ...baseOption(), ...option } as EChartsOption, map, width: size.width, height: size.height };
}

/** An absence with its reason. */
export function chartAbsence(id: string, title: LocalizedText, reason: LocalizedText): ChartAbsence {
  return { kind: 'absent', id, title, reason };
}

/** The language's text. */
export const pick = (text: LocalizedText, lang: ChartLanguage): string => text[lang];
