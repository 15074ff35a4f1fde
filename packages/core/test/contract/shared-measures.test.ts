import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateMatrix } from '../../../../bench/generate.ts';
import { complexityOutlook } from '../../src/complexity/complexity-outlook.ts';
import { economicComplexity } from '../../src/complexity/economic-complexity.ts';
import { computeMeasures, type MeasureName, type MeasureResults, type MeasuresDocumentOptions } from '../../src/contract/measures-document.ts';
import type { LabelledMatrix, LabelledVector } from '../../src/matrix/labelled.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { coOccurrence } from '../../src/relatedness/co-occurrence.ts';
import { density } from '../../src/relatedness/density.ts';
import { diversity, ubiquity } from '../../src/relatedness/diversity-ubiquity.ts';
import { proximity } from '../../src/relatedness/proximity.ts';
import { presence } from '../../src/specialisation/presence.ts';

// computeMeasures computes presence, co-occurrence, proximity, density and the eigenvector once per call and shares
// them between ECI/PCI, COI/COG, density and proximity. These tests check, bit for bit (Object.is on every element,
// absent masks included), that the shared path gives what each public function gives on its own, and that both
// still give the values of the code before the shared path (fingerprints recorded at commit bc25b74).

/** A fresh copy, so that nothing cached with one matrix is reused by a computation on another. */
const copy = (m: RegionIndustryMatrix) => RegionIndustryMatrix.fromWide(m.regions, m.industries, m.values.slice());

type Result = LabelledVector | LabelledMatrix;

/** Compare bits: same length, Object.is on every value, the same absent mask (or none on both sides). */
function assertSameBits(actual: Result | undefined, expected: Result | undefined, what: string): void {
  assert.ok(actual !== undefined && expected !== undefined, `${what}: missing`);
  assert.equal(actual.values.length, expected.values.length, `${what}: length`);
  for (let k = 0; k < expected.values.length; k++) {
    if (!Object.is(actual.values[k], expected.values[k])) assert.fail(`${what}[${k}]: ${actual.values[k]} is not bit-identical to ${expected.values[k]}`);
  }
  assert.equal(actual.absent === undefined, expected.absent === undefined, `${what}: absent mask present on one side only`);
  if (actual.absent !== undefined && expected.absent !== undefined) assert.deepEqual(actual.absent, expected.absent, `${what}: absent mask`);
}

/** FNV-1a over the bits of the values and the absent mask: a short, exact fingerprint of a result. */
function fingerprint(result: Result): string {
  let h = 0x811c9dc5;
  const mix = (byte: number) => {
    h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  };
  for (const byte of new Uint8Array(result.values.buffer, result.values.byteOffset, result.values.byteLength)) mix(byte);
  mix(result.absent === undefined ? 0xff : 0xfe);
  for (const byte of result.absent ?? []) mix(byte);
  return `${result.values.length}:${h.toString(16).padStart(8, '0')}`;
}

const presenceBased = [
  'presence',
  'diversity',
  'ubiquity',
  'coOccurrence',
  'proximity',
  'density',
  'eci',
  'pci',
  'coi',
  'cog',
] as const satisfies readonly MeasureName[];

/** Each measure from its own public function on its own fresh matrix. */
function separately(
  m: RegionIndustryMatrix,
  o: Required<Pick<MeasuresDocumentOptions, 'threshold' | 'proximity' | 'complexity' | 'coOccurrenceDiagonal'>>,
): MeasureResults {
  const t = { threshold: o.threshold };
  const ec = economicComplexity(copy(m), { ...t, normalization: o.complexity });
  const outlook = complexityOutlook(copy(m), { ...t, proximity: o.proximity });
  return {
    presence: presence(copy(m), t),
    diversity: diversity(copy(m), t),
    ubiquity: ubiquity(copy(m), t),
    coOccurrence: coOccurrence(copy(m), { ...t, diagonal: o.coOccurrenceDiagonal }),
    proximity: proximity(copy(m), { ...t, form: o.proximity }),
    density: density(copy(m), { ...t, proximity: o.proximity }),
    eci: ec.eci,
    pci: ec.pci,
    coi: outlook.coi,
    cog: outlook.cog,
  };
}

const cases = [
  { size: 'small', regions: 50, industries: 100, seed: 42 },
  { size: 'small', regions: 50, industries: 100, seed: 7 },
  { size: 'medium', regions: 300, industries: 100, seed: 42 },
  { size: 'medium', regions: 300, industries: 100, seed: 2024 },
  // 200 industries: the eigenvector by Lanczos (the exact solver below 150), as at the large size.
  { size: 'medium, 200 industries', regions: 300, industries: 200, seed: 42 },
] as const;

const optionSets = [
  { name: 'defaults', options: { threshold: 1, proximity: 'minimum', complexity: 'zScore', coOccurrenceDiagonal: 'ubiquity' } },
  { name: 'conditional, sum, zero diagonal, t = 0.8', options: { threshold: 0.8, proximity: 'conditional', complexity: 'sum', coOccurrenceDiagonal: 'zero' } },
] as const;

