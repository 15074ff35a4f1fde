/**
 * The architecture check (scripts/check-architecture.mjs, docs/architecture.md) as part of the tests: the layering
 * of the packages, declared npm dependencies, no import cycle, and a start-up (`metrocoop --help`) that loads
 * neither DuckDB nor the measures.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the architecture check', () => {
  it('passes on the repository as it is', () => {
    const r = spawnSync(process.execPath, ['scripts/check-architecture.mjs'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /layering, dependencies, cycles and start-up ok/);
  });
});
