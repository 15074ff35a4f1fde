/**
 * Test helper: draw a chart spec as the report package will, with ECharts' server-side rendering to an SVG string
 * (`echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })`, `registerMap` for maps, `setOption`,
 * `renderToSVGString()`), and read the texts back out of the SVG. Not the product's renderer (the report package
 * owns that); here only to check that every option really draws.
 */
import * as echarts from 'echarts';
import type { ChartSpec } from '../../src/chart.ts';

/** The SVG of a chart at its suggested size (or the given one). */
export function renderSvg(chart: ChartSpec, size: { readonly width?: number; readonly height?: number } = {}): string {
  if (chart.map !== null) echarts.registerMap(chart.map.name, chart.map.geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width ?? chart.width, height: size.height ?? chart.height });
  try {
    instance.setOption(chart.option);
    return instance.renderToSVGString();
  } finally {
    // Without dispose an SSR instance keeps a timer and the process does not end.
    instance.dispose();
  }
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/** The texts drawn in an SVG (the contents of its `<text>` elements, entities decoded), in document order. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#39|apos);/g, (e) => entities[e] ?? e),
  );
}

/** How many shapes (paths) an SVG draws. */
export const svgPaths = (svg: string): number => (svg.match(/<path\b/g) ?? []).length;
