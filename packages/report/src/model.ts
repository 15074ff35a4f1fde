/**
 * The report model: what every renderer (HTML, Markdown, PDF, XLSX, CSV) draws from. A report is a title, chapters
 * of blocks (paragraphs, lists, tables, charts) and the sources; every text is bilingual ({ en, zh }) and the
 * renderers pick one language. Tables hold plain cells (string, number or null = a gap, shown as a gap), columns
 * carry their unit, and each table names its source — so XLSX and CSV keep numbers as numbers and every number
 * traces to where it came from. Charts are the viz package's chart specs (ECharts options), rendered by each renderer
 * in its own way (inline SVG, SVG files beside the Markdown).
 */
import type { LocalizedText } from '@metrocoop/core';
import type { Chart } from '@metrocoop/viz';

/** A column of a report table. `kind` decides formatting and the cell type in XLSX. */
export interface ReportColumn {
  readonly key: string;
  readonly label: LocalizedText;
  /** The unit shown in the header (e.g. persons, CNY, km), or `null`. */
  readonly unit: LocalizedText | null;
  readonly kind: 'text' | 'number' | 'integer' | 'percent';
}

/** A cell: text, a number, or `null` for a gap (never filled). Bilingual text cells are `{ en, zh }`. */
export type ReportCell = string | number | LocalizedText | null;

export interface ReportTable {
  /** Stable id, also the XLSX sheet and CSV file name (letters, digits, `-`; ≤ 31 characters). */
  readonly id: string;
  readonly title: LocalizedText;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly ReportCell[])[];
  /** A note under the table (reading, caveats), or `null`. */
  readonly note: LocalizedText | null;
  /** Source ids of the numbers (see `Report.sources`). */
  readonly sources: readonly string[];
  /**
   * Added for issue 11: how many of the (ranked) rows the reading formats (HTML, Markdown, PDF) show, with a line
   * "N more rows in the XLSX / CSV export" under them; absent = all. XLSX and CSV always hold every row.
   */
  readonly shownRows?: number;
}

export type ReportBlock =
  | { readonly kind: 'paragraph'; readonly text: LocalizedText }
  | { readonly kind: 'list'; readonly items: readonly LocalizedText[] }
  | { readonly kind: 'table'; readonly table: ReportTable }
  | {
      readonly kind: 'chart';
      readonly chart: Chart;
      /**
       * Added for issue 11: the chart in both languages (a chart's option is built for one language). Renderers
       * draw `byLanguage[lang]` when present, else `chart`; `buildReport` without a language fills it.
       */
      readonly byLanguage?: { readonly en: Chart; readonly zh: Chart };
    };

export interface ReportChapter {
  /** Stable id (e.g. `overview`, `positions`, `recommendations`). */
  readonly id: string;
  readonly title: LocalizedText;
  readonly blocks: readonly ReportBlock[];
}

/** One source of the report's numbers. */
export interface ReportSource {
  readonly id: string;
  readonly title: LocalizedText;
  readonly url: string | null;
}

export interface Report {
  readonly schemaVersion: string;
  readonly title: LocalizedText;
  readonly subtitle: LocalizedText;
  readonly metro: { readonly id: string; readonly nameEn: string; readonly nameZh: string };
  readonly unitSet: { readonly id: string; readonly classification: string; readonly indicator: string; readonly year: number };
  readonly chapters: readonly ReportChapter[];
  readonly sources: readonly ReportSource[];
}
