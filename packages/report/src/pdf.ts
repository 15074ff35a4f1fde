/**
 * The PDF report: the report's self-contained HTML printed by Debian's Chromium through playwright-core.
 *
 * The browser is the distribution's (`apt-get install chromium`), never one downloaded by `playwright install`
 * (the machines this runs on are offline). It is found through `METROCOOP_CHROMIUM`, else `chromium` or
 * `chromium-browser` on the PATH; a missing browser is an {@link InvalidInputError} with code `CHROMIUM_MISSING`
 * whose message names the package and the variable. Each call launches its own browser with a fresh profile in a
 * temp folder, blocks every network request (the HTML carries its charts and styles inline), prints A4 with the
 * backgrounds and a page-number footer, and always closes the browser and removes the folder — also on error.
 * Chinese text needs a CJK font installed for Chromium (Debian `fonts-noto-cjk`).
 */
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { InvalidInputError, type LocalizedText, MetroError } from '@metrocoop/core';

/** The environment variable that names the Chromium binary (an absolute path). */
export const chromiumEnvVar = 'METROCOOP_CHROMIUM';

/** The Chromium flags for a headless, offline, throw-away browser (see STACK.md, row 5b). */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Page margins in CSS units (`'18mm'`). */
export interface PdfMargin {
  readonly top: string;
  readonly right: string;
  readonly bottom: string;
  readonly left: string;
}

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  /** Page margins. Default {@link defaultPdfOptions}.margin (18 mm, 16 mm at the sides; room for the footer). */
  readonly margin?: PdfMargin;
  /** Print the page number and page count at the foot of every page. Default `true`. */
  readonly pageNumbers?: boolean;
  /**
   * The Chromium binary. Default: `METROCOOP_CHROMIUM`, else `chromium` or `chromium-browser` found on the PATH.
   */
  readonly executablePath?: string;
  /** Where the browser's throw-away profile folder is made. Default: the system temp folder. */
  readonly tempRoot?: string;
  /** Milliseconds each browser step (launch, load, print) may take before it fails. Default 60,000. */
  readonly timeoutMs?: number;
}

/** The defaults of {@link PdfOptions}. */
export const defaultPdfOptions = {
  margin: { top: '16mm', right: '14mm', bottom: '18mm', left: '14mm' },
  pageNumbers: true,
  timeoutMs: 60_000,
} as const satisfies Omit<PdfOptions, 'executablePath' | 'tempRoot'>;

/** The messages of the PDF renderer. */
export const pdfMessages = {
  chromiumMissing: (fn: string, looked: string): LocalizedText => ({
    en: `${fn}: Chromium was not found (looked at ${looked}); install Debian's package with "apt-get install chromium" (and "fonts-noto-cjk" for Chinese text), or set ${chromiumEnvVar} to the path of a Chromium binary.`,
    zh: `${fn}：未找到 Chromium 浏览器（查找了 ${looked}）；请用 "apt-get install chromium" 安装 Debian 软件包（中文文字还需 "fonts-noto-cjk"），或将环境变量 ${chromiumEnvVar} 设为 Chromium 可执行文件的路径。`,
  }),
  chromiumFailed: (fn: string, path: string, reason: string): LocalizedText => ({
    en: `${fn}: Chromium at ${path} could not print the report (${reason}); check that the browser starts ("${path} --headless --no-sandbox --version") or reinstall it with "apt-get install chromium".`,
    zh: `${fn}：位于 ${path} 的 Chromium 无法打印报告（${reason}）；请检查浏览器能否启动（"${path} --headless --no-sandbox --version"），或用 "apt-get install chromium" 重新安装。`,
  }),
} as const;

const isExecutableFile = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * The Chromium binary to print with: `METROCOOP_CHROMIUM` when set (it must exist), else the first `chromium` or
 * `chromium-browser` on the PATH.
 *
 * @throws {InvalidInputError} `CHROMIUM_MISSING` when none is found (the message names `apt-get install chromium`).
 * @example findChromium() // '/usr/bin/chromium'
 */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const fn = 'renderPdf';
  const named = env[chromiumEnvVar];
  if (named !== undefined && named !== '') {
    if (isExecutableFile(named)) return named;
    throw new InvalidInputError(pdfMessages.chromiumMissing(fn, `${chromiumEnvVar}=${named}`), { path: named }, 'CHROMIUM_MISSING');
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of ['chromium', 'chromium-browser']) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  throw new InvalidInputError(pdfMessages.chromiumMissing(fn, `${chromiumEnvVar}, chromium, chromium-browser on PATH`), { path: null }, 'CHROMIUM_MISSING');
}

/** The page-number footer (Chromium fills `pageNumber` and `totalPages`; the template has no access to page CSS). */
const footerTemplate =
  '<div style="width:100%;font-size:8px;color:#666;text-align:center;font-family:\'Noto Sans CJK SC\',sans-serif;">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/**
 * Print a self-contained HTML document to an A4 PDF with Chromium.
 *
 * @param html the whole document (`<!doctype html>…`); external resources are not fetched.
 * @returns the PDF file's bytes.
 * @throws {InvalidInputError} `CHROMIUM_MISSING` when no Chromium is found. @throws {MetroError}
 *   `CHROMIUM_FAILED` when the browser does not start.
 * @example writeFileSync('jjj.pdf', await renderPdf(renderHtml(report, 'zh')))
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const executablePath = options.executablePath ?? findChromium();
  if (options.executablePath !== undefined && !isExecutableFile(executablePath)) {
    throw new InvalidInputError(pdfMessages.chromiumMissing('renderPdf', executablePath), { path: executablePath }, 'CHROMIUM_MISSING');
  }
  const margin = options.margin ?? defaultPdfOptions.margin;
  const pageNumbers = options.pageNumbers ?? defaultPdfOptions.pageNumbers;
  const timeout = options.timeoutMs ?? defaultPdfOptions.timeoutMs;
  // playwright-core is large: loaded only when a PDF is printed.
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(options.tempRoot ?? tmpdir(), 'metrocoop-pdf-'));
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  try {
    try {
      context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: [...chromiumArgs], timeout });
    } catch (error) {
      throw launchError(executablePath, error);
    }
    // The report is self-contained: nothing may be fetched while it prints (offline, and no tracking by a link).
    await context.route(/^(?!data:|about:)/, (route) => route.abort());
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(timeout);
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { ...margin },
      preferCSSPageSize: false,
      displayHeaderFooter: pageNumbers,
      headerTemplate: '<div></div>',
      footerTemplate: pageNumbers ? footerTemplate : '<div></div>',
    });
    return pdf;
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

function launchError(path: string, error: unknown): MetroError {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return new MetroError('CHROMIUM_FAILED', pdfMessages.chromiumFailed('renderPdf', path, first.slice(0, 200)), { path, cause: first });
}
