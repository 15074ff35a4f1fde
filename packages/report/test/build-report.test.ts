import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { InvalidInputError, type MetroAnalysis, type MetroPlan } from '@metrocoop/core';
import { buildReport, type Report, type ReportTable, reportChapterIds } from '@metrocoop/report';
import { capRanked, rankedPairRows } from '../src/build/text.ts';
import { handMadeMetro, trickyName } from './support/hand-made-metro.ts';

let analysis: MetroAnalysis;
let plan: MetroPlan;
let report: Report;

const tables = (r: Report): ReportTable[] => r.chapters.flatMap((c) => c.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
const tableOf = (r: Report, id: string): ReportTable => {
  const found = tables(r).find((t) => t.id === id);
  assert.ok(found !== undefined, `table ${id}`);
  return found;
};
/** Latin letters left in a Chinese text once ids, codes and formula symbols are taken out. */
const latinWords = (zh: string): string[] => zh.match(/[A-Za-z]{2,}/g) ?? [];

describe('buildReport', () => {
  before(async () => {
    ({ analysis, plan } = await handMadeMetro());
    report = buildReport({ analysis, plan, geometries: null });
  });

  it('has the chapters of the paper, in its order', () => {
    assert.deepEqual(
      report.chapters.map((c) => c.id),
      [...reportChapterIds],
    );
    assert.equal(report.chapters[0]?.title.en, 'Overview');
    assert.equal(report.chapters[0]?.title.zh, '概况');
  });

  it('titles every chapter and table in Chinese without English words', () => {
    for (const c of report.chapters) assert.deepEqual(latinWords(c.title.zh), [], c.title.zh);
    for (const t of tables(report)) {
      assert.deepEqual(latinWords(t.title.zh), [], t.title.zh);
      // Column labels may name a formula symbol (FS, C a→b) or a data id; never an English word.
      for (const col of t.columns)
        assert.ok(
          latinWords(col.label.zh).every((w) => w === 'FS' || /^[A-Z]+$/.test(w)),
          `${t.id}: ${col.label.zh}`,
        );
    }
  });

  it('gives Table 5: the metro, then every unit with its area, population, GDP in millions and sector shares', () => {
    const t = tableOf(report, 'overview');
    assert.deepEqual(
      t.columns.map((c) => c.key),
      ['unit', 'ring', 'area', 'population', 'gdp', 'gdpPerCapita', 'primary', 'secondary', 'tertiary'],
    );
    const [metro, core] = t.rows;
    assert.deepEqual(metro?.slice(2, 6), [11_600, 5_600_000, 81_000, 81e9 / 5.6e6]);
    assert.deepEqual(core?.[0], { en: 'Unit CORE', zh: '单元CORE' });
    assert.deepEqual(core?.slice(2, 6), [1_600, 2_000_000, 40_000, 20_000]);
    assert.ok(Math.abs((core?.[8] as number) - 0.84) < 1e-12);
    // The year and source of every number, by unit where they differ.
    assert.match(t.note?.en ?? '', /Area: 2020, TEST_AREA_CORE \(Unit CORE\); 2020, TEST_AREA \(Unit WEST, Unit EAST, Port/);
    assert.match(t.note?.zh ?? '', /人口：2020 年，TEST_POP/);
    assert.deepEqual(t.sources, ['TEST_AREA_CORE', 'TEST_AREA', 'TEST_POP', 'TEST_GDP', 'TEST_VA']);
  });

  it('types every pair with the numbers that decided it, the most linked pair first', () => {
    const t = tableOf(report, 'pair-types');
    assert.equal(t.rows.length, analysis.typology.pairs.a.length);
    const linkage = t.rows.map((r) => r[7] as number | null);
    assert.deepEqual(
      linkage,
      [...linkage].sort((x, y) => (y ?? -1) - (x ?? -1)),
    );
    const types = new Map(
      analysis.typology.pairs.type.map((type, p) => {
        const a = analysis.units[analysis.typology.pairs.a[p] ?? -1]?.nameEn;
        const b = analysis.units[analysis.typology.pairs.b[p] ?? -1]?.nameEn;
        return [`${a}–${b}`, type];
      }),
    );
    const names: Record<string, string> = {
      vertical: 'vertical',
      horizontal: 'horizontal',
      mixed: 'mixed',
      competing: 'competing',
      undetermined: 'undetermined',
    };
    for (const r of t.rows) {
      const pair = (r[0] as { en: string }).en;
      assert.equal((r[1] as { en: string }).en, names[types.get(pair) ?? ''], pair);
    }
  });

  it('shows the positions of Table 7 (stated, today, optimum) for every unit', () => {
    const t = tableOf(report, 'positions');
    assert.equal(t.rows.length, 4);
    const core = t.rows.find((r) => (r[0] as { en: string }).en === 'Unit CORE');
    assert.ok(core !== undefined);
    const chosen = plan.positions.units.find((u) => u.unit === 'CORE')?.chosen.map((c) => c.industry) ?? [];
    assert.ok(chosen.length > 0);
    for (const code of chosen) assert.match((core[4] as { en: string }).en, new RegExp(`\\b${code} `));
    assert.equal((core[2] as { en: string }).en, 'none stated');
  });

  it('gives the recommendations under the plan’s four headings, then the headline findings', () => {
    const ids = report.chapters.find((c) => c.id === 'recommendations')?.blocks.flatMap((b) => (b.kind === 'table' ? [b.table.id] : []));
    assert.deepEqual(ids, ['rec-mechanism', 'rec-planning-government', 'rec-positions', 'rec-infrastructure', 'findings']);
    assert.equal(tableOf(report, 'findings').rows.length, analysis.findings.filter((f) => f.headline).length);
  });

  it('lists every threshold of the run and the typology rules in the appendix', () => {
    const t = tableOf(report, 'thresholds');
    assert.equal(t.rows.length, Object.keys(analysis.options).length);
    assert.deepEqual(t.rows[0]?.slice(0, 2), ['advantageLq', analysis.options.advantageLq]);
    assert.equal(tableOf(report, 'typology-rules').rows.length, 2);
  });

  it('keeps every row of a long table and says how many the reading formats show', () => {
    const short = buildReport({ analysis, plan, geometries: null, shownRows: 2 });
    const t = tableOf(short, 'pair-types');
    assert.equal(t.rows.length, 6);
    assert.equal(t.shownRows, 2);
    assert.equal(tableOf(report, 'pair-types').shownRows, undefined);
  });

  it('cuts a ranked view of many pairs to its first rows and says where every pair is', () => {
    const rows = Array.from({ length: rankedPairRows + 50 }, (_, k) => [k]);
    const cut = capRanked(rows, { en: 'Ranked.', zh: '排序。' });
    assert.equal(cut.rows.length, rankedPairRows);
    assert.match(cut.note?.en ?? '', /^Ranked\.\nThe first 200 of 250 pairs; every pair's type and deciding numbers are in the cooperation-type table/);
    assert.match(cut.note?.zh ?? '', /共 250 个/);
    assert.equal(capRanked(rows.slice(0, 10), null).note, null);
  });

  it('lists the sources in the order of first use, with the catalogue’s citation when it has one', () => {
    const r = buildReport({
      analysis,
      plan,
      geometries: null,
      sources: [{ id: 'TEST_POP', citation: 'Test census', publisher: 'Test bureau', url: 'https://example.org/pop' }],
    });
    assert.deepEqual(
      r.sources.map((s) => s.id),
      ['TEST_EMP', 'TEST_AREA_CORE', 'TEST_AREA', 'TEST_POP', 'TEST_GDP', 'TEST_VA', 'TEST_RAIL'],
    );
    assert.deepEqual(r.sources[3], {
      id: 'TEST_POP',
      title: { en: 'Test census. Test bureau', zh: 'Test census. Test bureau' },
      url: 'https://example.org/pop',
    });
    assert.deepEqual(r.sources[0], { id: 'TEST_EMP', title: { en: 'TEST_EMP', zh: 'TEST_EMP' }, url: null });
  });

  it('builds the charts in both languages unless one is asked for', () => {
    const charts = report.chapters.flatMap((c) => c.blocks.filter((b) => b.kind === 'chart'));
    assert.ok(charts.length >= 8);
    for (const b of charts) if (b.kind === 'chart') assert.ok(b.byLanguage !== undefined);
    const zh = buildReport({ analysis, plan, geometries: null, lang: 'zh' });
    for (const c of zh.chapters) for (const b of c.blocks) if (b.kind === 'chart') assert.equal(b.byLanguage, undefined);
  });

  it('is deterministic: the same input gives the same report, a date only when given', () => {
    const again = buildReport({ analysis, plan, geometries: null });
    assert.equal(JSON.stringify(again), JSON.stringify(report));
    const dated = buildReport({ analysis, plan, geometries: null, date: '2026-11-28' });
    assert.match(dated.subtitle.en, /2026-11-28$/);
    assert.doesNotMatch(report.subtitle.en, /\d{4}-\d{2}-\d{2}/);
  });

  it('says what is missing without a plan', () => {
    const r = buildReport({ analysis, plan: null, geometries: null });
    const positions = r.chapters.find((c) => c.id === 'positions');
    assert.equal(positions?.blocks.length, 1);
    assert.match(JSON.stringify(positions), /No plan was given/);
    assert.ok(tables(r).some((t) => t.id === 'findings'));
  });

  it('refuses a plan of another metro', () => {
    const other = { ...plan, metro: { ...plan.metro, id: 'other' } };
    assert.throws(
      () => buildReport({ analysis, plan: other, geometries: null }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'REPORT_PLAN_MISMATCH',
    );
  });

  it('keeps names as they are in the model (escaping is the renderers’ work)', () => {
    const t = tableOf(report, 'overview');
    assert.ok(t.rows.some((r) => (r[0] as { en: string }).en === trickyName));
  });
});
