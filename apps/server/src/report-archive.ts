/**
 * The report formats that are several files, as one ZIP download: the CSV report (one file per table, plus
 * `contents.csv` and `sources.csv`: packages/report/src/csv.ts) and the Markdown report with its charts as SVG
 * files. Each archive holds one folder laid out as `metrocoop report` writes it (apps/cli/src/commands/report.run.ts):
 * `<metro>-report-csv/…` for CSV, `<metro>-report-md/<metro>-report.md` and `<metro>-report-md/<metro>-report-charts/…`
 * for Markdown, so unpacking it gives what the CLI would have written.
 *
 * Every name in an archive comes from the report model (the renderers make table and chart ids safe) and the
 * metro's stored id — never from the request — and is checked once more here: relative, `/`-separated, letters,
 * digits, `.`, `_` and `-` only, no `..` (no "zip slip" when it is unpacked).
 */
import type { Language } from '@metrocoop/core';
import { type Report, renderCsv, renderMarkdown } from '@metrocoop/report';
import JSZip from 'jszip';

/** A file to put in an archive: its path inside it and its content (text is written as UTF-8). */
export interface ArchiveFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** The media type of a ZIP archive. */
export const zipMediaType = 'application/zip';

const safePath = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Whether a path is safe inside an archive (relative, plain characters, no `.` or `..` segment). */
export function isSafeArchivePath(name: string): boolean {
  return safePath.test(name) && name.split('/').every((part) => part !== '.' && part !== '..');
}

/** A metro id as a file name part (the CLI's rule: anything but letters, digits, `.`, `_` and `-` becomes `-`). */
export function fileBase(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '') || 'metro';
}

/**
 * Files as a ZIP archive (deflated), in the order given, under `folder` (none when `''`).
 *
 * @throws {Error} for a name that is not a safe relative path (a bug in a renderer: the route answers 500).
 */
export async function zipArchive(files: readonly ArchiveFile[], folder = ''): Promise<Uint8Array> {
  const zip = new JSZip();
  const seen = new Set<string>();
  for (const file of files) {
    const name = folder === '' ? file.name : `${folder}/${file.name}`;
    if (!isSafeArchivePath(name)) throw new Error(`zipArchive: unsafe file name ${JSON.stringify(name)} in an archive`);
    if (seen.has(name.toLowerCase())) throw new Error(`zipArchive: the file name ${JSON.stringify(name)} is used twice in an archive`);
    seen.add(name.toLowerCase());
    zip.file(name, file.content);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

/** The CSV report of metro `base` as a ZIP: the folder `<base>-report-csv/` with every file of {@link renderCsv}. */
export function csvReportArchive(report: Report, lang: Language, base: string): Promise<Uint8Array> {
  return zipArchive(renderCsv(report, lang), `${base}-report-csv`);
}

/**
 * The Markdown report of metro `base` with its charts drawn, as a ZIP: the folder `<base>-report-md/` with
 * `<base>-report.md` and the SVG files it links to in `<base>-report-charts/`.
 */
export function markdownReportArchive(report: Report, lang: Language, base: string): Promise<Uint8Array> {
  const { markdown, files } = renderMarkdown(report, lang, { assetDir: `${base}-report-charts` });
  return zipArchive([{ name: `${base}-report.md`, content: markdown }, ...files], `${base}-report-md`);
}
