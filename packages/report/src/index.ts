/**
 * @metrocoop/report — the metro report: a model of chapters built from the analysis and the plan (`buildReport`),
 * and its renderers: one self-contained HTML page, Markdown with SVG files, PDF (the HTML printed by Chromium), XLSX
 * and CSV. Charts are the viz package's ECharts options, drawn to SVG on the server (`renderChartSvg`).
 */

export { buildReport, reportChapterIds, reportSchemaVersion } from './build/build-report.ts';
// the model
export type { BuildReportInput, ReportSourceEntry } from './build/context.ts';
export { defaultShownRows } from './build/context.ts';
// exports for recomputing and printing
export type { CsvFile } from './csv.ts';
export { renderCsv } from './csv.ts';
export type { Report, ReportBlock, ReportCell, ReportChapter, ReportColumn, ReportSource, ReportTable } from './model.ts';
export type { PdfOptions } from './pdf.ts';
export { findChromium, pdfMessages, renderPdf } from './pdf.ts';
// reading formats
export { renderChartSvg } from './render/render-chart-svg.ts';
export { escapeHtml, renderHtml } from './render/render-html.ts';
export type { MarkdownFile, MarkdownOptions } from './render/render-markdown.ts';
export { escapeMarkdown, renderMarkdown } from './render/render-markdown.ts';
export { neutraliseCell } from './safe-cell.ts';
export { renderXlsx } from './xlsx.ts';
