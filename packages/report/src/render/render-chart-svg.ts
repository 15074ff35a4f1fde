/**
 * `renderChartSvg`: one chart spec as an SVG document, drawn by ECharts' server-side renderer (no DOM, no canvas).
 * The map a `map`/`geo` series needs is registered first. The output is deterministic and safe to inline many times
 * in one HTML page: ECharts numbers its element ids and classes per instance (`zr0-…`, `zr1-…`), which would differ
 * from run to run and collide between charts; they are renamed after the chart's id, and the hover styles (useless
 * on paper, with their classes) and ECharts' metadata attributes are dropped.
 *
 * Fonts: Chinese labels need a CJK font where the SVG is drawn (Debian's fonts-noto-cjk for PDF and PNG); the text
 * style asks for Noto Sans CJK SC first, then common CJK and sans-serif fonts.
 */
import type { ChartSpec } from '@metrocoop/viz';
import * as echarts from 'echarts';

/** The font stack of every chart (the HTML uses the same). */
export const chartFontFamily = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** A chart id as an XML id prefix: letters, digits and `-`. */
const idPrefix = (id: string): string => `c-${id.replace(/[^A-Za-z0-9-]/g, '-')}`;

/**
 * Render a chart spec to an SVG string.
 *
 * @example
 * const svg = renderChartSvg(chart); // '<svg width="800" height="480" xmlns="http://www.w3.org/2000/svg" …'
 */
export function renderChartSvg(chart: ChartSpec): string {
  if (chart.map !== null) echarts.registerMap(chart.map.name, chart.map.geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: chart.width, height: chart.height });
  try {
    const option = chart.option as Record<string, unknown>;
    const textStyle = (option.textStyle ?? {}) as Record<string, unknown>;
    instance.setOption({ ...option, animation: false, textStyle: { fontFamily: chartFontFamily, ...textStyle } });
    const svg = instance.renderToSVGString();
    const prefix = idPrefix(chart.id);
    // ECharts' ids and classes carry process-wide counters (`zr3-cls-12`, `zr3-g0`): each distinct one is renamed
    // `<chart id>-<n>` in order of first appearance, so the SVG is the same whatever was drawn before it.
    const names = new Map<string, string>();
    return svg
      .replace(/<style[^>]*><!\[CDATA\[[\s\S]*?\]\]>\s*<\/style>/g, '')
      .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      .replace(/\bzr\d+-[A-Za-z_-]*\d+\b/g, (token) => {
        let name = names.get(token);
        if (name === undefined) names.set(token, (name = `${prefix}-${names.size}`));
        return name;
      })
      .replace(/\n{2,}/g, '\n');
  } finally {
    instance.dispose();
  }
}
