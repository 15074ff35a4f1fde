/**
 * Where the dataset build's input is: the one place the builders, build-dataset.ts and the data tests resolve it.
 *
 * The input is the raw statistics committed with this package, packages/data/raw (copied byte for byte from the
 * project's shared statistics folder; see raw/README.md): one folder per area (`cn/`, `jp/`, `us/`, `transport/`,
 * `classifications/`) and the knowledge base `knowledge/knowledge.md`. Another folder with the same layout is read
 * only when asked: `--from <dir>` on the command line, or the environment variable `METROCOOP_SHARED_DATA`. Paths
 * are found from this file's location (import.meta.url), never from the working directory.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InvalidInputError } from '@metrocoop/core';
import { buildMessages } from './messages.ts';

/** The repository root (this file is packages/data/scripts/build/raw-dir.ts). */
export function repoRoot(): string {
  return fileURLToPath(new URL('../../../../', import.meta.url));
}

/** The raw statistics committed with the package, packages/data/raw: the build's default input. */
export function packageRawDir(): string {
  return fileURLToPath(new URL('../../raw', import.meta.url));
}

/**
 * The raw-data folder the build reads: env `METROCOOP_SHARED_DATA` when set (and not empty), else
 * packages/data/raw ({@link packageRawDir}). A `--from` option overrides both (see {@link parseBuildArgs}).
 *
 * @example
 * buildJapan(rawDataDir(), packageDatasetDir());
 */
export function rawDataDir(): string {
  const fromEnv = process.env.METROCOOP_SHARED_DATA;
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  return packageRawDir();
}

/**
 * The knowledge base of a raw-data folder: `<rawDir>/knowledge/knowledge.md` (the layout of packages/data/raw), or,
 * when that file is absent and `<rawDir>/../knowledge/knowledge.md` exists, that one (the shared folder's layout,
 * where `knowledge/` sits beside `data/`). When neither exists, the first path (so a missing-file error names it).
 */
export function knowledgeFile(rawDir: string): string {
  const inside = join(rawDir, 'knowledge', 'knowledge.md');
  const beside = join(rawDir, '..', 'knowledge', 'knowledge.md');
  return !existsSync(inside) && existsSync(beside) ? resolve(beside) : inside;
}

/** The embedded dataset folder of this package, packages/data/dataset. */
export function packageDatasetDir(): string {
  return fileURLToPath(new URL('../../dataset', import.meta.url));
}

/** The folders one build reads and writes (result of {@link parseBuildArgs}). */
export interface BuildDirs {
  /** The raw-data folder read: `--from`, else {@link rawDataDir}. */
  readonly rawDir: string;
  /** The dataset folder written: `--out`, else {@link packageDatasetDir}. */
  readonly outDir: string;
}

/**
 * Parse the command line of a dataset build script: `[--from <dir>] [--out <dir>]` (also `--from=<dir>`). Relative
 * paths resolve against the working directory. Defaults: {@link rawDataDir} and {@link packageDatasetDir}.
 *
 * @throws {InvalidInputError} on an unknown option, a positional argument or an empty value.
 * @example
 * parseBuildArgs(['--from', 'new-raw']); // { rawDir: '<cwd>/new-raw', outDir: '<repo>/packages/data/dataset' }
 */
export function parseBuildArgs(argv: readonly string[]): BuildDirs {
  const fn = 'parseBuildArgs';
  let values: { from?: string | undefined; out?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { from: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new InvalidInputError(buildMessages.badBuildArguments(fn, argv.join(' '), (error as Error).message), { argv: [...argv] });
  }
  for (const [name, value] of Object.entries(values)) {
    if (value === '') throw new InvalidInputError(buildMessages.badBuildArguments(fn, argv.join(' '), `--${name} needs a folder`), { argv: [...argv] });
  }
  return {
    rawDir: values.from === undefined ? rawDataDir() : resolve(values.from),
    outDir: values.out === undefined ? packageDatasetDir() : resolve(values.out),
  };
}
