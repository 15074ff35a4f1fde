/**
 * `metrocoop metro add | list | show | remove` and `analyze` of a user metro, in process on a copy of the embedded
 * store: the worked example of docs/own-metro.md (the Boston MSA's seven counties, docs/examples/boston-msa.json
 * and .csv, data the repository ships) added, its data imported, analysed with its key figures checked exactly; the
 * one-shot form; an invalid file refused with its paths; an embedded metro's removal refused.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { main } from '../src/main.ts';

const definition = fileURLToPath(new URL('../../../docs/examples/boston-msa.json', import.meta.url));
const data = fileURLToPath(new URL('../../../docs/examples/boston-msa.csv', import.meta.url));

async function run(args: readonly string[], lang = 'en_US.UTF-8'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s), env: { LANG: lang } });
  return { code, out, err };
}

interface Analysis {
  metro: { id: string; country: string };
  unitSet: { id: string; indicator: string; classification: string };
  units: { id: string; ring: string }[];
  industries: unknown[];
  typology: { pairs: { type: string[] } };
  structure: { functionalSpecialisation: { values: (number | null)[] } };
  findings: { id: string }[];
}

/** The figures of the worked example (docs/own-metro.md). */
function checkBoston(r: Analysis): void {
  assert.deepEqual(r.metro.id, 'boston');
  assert.deepEqual([r.unitSet.id, r.unitSet.indicator, r.unitSet.classification], ['counties', 'employees', 'NAICS-2017']);
  assert.deepEqual(
    r.units.map((u) => `${u.id} ${u.ring}`),
    ['US-25009 inner', 'US-25017 inner', 'US-25021 inner', 'US-25023 outer', 'US-25025 core', 'US-33015 outer', 'US-33017 outer'],
  );
  assert.equal(r.industries.length, 13);
  const counts: Record<string, number> = {};
  for (const t of r.typology.pairs.type) counts[t] = (counts[t] ?? 0) + 1;
  assert.deepEqual(counts, { vertical: 5, horizontal: 9, competing: 3, mixed: 4 });
  assert.equal(r.structure.functionalSpecialisation.values[4], 3.7972578997482103);
  assert.deepEqual(
    r.findings.map((f) => f.id),
    ['core-ring-division', 'weak-complementarity', 'missing-chain-link:56', 'hot-spots', 'homogeneous-competition', 'data-gap'],
  );
}

describe('metrocoop metro, and analyze of a user metro', () => {
  let dir = '';
  let store = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-cli-metro-'));
    store = await storeCopyPath('embedded', dir, 'test.duckdb');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an invalid definition with every problem and its path, in both languages, writing nothing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        id: 'x',
        names: { en: 'X' },
        country: 'US',
        members: [
          { id: 'US-25025', ring: 'middle' },
          { id: 'US-99999', ring: 'core' },
        ],
      }),
    );
    const en = await run(['--store', store, 'metro', 'add', bad]);
    assert.equal(en.code, 1);
    assert.match(en.err, /has 1 problem\(s\); nothing was added/);
    assert.match(en.err, /bad\.json \$\.members\[0\]\.ring: should be one of "core", "inner", "outer" \(got "middle"\)/);
    const zh = await run(['--store', store, 'metro', 'add', bad], 'zh_CN.UTF-8');
    assert.match(zh.err, /有 1 个问题；未添加任何内容/);
    const list = await run(['--store', store, 'metro', 'list']);
    assert.doesNotMatch(list.out, /\bx\b.*yours/);
  });

  it('adds the worked example, imports its data, analyses it (key figures exactly), shows, lists and removes it', async () => {
    const added = await run(['--store', store, 'metro', 'add', definition]);
    assert.equal(added.code, 0, added.err);
    assert.match(added.out, /Added metro boston: 7 members \(0 new region\(s\)\), unit set\(s\) counties/);
    const imported = await run(['--store', store, 'data', 'import', data, '--dataset', 'boston-msa']);
    assert.equal(imported.code, 0, imported.out + imported.err);
    const analysed = await run(['--store', store, 'analyze', 'Boston', '--compare', 'none', '--format', 'json']);
    assert.equal(analysed.code, 0, analysed.err);
    checkBoston(JSON.parse(analysed.out) as Analysis);
    const text = await run(['--store', store, 'analyze', 'boston', '--compare', 'none']);
    assert.match(text.out, /21 pairs: vertical 5, mixed 4, horizontal 9, competing 3, undetermined 0/);
    assert.match(
      text.out,
      /What is missing, and what could therefore not be computed\n.*linkage\.gravity: Population or GDP is missing for US-33015, US-33017/s,
    );
    const shown = await run(['--store', store, 'metro', 'show', 'BOSTON']);
    assert.match(shown.out, /counties\* Counties by NAICS sector \(employees\): 7 × NAICS-2017, employees; 2017/);
    const listed = await run(['--store', store, 'metro', 'list']);
    assert.match(listed.out, /boston\s+Boston metro .*US\s+yours\s+7/);
    const removed = await run(['--store', store, 'metro', 'remove', 'boston']);
    assert.equal(removed.code, 0, removed.err);
    assert.match(removed.out, /Removed metro boston/);
    const gone = await run(['--store', store, 'analyze', 'boston']);
    assert.equal(gone.code, 1);
    assert.match(gone.err, /There is no metro "boston" in the store/);
  });

  it('refuses to remove an embedded metro', async () => {
    const en = await run(['--store', store, 'metro', 'remove', 'jjj']);
    assert.equal(en.code, 1);
    assert.match(en.err, /Metro jjj belongs to the embedded dataset and cannot be removed/);
    const zh = await run(['--store', store, 'metro', 'remove', 'jjj'], 'zh_CN.UTF-8');
    assert.match(zh.err, /都市圈 jjj 属于内置数据集，不能删除/);
  });

  it('the one-shot form: a definition and a data file, a temporary store removed afterwards', async () => {
    const before = new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('metrocoop-analyze-')));
    const result = await run(['analyze', '--metro-file', definition, '--data', data, '--compare', 'none', '--format', 'json']);
    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /Working in a temporary store/);
    checkBoston(JSON.parse(result.out) as Analysis);
    const left = readdirSync(tmpdir()).filter((f) => f.startsWith('metrocoop-analyze-') && !before.has(f));
    assert.deepEqual(left, []);
    const usage = await run(['analyze']);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /name a metro \(e\.g\. analyze jjj\) or give a definition file/);
  });
});
