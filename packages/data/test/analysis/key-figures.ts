/**
 * The key figures of an analysis as a reviewer reads them, and the two tests every embedded metro and unit set
 * gets: it validates against the schema and matches its key-figure snapshot (./key-figures/<metro>-<units>.json;
 * a missing snapshot fails — write it on purpose with UPDATE_SNAPSHOTS=1), and it prints at most 12 headline
 * findings, ranked by priority.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { it } from 'node:test';
import type { MetroAnalysis } from '@metrocoop/core';
import { metroAnalysisSchema } from '../../src/analysis/result-schema.ts';

/** Three significant digits: the figures a reviewer reads; floating-point noise never shows. */
const sig = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Number(v.toPrecision(3)));

/**
 * The key figures of an analysis, as a reviewer reads them: the basis and what was left out, the traded mapping,
 * the pair types (every pair of a small metro, else counts only), the homogenisation, the drivers, and the headline
 * findings with their priorities.
 */
function keyFigures(r: MetroAnalysis): unknown {
  const name = (k: number) => r.units[k]?.nameEn ?? String(k);
  const t = r.typology.pairs;
  const h = r.homogenisation.pairs;
  return {
    unitSet: {
      id: r.unitSet.id,
      indicator: r.unitSet.indicator,
      classification: r.unitSet.classification,
      year: r.unitSet.year,
      source: r.unitSet.source,
      units: r.units.length,
      industries: r.industries.length,
      droppedUnits: r.unitSet.dropped.units.map((u) => u.id),
      droppedIndustries: r.unitSet.dropped.industries.map((i) => i.code),
    },
    traded: r.homogenisation.traded,
    impedance: r.linkage.impedance.kind,
    typology: r.typology.counts,
    pairs:
      t.type.length > 28
        ? `${t.type.length} pairs (counts above)`
        : t.type.map(
            (type, p) =>
              `${name(t.a[p] as number)} – ${name(t.b[p] as number)}: ${type} (functional ${t.functional[p]}, ratio ${sig(t.functionalRatio[p])}; chain stages ${t.chainStages[p]}; ${t.specialisation[p]}, z ${sig(h.tradedZ[p])}, shared ${(h.sharedTraded[p] ?? []).join(' ') || '—'})`,
          ),
    homogenisation: {
      index: sig(r.homogenisation.index),
      meanTradedSimilarity: sig(r.homogenisation.meanTradedSimilarity),
      mostSimilar:
        r.homogenisation.mostSimilar === null
          ? null
          : { ...r.homogenisation.mostSimilar, tradedSimilarity: sig(r.homogenisation.mostSimilar.tradedSimilarity) },
      hotSpots: r.homogenisation.hotSpots.map((x) => `${x.industry}: ${x.units.length} units`),
    },
    functionalSpecialisation: r.structure.functionalSpecialisation?.values.map((v, k) => `${name(k)} ${sig(v)}`) ?? null,
    drivers: Object.fromEntries(Object.entries(r.drivers.metro).map(([k, v]) => [k, sig(v.score)])),
    findings: r.findings.length,
    headline: r.findings.filter((f) => f.headline).map((f) => `${f.rule} ${f.kind} (${sig(f.priority)}): ${f.title.en}`),
  };
}

const keyFiguresPath = (metro: string, units: string) => new URL(`./key-figures/${metro}-${units}.json`, import.meta.url);

/** The two tests of one metro and unit set; `result` is read when the tests run (after the suite's set-up). */
export function keyFigureTests(m: string, units: string, result: () => MetroAnalysis): void {
  it(`${m} ${units}: validates against the schema and matches its key figures`, () => {
    const r = result();
    const parsed = metroAnalysisSchema.safeParse(JSON.parse(JSON.stringify(r)));
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5)));
    const text = `${JSON.stringify(keyFigures(r), null, 2)}\n`;
    const path = keyFiguresPath(m, units);
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(path, text);
    assert.ok(existsSync(path), `no key-figure snapshot for ${m} ${units}: review the output and write it with UPDATE_SNAPSHOTS=1`);
    assert.equal(text, readFileSync(path, 'utf8'), `key figures of ${m} ${units} changed; review and rerun with UPDATE_SNAPSHOTS=1`);
  });

  it(`${m} ${units}: at most 12 headline findings, ranked by priority`, () => {
    const r = result();
    const headline = r.findings.filter((f) => f.headline);
    assert.ok(headline.length <= 12, `${headline.length} headline findings`);
    assert.deepEqual(headline, r.findings.slice(0, headline.length), 'the headline comes first');
    for (let k = 1; k < r.findings.length; k++) assert.ok((r.findings[k - 1]?.priority as number) >= (r.findings[k]?.priority as number), `order at ${k}`);
  });
}

/** Three-sector tables: homogeneity is "not judgeable" for every pair, and no pair is typed competing. */
export function assertNotJudgeable(r: MetroAnalysis, key: string): void {
  assert.equal(r.homogenisation.traded.judgeable, false, key);
  assert.equal(r.typology.counts.competing, 0, key);
  assert.ok(
    r.typology.pairs.specialisation.every((s) => s === 'not-judgeable'),
    key,
  );
}
