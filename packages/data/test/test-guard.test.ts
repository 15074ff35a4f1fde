/**
 * The test guard (scripts/test-guard.mjs), preloaded into every test process: a read outside the repository throws
 * an error naming the path and the rule, a read inside the repository or under os.tmpdir() works, also through named
 * ESM imports and node:fs/promises, and tsx still loads TypeScript under it. Each case runs in a child process
 * started with the guard, so this file does not depend on the guard being loaded itself.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const guard = new URL('../../../scripts/test-guard.mjs', import.meta.url).href;
/**
 * A path beside the repository (where ../shared would be), outside every allowed root; when the repository itself
 * lies under the temporary folder (CI clones it there), the folder beside it is allowed, so the probe goes to the
 * file system's root instead. It need not exist; the guard throws first.
 */
const beside = resolve(repo, '..', `metrocoop-test-guard-probe-${process.pid}.txt`);
const outside = beside.startsWith(realpathSync(tmpdir())) || beside.startsWith(tmpdir()) ? `/metrocoop-test-guard-probe-${process.pid}.txt` : beside;
const scratch = mkdtempSync(join(tmpdir(), 'metrocoop-test-guard-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Run an ES module source in a child `node --import <guard>` (cwd: the repository); its stdout lines and status. */
function runGuarded(source: string, preload: readonly string[] = []): { lines: string[]; status: number | null; stderr: string } {
  const child = spawnSync(process.execPath, [...preload.flatMap((p) => ['--import', p]), '--import', guard, '--input-type=module', '-e', source], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { lines: child.stdout.trim().split('\n'), status: child.status, stderr: child.stderr };
}

/** Child source: print `ok` or the error's code and message for each attempt, one per line. */
const attempts = (...calls: string[]): string =>
  calls
    .map((call) => `try { await (async () => ${call})(); console.log('ok'); } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`)
    .join('\n');

describe('test guard', () => {
  it('makes a read outside the repository throw, naming the path and the rule', () => {
    const { lines, status, stderr } = runGuarded(
      `import { readFileSync, existsSync, statSync, readdirSync } from 'node:fs';
       import { readFile } from 'node:fs/promises';
       import fs from 'node:fs';
       const target = ${JSON.stringify(outside)};
       ${attempts('readFileSync(target, "utf8")', 'existsSync(target)', 'statSync(target)', 'readdirSync("/")', 'readFile(target)', 'fs.createReadStream(target)')}`,
    );
    assert.equal(status, 0, stderr);
    assert.equal(lines.length, 6, lines.join('\n'));
    lines.forEach((line, k) => {
      assert.notEqual(line, 'ok', `attempt ${k} was allowed`);
      const { code, message } = JSON.parse(line) as { code: string; message: string };
      assert.equal(code, 'ERR_TEST_READ_OUTSIDE_REPO', `attempt ${k}: ${message}`);
      assert.match(message, /tests never read outside the repository/);
      assert.ok(message.includes(k === 3 ? '"/"' : JSON.stringify(outside)), message);
    });
  });

  it('lets a test read inside the repository and under os.tmpdir(), and open any file only for writing', () => {
    const inTmp = join(scratch, 'fixture.txt');
    writeFileSync(inTmp, 'tmp');
    const { lines, status, stderr } = runGuarded(
      `import { readFileSync, existsSync, readdirSync, openSync, closeSync } from 'node:fs';
       import { readFile, stat } from 'node:fs/promises';
       ${attempts(
         'JSON.parse(readFileSync("package.json", "utf8")).name',
         `readFileSync(${JSON.stringify(join(repo, 'packages', 'data', 'raw', 'cn', 'regions.csv'))})`,
         `readdirSync(${JSON.stringify(join(repo, 'packages', 'data', 'dataset'))})`,
         `readFile(${JSON.stringify(inTmp)}, "utf8")`,
         `stat(${JSON.stringify(scratch)})`,
         'existsSync("/etc/hostname") || true',
         `closeSync(openSync(${JSON.stringify(join(scratch, 'written.txt'))}, "w"))`,
       )}`,
    );
    assert.equal(status, 0, stderr);
    assert.deepEqual(lines, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('keeps tsx working: TypeScript modules of the repository load and run under the guard', () => {
    const schemas = new URL('../src/model/schemas.ts', import.meta.url).href;
    const { lines, status, stderr } = runGuarded(
      `const { tables } = await import(${JSON.stringify(schemas)}); console.log(Object.keys(tables).includes('observations'));`,
      ['tsx'],
    );
    assert.equal(status, 0, stderr);
    assert.deepEqual(lines, ['true']);
  });
});