/** Fingerprints of every measure, computed by the code before the shared path (commit bc25b74). */
const recorded: Record<string, Partial<Record<MeasureName, string>>> = {
  'small|42|defaults': {
    presence: '5000:5fcaed65',
    diversity: '50:76864304',
    ubiquity: '100:03921ebf',
    coOccurrence: '10000:a42cf453',
    proximity: '10000:2c5b17c6',
    density: '5000:3f21ab27',
    eci: '50:54c1ae73',
    pci: '100:9b1c5903',
    coi: '50:ee80a8aa',
    cog: '5000:98c83f67',
  },
  'small|42|conditional, sum, zero diagonal, t = 0.8': {
    presence: '5000:164a1d0e',
    diversity: '50:3ed08897',
    ubiquity: '100:eb909dee',
    coOccurrence: '10000:dc44ce5e',
    proximity: '10000:9273ea14',
    density: '5000:ede8e755',
    eci: '50:a895f602',
    pci: '100:e1265577',
    coi: '50:edc889e1',
    cog: '5000:1081db1b',
  },
  'small|7|defaults': {
    presence: '5000:65c5a985',
    diversity: '50:0d89fee2',
    ubiquity: '100:0d3757f9',
    coOccurrence: '10000:ed9f7609',
    proximity: '10000:6f46cdfe',
    density: '5000:cb27e84e',
    eci: '50:9c0e9ad3',
    pci: '100:2543316f',
    coi: '50:cd41d7fc',
    cog: '5000:14b4b3a5',
  },
  'small|7|conditional, sum, zero diagonal, t = 0.8': {
    presence: '5000:90b43dc5',
    diversity: '50:a3d43778',
    ubiquity: '100:8fe5068e',
    coOccurrence: '10000:b35a5e46',
    proximity: '10000:c65e2732',
    density: '5000:e743bb40',
    eci: '50:2a5c7d65',
    pci: '100:28296ea1',
    coi: '50:2e62649d',
    cog: '5000:479f6e6a',
  },
  'medium|42|defaults': {
    presence: '30000:66577005',
    diversity: '300:f22fb76b',
    ubiquity: '100:ee4b7f4d',
    coOccurrence: '10000:cc56de2d',
    proximity: '10000:4a42e4ba',
    density: '30000:29150492',
    eci: '300:e0fc8f8f',
    pci: '100:708196f8',
    coi: '300:736968c6',
    cog: '30000:426a9ec4',
  },
  'medium|42|conditional, sum, zero diagonal, t = 0.8': {
    presence: '30000:6a70dace',
    diversity: '300:4d8b5387',
    ubiquity: '100:419f5f43',
    coOccurrence: '10000:8ad07fce',
    proximity: '10000:36c56c62',
    density: '30000:35b6403e',
    eci: '300:fc97e139',
    pci: '100:5d2dd419',
    coi: '300:85c6e31e',
    cog: '30000:d0c97c67',
  },
  'medium|2024|defaults': {
    presence: '30000:4941a1a5',
    diversity: '300:7a62bb9b',
    ubiquity: '100:2d9aba6e',
    coOccurrence: '10000:41cae54e',
    proximity: '10000:2ac85efe',
    density: '30000:f2896f1f',
    eci: '300:3c12c0b6',
    pci: '100:f3dc6826',
    coi: '300:8418de97',
    cog: '30000:69da96a7',
  },
  'medium|2024|conditional, sum, zero diagonal, t = 0.8': {
    presence: '30000:0f5a65e5',
    diversity: '300:850c0ed6',
    ubiquity: '100:9a88d644',
    coOccurrence: '10000:1f9ce34e',
    proximity: '10000:b071d6ba',
    density: '30000:29d6c4d1',
    eci: '300:f3ac81cf',
    pci: '100:e38d752c',
    coi: '300:5db7251d',
    cog: '30000:8a101d9d',
  },
  'medium, 200 industries|42|defaults': {
    presence: '60000:a179158e',
    diversity: '300:d2d446c7',
    ubiquity: '200:5f4343ae',
    coOccurrence: '40000:b284746e',
    proximity: '40000:daab7752',
    density: '60000:3f832135',
    eci: '300:6f477bb2',
    pci: '200:db3f255d',
    coi: '300:c6299d51',
    cog: '60000:d2b1b625',
  },
  'medium, 200 industries|42|conditional, sum, zero diagonal, t = 0.8': {
    presence: '60000:31a6b46e',
    diversity: '300:1298a283',
    ubiquity: '200:48b585cf',
    coOccurrence: '40000:c22b860e',
    proximity: '40000:c5ba3468',
    density: '60000:adf7836c',
    eci: '300:d98ac1ad',
    pci: '200:b312b7c4',
    coi: '300:6c84de97',
    cog: '60000:3c18335f',
  },
};

describe('computeMeasures (shared intermediates)', () => {
  for (const c of cases) {
    for (const set of optionSets) {
      it(`gives every presence-based measure bit for bit as its own function does (${c.size} seed ${c.seed}, ${set.name})`, () => {
        const m = generateMatrix(c.regions, c.industries, c.seed);
        const expected = separately(m, set.options);
        const { results, notes } = computeMeasures(copy(m), presenceBased, set.options);
        for (const name of presenceBased) assertSameBits(results[name], expected[name], name);
        for (const name of ['eci', 'pci', 'coi', 'cog'] as const) {
          assert.deepEqual(
            notes.filter((n) => n.measure === name).map((n) => n.label),
            ((expected[name] as { notes?: { label: string }[] }).notes ?? []).map((n) => n.label),
          );
        }
        // One measure at a time through computeMeasures: the same bits again.
        for (const name of presenceBased) assertSameBits(computeMeasures(copy(m), [name], set.options).results[name], expected[name], `${name} alone`);
      });

      it(`keeps the values of the code before the shared path (${c.size} seed ${c.seed}, ${set.name})`, () => {
        const m = generateMatrix(c.regions, c.industries, c.seed);
        const { results } = computeMeasures(m, presenceBased, set.options);
        const got: Partial<Record<MeasureName, string>> = {};
        for (const name of presenceBased) got[name] = fingerprint(results[name] as Result);
        const key = `${c.size}|${c.seed}|${set.name}`;
        if (process.env.PRINT_FINGERPRINTS) console.log(JSON.stringify({ [key]: got }));
        assert.deepEqual(got, recorded[key]);
      });
    }
  }
});
