/**
 * `metrocoop scenario` run as a user runs it (the compiled bin, on a copy of the embedded store through
 * METROCOOP_STORE): moves on the command line (text in English and Chinese, and JSON checked against the result's
 * zod schema and by hand), a bad move refused with a clear message and no stack trace, a scenario file, and a
 * user-defined metro through --metro-file (docs/examples/boston-msa.json and .csv).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scenarioResultSchema } from '../../../packages/core/src/planning/scenario-schema.ts';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { assertClose } from '../../../test-support/numbers.ts';
import { runBin } from './support/run-bin.ts';

const definition = fileURLToPath(new URL('../../../docs/examples/boston-msa.json', import.meta.url));
const data = fileURLToPath(new URL('../../../docs/examples/boston-msa.csv', import.meta.url));

/** Beijing's manufacturing (C) to Hebei and Tianjin: two moves of JJJ's 2020 urban-unit employment. */
const moves = ['--move', 'CN-110000:C:100000->CN-130000', '--move', 'CN-110000:C:50000->CN-120000'];
const noStackTrace = (err: string) => assert.doesNotMatch(err, /\n\s+at |Error:|unexpected failure/);

describe('metrocoop scenario (the binary)', () => {
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  const run = (args: readonly string[], lang = 'en_US.UTF-8') => runBin(args, { cwd: dir, env: { ...env, LANG: lang } });
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-scenario-'));
    const store = await storeCopyPath('embedded', dir, 'metrocoop.duckdb');
    env = { ...process.env, METROCOOP_STORE: store, LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the moves, what changes and the firms that really moved', async () => {
    const r = await run(['scenario', 'jjj', '--units', 'provinces', ...moves]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Relocation scenario — Beijing–Tianjin–Hebei \(jjj\), provinces/);
    assert.match(r.out, / 1\. Beijing → Hebei: C Manufacturing 100,000 persons \(16\.7% of C in Beijing\)/);
    assert.match(r.out, /Hebei gains the traded advantage C Manufacturing \(LQ 1\.22 → 1\.32\)/);
    assert.match(r.out, /Gravity linkage unchanged: /);
    assert.match(r.out, /Firms that really moved \(listed firms whose registered seat changed, 2011–2023/);
    // Ranked: the diagnosis before the detail tables.
    assert.ok(r.out.indexOf('What changes') < r.out.indexOf('At the two ends of the moves'));
  });

  it('prints the same in Chinese', async () => {
    const r = await run(['scenario', 'jjj', '--units', 'provinces', ...moves, '--lang', 'zh']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^产业迁移情景 — 京津冀（jjj）/);
    assert.match(r.out, /北京市 → 河北省：C 制造业 10 万人（占北京市 C 的 16\.7%）/);
    assert.match(r.out, /河北省新增可贸易优势产业 C 制造业（区位熵 1\.22 → 1\.32）/);
    assert.match(r.out, /引力联系不变：/);
  });

  it('writes a JSON document the result schema accepts, with the location quotients as computed by hand', async () => {
    const r = await run(['scenario', 'jjj', '--units', 'provinces', ...moves, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out);
    const parsed = scenarioResultSchema.safeParse(doc);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3)));
    const result = parsed.data;
    assert.deepEqual([result.unitSet.id, result.unitSet.year, result.unitSet.measure], ['provinces', 2020, 'employment']);
    // 2020 urban-unit employment: Hebei C 985,000 of 5,612,000; metro C 2,234,000 of 15,567,000 (unchanged by the moves).
    const hebei = result.specialisation.cells.find((c) => c.unit === 'CN-130000' && c.industry === 'C');
    assert.deepEqual(hebei?.value, { before: 985000, after: 1085000 });
    assertClose(hebei?.lq.before as number, 985000 / 5612000 / (2234000 / 15567000), 1e-12, 'Hebei C before');
    assertClose(hebei?.lq.after as number, 1085000 / 5712000 / (2234000 / 15567000), 1e-12, 'Hebei C after');
    assert.deepEqual(hebei?.advantage, { before: false, after: true });
    assert.equal(result.linkage.gravity.unchanged, true);
    assert.ok(result.observed !== null);
    assert.equal(result.observed.scenarioPairs.length, 2);
  });

  it('refuses a bad move with a clear message, exit 1 and no stack trace', async () => {
    const unknown = await run(['scenario', 'jjj', '--units', 'provinces', '--move', 'CN-110000:Z:5->CN-130000']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /^scenario: move 1 "CN-110000:Z:5->CN-130000" names industry "Z", which is not in the 2020 matrix/);
    assert.match(unknown.err, /use one of A, B, C, /);
    noStackTrace(unknown.err);
    const tooMuch = await run([
      'scenario',
      'jjj',
      '--units',
      'provinces',
      '--move',
      'CN-110000:C:400000->CN-130000',
      '--move',
      'CN-110000:C:300000->CN-120000',
    ]);
    assert.equal(tooMuch.code, 1);
    assert.match(tooMuch.err, /move 2 .*more than it holds after the earlier moves \(got 300000 > 198000\); move at most 198000 persons/);
    noStackTrace(tooMuch.err);
    const malformed = await run(['scenario', 'jjj', '--move', 'CN-110000 to CN-130000']);
    assert.equal(malformed.code, 1);
    assert.match(malformed.err, /FROM:INDUSTRY:AMOUNT->TO/);
    noStackTrace(malformed.err);
    const none = await run(['scenario', 'jjj']);
    assert.equal(none.code, 2);
    assert.match(none.err, /give the moves/);
  });

  it('reads a scenario file, and names the problems of a bad one', async () => {
    const file = join(dir, 'scenario.json');
    writeFileSync(
      file,
      JSON.stringify({
        moves: [
          { from: 'CN-110000', industry: 'C', share: 0.1, to: 'CN-130000' },
          { from: 'CN-110000', industry: 'F', amount: 40000, to: 'CN-120000' },
        ],
        note: 'Illustrative',
      }),
    );
    const r = await run(['scenario', 'jjj', '--units', 'provinces', '--file', file, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const doc = scenarioResultSchema.parse(JSON.parse(r.out));
    assert.equal(doc.note, 'Illustrative');
    assert.deepEqual(
      doc.moves.map((m) => [m.text, m.amount, m.share]),
      [
        ['CN-110000:C:10%->CN-130000', 59800, 0.1],
        ['CN-110000:F:40000->CN-120000', 40000, null],
      ],
    );
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ moves: [{ from: 'CN-110000', industry: 'C', share: 2, to: 'CN-130000' }] }));
    const refused = await run(['scenario', 'jjj', '--file', bad]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /moves\.0\.share: must be ≤ 1/);
    noStackTrace(refused.err);
  });

  it('runs on a user-defined metro given by --metro-file and --data', async () => {
    const r = await run(['scenario', '--metro-file', definition, '--data', data, '--move', 'US-25025:31-33:5000->US-33015', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /temporary store/);
    const doc = scenarioResultSchema.parse(JSON.parse(r.out));
    assert.deepEqual([doc.metro.id, doc.unitSet.id, doc.unitSet.classification], ['boston', 'counties', 'NAICS-2017']);
    assert.deepEqual(doc.moves[0]?.amount, 5000);
    const suffolk = doc.specialisation.cells.find((c) => c.unit === 'US-25025');
    assert.deepEqual(suffolk?.value, { before: 9861, after: 4861 });
    // The firm panel is Chinese: none for Boston, and the result says so.
    assert.equal(doc.observed, null);
    assert.ok(doc.observedAbsent !== null);
  });
});
