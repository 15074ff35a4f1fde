/** Assertions shared by the chart tests: a chart is a spec (or an absence), its option's shared parts, its series. */
import assert from 'node:assert/strict';
import type { Chart, ChartAbsence, ChartSpec } from '../../src/chart.ts';
import { renderSvg, svgTexts } from './render-svg.ts';

/** The chart as a spec (fails on an absence, showing its reason). */
export function spec(chart: Chart): ChartSpec {
  assert.equal(chart.kind, 'chart', chart.kind === 'absent' ? `absent: ${chart.reason.en}` : '');
  const s = chart as ChartSpec;
  assert.equal(s.option.animation, false, 'animation: false');
  assert.equal((s.option.textStyle as { fontFamily?: string }).fontFamily, 'Noto Sans CJK SC, sans-serif');
  assert.ok(s.title.en !== '' && s.title.zh !== '' && s.caption.en !== '' && s.caption.zh !== '');
  return s;
}

/** The chart as an absence. */
export function absence(chart: Chart): ChartAbsence {
  assert.equal(chart.kind, 'absent', `expected an absence, got chart ${chart.id}`);
  const a = chart as ChartAbsence;
  assert.ok(a.reason.en !== '' && a.reason.zh !== '');
  return a;
}

/** A loosely typed view of the option's parts (ECharts' types are unions of everything; tests read them freely). */
// biome-ignore lint/suspicious/noExplicitAny: a test's view of an option it only reads.
export type Loose = Record<string, any>;

/** The option's series as plain objects. */
export const series = (s: ChartSpec): Loose[] => s.option.series as Loose[];

/** Draw the chart (server-side SVG) and return the texts drawn. */
export function drawnTexts(s: ChartSpec): string[] {
  const svg = renderSvg(s);
  assert.match(svg, /^<svg/);
  return svgTexts(svg);
}

/** Chinese text has no English word in it (Latin letters only as codes: at most 12 in a row, no space between words). */
export function assertChinese(text: string, where = ''): void {
  const words = text.match(/[A-Za-z]{2,}(?: [A-Za-z]{2,})+/g) ?? [];
  assert.deepEqual(words, [], `${where}: English words in Chinese text: ${text}`);
}
