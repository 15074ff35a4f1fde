/**
 * Builds the test store templates once before a test run (see store-template.ts).
 *
 * Contract with the test runner:
 * - Run: `node --import tsx packages/data/test/support/build-templates.ts <out-dir>` (or the same file compiled to
 *   JS). `<out-dir>` is created if missing; it receives `embedded.duckdb`, `fixture.duckdb` and `seeded.duckdb`
 *   (an existing file of those names is replaced). Nothing else is written there.
 * - On success it prints exactly one line per template on stdout, `NAME=/absolute/path`, and exits 0:
 *     METROCOOP_TEST_STORE_TEMPLATE=<out-dir>/embedded.duckdb    (schema + the embedded dataset as `default`)
 *     METROCOOP_TEST_FIXTURE_TEMPLATE=<out-dir>/fixture.duckdb   (schema + test/fixtures/dataset as `default`)
 *     METROCOOP_TEST_SEEDED_TEMPLATE=<out-dir>/seeded.duckdb     (schema + the importer tests' reference rows)
 *   On failure it prints the error on stderr and exits 1 (run the tests without the variables then: each test
 *   process builds what it needs itself, slower but correct).
 * - Pass those variables to every test process. Tests only copy the files or open them read-only, so several test
 *   processes may share them at once; the runner removes `<out-dir>` after the run.
 * - A template is valid for the dataset files and the schema as they were when it was built: rebuild when either
 *   changes (once per run is the intent). A stale one is refreshed on copy, and refused on read-only open.
 * Takes about 2 s on this 2-core machine (almost all of it loading the embedded dataset).
 */
import { resolve } from 'node:path';
import { buildStoreTemplates } from './store-template.ts';

const out = process.argv[2];
if (out === undefined || out === '') {
  process.stderr.write('usage: build-templates.ts <out-dir>\n');
  process.exit(2);
}
try {
  const env = await buildStoreTemplates(resolve(out));
  for (const [name, path] of Object.entries(env)) process.stdout.write(`${name}=${path}\n`);
} catch (error) {
  process.stderr.write(`build-templates: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
