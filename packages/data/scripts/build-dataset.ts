/**
 * The whole build of the embedded dataset: the country parts (China, Japan, United States), then the common part
 * (classifications, crosswalks, metros and unit sets — whose years are read from the country observations — and
 * the knowledge base), then validation of the whole dataset: every row parsed back and checked by its schema,
 * duplicate keys, referential integrity. Prints a count per table; exits 1 with a readable list of problems.
 *
 * Run: `npm run dataset:build` (from the repository root or `-w @metrocoop/data`) or `npx tsx
 * packages/data/scripts/build-dataset.ts [--from <rawDir>] [--out <outDir>]`. It reads the raw statistics committed in
 * packages/data/raw and writes packages/data/dataset; `--from <dir>` (or env METROCOOP_SHARED_DATA) reads another
 * folder of the same layout instead, e.g. a newer copy of the project's shared statistics (`npm run dataset:build --
 * --from <dir>`); `--out <dir>` writes elsewhere. See build/raw-dir.ts.
 */
import type { DatasetProblem } from '../src/dataset/read-dataset.ts';
import { type DatasetReport, validateDataset } from '../src/dataset/validate-dataset.ts';
import { buildChina } from './build/cn.ts';
import { buildCommon } from './build/common.ts';
import { commonMessages } from './build/common-messages.ts';
import { buildJapan } from './build/jp.ts';
import { parseBuildArgs } from './build/raw-dir.ts';
import { isMain } from './build/shared.ts';
import { buildUnitedStates } from './build/us.ts';

/** One step of the build: a part name and its builder. */
export interface BuildStep {
  readonly part: string;
  readonly run: (rawDir: string, outDir: string) => Promise<{ counts: Record<string, number>; summary?: readonly string[] }>;
}

/** The builders in order: the country parts first (common reads their observations), common last. */
export const buildSteps: readonly BuildStep[] = [
  { part: 'cn', run: buildChina },
  { part: 'jp', run: buildJapan },
  { part: 'us', run: buildUnitedStates },
  { part: 'common', run: buildCommon },
];

/** Result of {@link buildDataset}. */
export interface BuildDatasetResult {
  /** Rows written by each part's builder, per table. */
  readonly written: Record<string, Record<string, number>>;
  /** Validation of the whole dataset after the build. */
  readonly report: DatasetReport;
}

/**
 * Run every builder, then validate the whole dataset directory.
 *
 * Rejects with the error of the first builder that fails (nothing after it runs).
 */
export async function buildDataset(rawDir: string, outDir: string, log: (line: string) => void = () => {}): Promise<BuildDatasetResult> {
  const written: Record<string, Record<string, number>> = {};
  for (const step of buildSteps) {
    const started = performance.now();
    const result = await step.run(rawDir, outDir);
    written[step.part] = result.counts;
    log(`built ${step.part.padEnd(6)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // What a part could not judge is printed, never dropped silently (e.g. firm-years without a region).
    for (const line of result.summary ?? []) log(`  ${line}`);
  }
  return { written, report: validateDataset(outDir) };
}

/** A problem as one readable line: `file:row column — message`. */
export function formatProblem(problem: DatasetProblem, lang: 'en' | 'zh' = 'en'): string {
  const where = `${problem.file}${problem.row === null ? '' : `:${problem.row}`}${problem.column === null ? '' : ` [${problem.column}]`}`;
  return `${problem.severity === 'error' ? 'ERROR' : 'warn '} ${problem.code.padEnd(22)} ${where} — ${problem.message[lang]}`;
}

/** The report as text: a count per table, then the problems (at most `limit` per code). */
export function formatReport(report: DatasetReport, limit = 20): string {
  const lines = Object.entries(report.counts).map(([table, n]) => `${table.padEnd(18)} ${String(n).padStart(9)}`);
  const byCode = new Map<string, DatasetProblem[]>();
  for (const p of report.problems) (byCode.get(p.code) ?? byCode.set(p.code, []).get(p.code))?.push(p);
  for (const [code, list] of byCode) {
    lines.push('', `${code}: ${list.length}`);
    for (const p of list.slice(0, limit)) lines.push(`  ${formatProblem(p)}`);
    if (list.length > limit) lines.push(`  … and ${list.length - limit} more`);
  }
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  lines.push('', report.ok ? `dataset valid (${report.problems.length} warning(s))` : `dataset INVALID: ${errors} error(s)`);
  return lines.join('\n');
}

if (isMain(import.meta.url)) {
  try {
    const { rawDir, outDir } = parseBuildArgs(process.argv.slice(2));
    console.error(`reading ${rawDir}`);
    const { report } = await buildDataset(rawDir, outDir, (line) => console.error(line));
    console.log(formatReport(report));
    process.exitCode = report.ok ? 0 : 1;
  } catch (error) {
    console.error(commonMessages.builderFailed('buildDataset', 'dataset', (error as Error).message).en);
    process.exitCode = 1;
  }
}
