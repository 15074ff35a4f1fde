import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { choosePositions, type PositioningInput } from '../../src/planning/positioning.ts';
import { assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';

const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;

interface Settings {
  readonly leadsPerUnit: number;
  readonly maxLeadersPerIndustry: number;
  readonly duplicationPenalty: number;
}

/** The objective of a 0/1 choice, written independently of the module. */
function objectiveOf(input: PositioningInput, x: ArrayLike<number>, penalty: number): number {
  const U = input.units.length;
  const I = input.industries.length;
  let total = 0;
  for (let u = 0; u < U; u++) for (let i = 0; i < I; i++) total += x[u * I + i] ? (input.capability[u * I + i] as number) : 0;
  for (let u = 0; u < U; u++)
    for (let v = u + 1; v < U; v++)
      for (let i = 0; i < I; i++)
        if (input.industries[i]?.traded && x[u * I + i] && x[v * I + i]) total -= penalty * (input.duplicationWeight[u * U + v] as number);
  return total;
}

/** Every constraint of the model, asserted (leads, cap, fixed choices, requirements, eligibility). */
function assertFeasible(input: PositioningInput, x: ArrayLike<number>, s: Settings): void {
  const U = input.units.length;
  const I = input.industries.length;
  for (const r of input.requirements ?? []) {
    const u = input.units.indexOf(r.unit);
    assert.ok(
      r.industries.some((code) => x[u * I + input.industries.findIndex((d) => d.code === code)] === 1),
      `requirement ${r.rule} of ${r.unit}`,
    );
  }
  const fixedSet = new Set((input.fixed ?? []).map((f) => input.units.indexOf(f.unit) * I + input.industries.findIndex((d) => d.code === f.industry)));
  if (input.eligible) for (let k = 0; k < U * I; k++) if (x[k] && !fixedSet.has(k)) assert.equal(input.eligible[k], 1, `cell ${k} is not eligible`);
  for (let u = 0; u < U; u++) {
    let n = 0;
    for (let i = 0; i < I; i++) n += x[u * I + i] as number;
    assert.equal(n, s.leadsPerUnit, `unit ${u}: leads`);
  }
  for (let i = 0; i < I; i++) {
    if (!input.industries[i]?.traded) continue;
    let n = 0;
    for (let u = 0; u < U; u++) n += x[u * I + i] as number;
    assert.ok(n <= s.maxLeadersPerIndustry, `industry ${i}: ${n} leaders > cap`);
  }
  for (const f of input.fixed ?? []) {
    assert.equal(x[input.units.indexOf(f.unit) * I + input.industries.findIndex((d) => d.code === f.industry)], 1, `fixed ${f.unit}/${f.industry}`);
  }
}

/** The best objective over every assignment (null when none meets the constraints); `optima` counts the ties. */
function bruteForce(input: PositioningInput, s: Settings, optima: { count: number } = { count: 0 }): number | null {
  const U = input.units.length;
  const I = input.industries.length;
  const fixedSet = new Set((input.fixed ?? []).map((f) => input.units.indexOf(f.unit) * I + input.industries.findIndex((d) => d.code === f.industry)));
  const rows: number[][] = [];
  for (let mask = 0; mask < 1 << I; mask++) {
    let bits = 0;
    for (let i = 0; i < I; i++) bits += (mask >> i) & 1;
    if (bits === s.leadsPerUnit) rows.push(Array.from({ length: I }, (_, i) => (mask >> i) & 1));
  }
  let best: number | null = null;
  const x = new Array<number>(U * I).fill(0);
  const rec = (u: number): void => {
    if (u === U) {
      for (let i = 0; i < I; i++) {
        if (!input.industries[i]?.traded) continue;
        let n = 0;
        for (let w = 0; w < U; w++) n += x[w * I + i] as number;
        if (n > s.maxLeadersPerIndustry) return;
      }
      for (const f of input.fixed ?? []) if (!x[input.units.indexOf(f.unit) * I + input.industries.findIndex((d) => d.code === f.industry)]) return;
      for (const r of input.requirements ?? []) {
        const u = input.units.indexOf(r.unit);
        if (!r.industries.some((code) => x[u * I + input.industries.findIndex((d) => d.code === code)])) return;
      }
      if (input.eligible) for (let k = 0; k < U * I; k++) if (x[k] && !input.eligible[k] && !fixedSet.has(k)) return;
      const value = objectiveOf(input, x, s.duplicationPenalty);
      if (best === null || value > best + 1e-12) {
        best = value;
        optima.count = 1;
      } else if (Math.abs(value - best) <= 1e-12) optima.count++;
      return;
    }
    for (const row of rows) {
      for (let i = 0; i < I; i++) x[u * I + i] = row[i] as number;
      rec(u + 1);
    }
  };
  rec(0);
  return best;
}

describe('choosePositions', () => {
  // Units A, B, C; industries p, q, s traded, r not; two leads each, at most two leaders per traded industry.
  //            p  q  r  s
  //   A        5  4  1  0
  //   B        5  1  2  3
  //   C        4  0  1  2
  // w(A,B) = 3, w(A,C) = 0, w(B,C) = 2; penalty 1.
  // A takes its best pair {p,q} = 9. B {p,s} = 8 would share p with A (−3) → 5, and then p is full (cap 2), so C's
  // best is {r,s} = 3 − 2 (s shared with B) = 1: total 15. B {r,s} = 5 shares nothing; C {p,r} = 5 shares p only with
  // A (w = 0), C {p,s} = 6 − 2 = 4: so A {p,q}, B {r,s}, C {p,r} = 9 + 5 + 5 = 19 is the unique optimum (brute force agrees).
  const input: PositioningInput = {
    units: ['A', 'B', 'C'],
    industries: [
      { code: 'p', traded: true },
      { code: 'q', traded: true },
      { code: 'r', traded: false },
      { code: 's', traded: true },
    ],
    capability: new Float64Array([5, 4, 1, 0, 5, 1, 2, 3, 4, 0, 1, 2]),
    duplicationWeight: new Float64Array([0, 3, 0, 3, 0, 2, 0, 2, 0]),
  };
  const settings = { leadsPerUnit: 2, maxLeadersPerIndustry: 2, duplicationPenalty: 1 };

  it('chooses the hand-computed positions of a 3 × 4 case', async () => {
    const r = await choosePositions(input, { maxLeadersPerIndustry: 2 });
    assert.deepEqual(
      r.leads.map((l) => [l.unit, [...l.industries]]),
      [
        ['A', ['p', 'q']],
        ['B', ['r', 's']],
        ['C', ['p', 'r']],
      ],
    );
    assertClose(r.objective, 19, 1e-12);
    assertClose(r.capability, 19, 1e-12);
    assertClose(r.duplication, 0, 1e-12);
    const optima = { count: 0 };
    assertClose(bruteForce(input, settings, optima) as number, 19, 1e-12);
    assert.equal(optima.count, 1, 'the optimum is unique');
    assert.deepEqual(
      { leadsPerUnit: r.options.leadsPerUnit, maxLeadersPerIndustry: r.options.maxLeadersPerIndustry, duplicationPenalty: r.options.duplicationPenalty },
      settings,
    );
  });

  it('keeps fixed choices and reports their cost in duplication', async () => {
    const r = await choosePositions({ ...input, fixed: [{ unit: 'B', industry: 'p' }] }, { maxLeadersPerIndustry: 2 });
    assertFeasible({ ...input, fixed: [{ unit: 'B', industry: 'p' }] }, r.chosen, settings);
    assertClose(r.objective, bruteForce({ ...input, fixed: [{ unit: 'B', industry: 'p' }] }, settings) as number, 1e-9);
  });

  it('uses the defaults: two leads, a cap of max(ceil(U / 3), ceil(2·U·L / T)), penalty 1', async () => {
    const r = await choosePositions(input);
    assert.equal(r.options.leadsPerUnit, 2);
    // 3 units, 3 traded industries: a third of the units is 1, twice the fair share 2·3·2/3 = 4.
    assert.equal(r.options.maxLeadersPerIndustry, 4);
    assert.equal(r.options.duplicationPenalty, 1);
    assert.equal(r.method, 'exact');
    assert.equal(r.formulation, 'pairs');
    assertFeasible(input, r.chosen, r.options);
  });

  it('throws INFEASIBLE, naming the constraints, when the settings conflict', async () => {
    // 3 units × 2 traded leads each (r is the only non-traded industry, three leads) > 3 traded × cap 1.
    await assert.rejects(choosePositions(input, { leadsPerUnit: 3, maxLeadersPerIndustry: 1 }), (e: unknown) => {
      assert.ok(isCode('INFEASIBLE')(e));
      const err = e as InvalidInputError;
      assert.match(err.message, /leadsPerUnit/);
      assert.match(err.message, /maxLeadersPerIndustry/);
      assert.match(err.messages.zh, /约束冲突/);
      return true;
    });
    await assert.rejects(choosePositions(input, { leadsPerUnit: 5 }), isCode('INFEASIBLE'));
    const fixedTwice = {
      ...input,
      fixed: [
        { unit: 'A', industry: 'p' },
        { unit: 'B', industry: 'p' },
      ],
    };
    await assert.rejects(choosePositions(fixedTwice, { maxLeadersPerIndustry: 1 }), isCode('INFEASIBLE'));
  });

  it('names the requirement (ring rule) when it conflicts with the cap, the fixed choices or eligibility', async () => {
    const named = (what: RegExp) => (e: unknown) => {
      assert.ok(isCode('INFEASIBLE')(e), String(e));
      const err = e as InvalidInputError;
      assert.match(err.message, /ringRule/);
      assert.match(err.message, what);
      assert.match(err.messages.zh, /ringRule/);
      return true;
    };
    const ring = (units: string[], industries: string[]) => units.map((unit) => ({ unit, industries, rule: 'ringRule' }));
    // Three units must each lead q, which one unit may lead: the cap.
    await assert.rejects(
      choosePositions({ ...input, requirements: ring(['A', 'B', 'C'], ['q']) }, { maxLeadersPerIndustry: 1 }),
      named(/maxLeadersPerIndustry/),
    );
    // A's fixed choices fill its two leads outside {q}.
    const fixedA = [
      { unit: 'A', industry: 'p' },
      { unit: 'A', industry: 'r' },
    ];
    await assert.rejects(choosePositions({ ...input, fixed: fixedA, requirements: ring(['A'], ['q']) }), named(/fixed choices/));
    // A may not lead q at all.
    const eligible = Uint8Array.from([1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    await assert.rejects(choosePositions({ ...input, eligible, requirements: ring(['A'], ['q']) }), named(/none of them/));
    // The solver finds the rest: A and B must lead q or s, each led by one unit, and C's only eligible traded pair is {q, s}.
    const tight = Uint8Array.from([1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1]);
    await assert.rejects(
      choosePositions({ ...input, eligible: tight, requirements: ring(['A', 'B'], ['q', 's']) }, { maxLeadersPerIndustry: 1 }),
      (e: unknown) => {
        assert.ok(isCode('INFEASIBLE')(e));
        assert.match((e as InvalidInputError).message, /requirement ringRule/);
        assert.match((e as InvalidInputError).message, /not eligible/);
        return true;
      },
    );
    // A unit with fewer eligible industries than leads.
    await assert.rejects(choosePositions({ ...input, eligible: Uint8Array.from([1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]) }), isCode('INFEASIBLE'));
  });

  it('rejects invalid options and inputs', async () => {
    await assert.rejects(choosePositions(input, { leadsPerUnit: 0 }), isCode('INVALID_OPTION'));
    await assert.rejects(choosePositions(input, { duplicationPenalty: -1 }), isCode('INVALID_OPTION'));
    await assert.rejects(choosePositions(input, { solver: 'cplex' as never }), isCode('INVALID_OPTION'));
    await assert.rejects(choosePositions(input, { candidatesPerUnit: 1 }), isCode('INVALID_OPTION'));
    await assert.rejects(choosePositions({ ...input, capability: new Float64Array(3) }), isCode('INVALID_INPUT'));
    await assert.rejects(choosePositions({ ...input, eligible: new Uint8Array(3) }), isCode('INVALID_INPUT'));
    const asym = new Float64Array([0, 3, 0, 2, 0, 2, 0, 2, 0]);
    await assert.rejects(choosePositions({ ...input, duplicationWeight: asym }), isCode('INVALID_INPUT'));
    await assert.rejects(choosePositions({ ...input, fixed: [{ unit: 'Z', industry: 'p' }] }), isCode('NOT_FOUND'));
    await assert.rejects(choosePositions({ ...input, requirements: [{ unit: 'A', industries: ['z'], rule: 'ringRule' }] }), isCode('NOT_FOUND'));
  });

  it('writes uniform weights by counts, with the same optimum as the pair model', async () => {
    const w = new Float64Array([0, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, 0]);
    const uniform = { ...input, duplicationWeight: w };
    const s = { leadsPerUnit: 2, maxLeadersPerIndustry: 3, duplicationPenalty: 1.5 };
    const r = await choosePositions(uniform, s);
    assert.equal(r.formulation, 'uniform');
    assertFeasible(uniform, r.chosen, s);
    assertClose(r.objective, bruteForce(uniform, s) as number, 1e-9);
  });

  const instances = (maxU: number, maxI: number) =>
    fc.record({ U: fc.integer({ min: 1, max: maxU }), I: fc.integer({ min: 1, max: maxI }) }).chain(({ U, I }) =>
      fc.record({
        U: fc.constant(U),
        I: fc.constant(I),
        traded: fc.array(fc.boolean(), { minLength: I, maxLength: I }),
        capability: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: U * I, maxLength: U * I }),
        weights: fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: U * U, maxLength: U * U }),
        uniform: fc.boolean(),
        leadsPerUnit: fc.integer({ min: 1, max: I }),
        maxLeadersPerIndustry: fc.integer({ min: 1, max: U }),
        duplicationPenalty: fc.double({ min: 0, max: 3, noNaN: true }),
        fixed: fc.array(fc.record({ u: fc.nat(U - 1), i: fc.nat(I - 1) }), { maxLength: 2 }),
        requirements: fc.array(fc.record({ u: fc.nat(U - 1), set: fc.array(fc.nat(I - 1), { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }),
        eligible: fc.option(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: U * I, maxLength: U * I }), { nil: undefined }),
      }),
    );
  type Instance = typeof instances extends (...a: never[]) => fc.Arbitrary<infer T> ? T : never;
  function build(g: Instance): { p: PositioningInput; s: Settings } {
    const w = new Float64Array(g.U * g.U);
    for (let u = 0; u < g.U; u++)
      for (let v = u + 1; v < g.U; v++) {
        const value = g.uniform ? (g.weights[0] as number) : (g.weights[u * g.U + v] as number);
        w[u * g.U + v] = value;
        w[v * g.U + u] = value;
      }
    const units = Array.from({ length: g.U }, (_, u) => `U${u}`);
    const codes = Array.from({ length: g.I }, (_, i) => `I${i}`);
    const fixed = [...new Set(g.fixed.map((f) => `${f.u}:${f.i}`))].map((k) => {
      const [u, i] = k.split(':').map(Number) as [number, number];
      return { unit: units[u] as string, industry: codes[i] as string };
    });
    const p: PositioningInput = {
      units,
      industries: codes.map((code, i) => ({ code, traded: g.traded[i] as boolean })),
      capability: Float64Array.from(g.capability),
      duplicationWeight: w,
      fixed,
      requirements: g.requirements.map((r) => ({ unit: units[r.u] as string, industries: r.set.map((i) => codes[i] as string), rule: 'ringRule' })),
      ...(g.eligible === undefined ? {} : { eligible: Uint8Array.from(g.eligible, (x) => (x < 0.8 ? 1 : 0)) }),
    };
    return { p, s: { leadsPerUnit: g.leadsPerUnit, maxLeadersPerIndustry: g.maxLeadersPerIndustry, duplicationPenalty: g.duplicationPenalty } };
  }

  it('equals brute force on small random instances (requirements, eligibility, uniform weights), and meets every constraint', async () => {
    await fc.assert(
      fc.asyncProperty(instances(4, 4), async (g) => {
        const { p, s } = build(g);
        const best = bruteForce(p, s);
        if (best === null) {
          await assert.rejects(choosePositions(p, s), isCode('INFEASIBLE'));
          return;
        }
        const r = await choosePositions(p, s);
        assert.equal(r.method, 'exact');
        assertFeasible(p, r.chosen, s);
        assertClose(r.objective, best, 1e-9, 'objective');
        assertClose(objectiveOf(p, r.chosen, s.duplicationPenalty), best, 1e-9, 'recomputed objective');
        assert.equal(r.gap, 0);
      }),
      { seed: 20260610, numRuns: propertyRuns.kernel },
    );
  });

  it('the heuristic meets every constraint, never beats brute force, and its bound is valid', async () => {
    await fc.assert(
      fc.asyncProperty(instances(4, 5), async (g) => {
        const { p, s } = build(g);
        const best = bruteForce(p, s);
        const options = { ...s, method: 'heuristic' as const, candidatesPerUnit: Math.max(s.leadsPerUnit, 2), partnersPerUnit: 1 };
        if (best === null) {
          await assert.rejects(choosePositions(p, options), isCode('INFEASIBLE'));
          return;
        }
        const r = await choosePositions(p, options);
        assert.equal(r.method, 'heuristic');
        assertFeasible(p, r.chosen, s);
        assertClose(objectiveOf(p, r.chosen, s.duplicationPenalty), r.objective, 1e-9, 'objective on the full problem');
        assert.ok(r.objective <= best + 1e-9, `heuristic ${r.objective} > optimum ${best}`);
        assert.ok(r.bound >= best - 1e-9, `bound ${r.bound} < optimum ${best}`);
        assertClose(r.gap, r.bound - r.objective, 1e-12);
      }),
      { seed: 20261205, numRuns: propertyRuns.iterative },
    );
  });

  it('GLPK (solver: glpk) finds the same optimum as HiGHS', async () => {
    await fc.assert(
      fc.asyncProperty(instances(3, 4), async (g) => {
        const { p, s } = build(g);
        const best = bruteForce(p, s);
        if (best === null) {
          await assert.rejects(choosePositions(p, { ...s, solver: 'glpk' }), isCode('INFEASIBLE'));
          return;
        }
        const r = await choosePositions(p, { ...s, solver: 'glpk' });
        assertFeasible(p, r.chosen, s);
        assertClose(r.objective, best, 1e-9);
      }),
      { seed: 20261206, numRuns: 30 },
    );
  });
});
