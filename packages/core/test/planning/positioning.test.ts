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
  readonly minLeadsPerUnit: number;
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

/** Every constraint of the model, asserted (min..L leads, cap, fixed choices, requirements, eligibility). */
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
    assert.ok(n >= s.minLeadsPerUnit && n <= s.leadsPerUnit, `unit ${u}: ${n} leads, not in [${s.minLeadsPerUnit}, ${s.leadsPerUnit}]`);
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

/**
 * The best objective over every assignment (null when none meets the constraints); `optima` counts the ties. Each
 * unit's rows are the subsets of min..L industries that meet its own constraints (fixed, eligible, requirements);
 * the cap is checked as units are added, the objective summed as they are (capability, then the duplication with
 * the units before).
 */
function bruteForce(input: PositioningInput, s: Settings, optima: { count: number } = { count: 0 }): number | null {
  const U = input.units.length;
  const I = input.industries.length;
  const cell = (unit: string, code: string) => input.units.indexOf(unit) * I + input.industries.findIndex((d) => d.code === code);
  const fixedSet = new Set((input.fixed ?? []).map((f) => cell(f.unit, f.industry)));
  const rows: number[][][] = [];
  for (let u = 0; u < U; u++) {
    rows.push([]);
    for (let mask = 0; mask < 1 << I; mask++) {
      const row = Array.from({ length: I }, (_, i) => (mask >> i) & 1);
      const n = row.reduce((a, b) => a + b, 0);
      if (n < s.minLeadsPerUnit || n > s.leadsPerUnit) continue;
      if (row.some((b, i) => !b && fixedSet.has(u * I + i))) continue;
      if (input.eligible && row.some((b, i) => b && !input.eligible?.[u * I + i] && !fixedSet.has(u * I + i))) continue;
      const own = (input.requirements ?? []).filter((r) => input.units.indexOf(r.unit) === u);
      if (own.some((r) => !r.industries.some((code) => row[cell(r.unit, code) - u * I]))) continue;
      (rows[u] as number[][]).push(row);
    }
  }
  let best: number | null = null;
  const x = new Array<number>(U * I).fill(0);
  const leaders = new Array<number>(I).fill(0);
  const rec = (u: number, value: number): void => {
    if (u === U) {
      if (best === null || value > best + 1e-12) {
        best = value;
        optima.count = 1;
      } else if (Math.abs(value - best) <= 1e-12) optima.count++;
      return;
    }
    for (const row of rows[u] as number[][]) {
      if (row.some((b, i) => b && input.industries[i]?.traded && (leaders[i] as number) + 1 > s.maxLeadersPerIndustry)) continue;
      let gain = 0;
      for (let i = 0; i < I; i++) {
        if (!row[i]) continue;
        gain += input.capability[u * I + i] as number;
        if (input.industries[i]?.traded)
          for (let v = 0; v < u; v++) if (x[v * I + i]) gain -= s.duplicationPenalty * (input.duplicationWeight[v * U + u] as number);
      }
      for (let i = 0; i < I; i++) {
        x[u * I + i] = row[i] as number;
        leaders[i] = (leaders[i] as number) + (row[i] as number);
      }
      rec(u + 1, value + gain);
      for (let i = 0; i < I; i++) {
        leaders[i] = (leaders[i] as number) - (row[i] as number);
        x[u * I + i] = 0;
      }
    }
  };
  rec(0, 0);
  return best;
}

describe('choosePositions', () => {
  // Units A, B, C; industries p, q, s traded, r not; one or two leads each, at most two leaders per traded industry.
  //            p  q  r  s
  //   A        5  4  1  0
  //   B        5  1  2  3
  //   C        4  0  1  2
  // w(A,B) = 3, w(A,C) = 0, w(B,C) = 2; penalty 1.
  // A takes its best pair {p,q} = 9. B {p,s} = 8 would share p with A (−3) → 5, and then p is full (cap 2), so C's
  // best is {r,s} = 3 − 2 (s shared with B) = 1: total 15. B {r,s} = 5 shares nothing; C {p,r} = 5 shares p only with
  // A (w = 0), C {p,s} = 6 − 2 = 4: so A {p,q}, B {r,s}, C {p,r} = 9 + 5 + 5 = 19 is the unique optimum (brute force agrees);
  // every score is ≥ 0, so no unit stops at one lead.
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
  const settings = { leadsPerUnit: 2, minLeadsPerUnit: 1, maxLeadersPerIndustry: 2, duplicationPenalty: 1 };

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
      {
        leadsPerUnit: r.options.leadsPerUnit,
        minLeadsPerUnit: r.options.minLeadsPerUnit,
        maxLeadersPerIndustry: r.options.maxLeadersPerIndustry,
        duplicationPenalty: r.options.duplicationPenalty,
      },
      settings,
    );
  });

  // Units A, B with w(A,B) = 1, penalty 1; industries p, q, r traded; at most two leads.
  //          p     q     r
  //   A    0.5  −0.2   0.3
  //   B    0.6   0.1  −0.4
  // At least one lead: A {r} + B {p,q} = 0.3 + 0.7 = 1.0 is the unique optimum — A's p would add 0.5 − 1 (it
  // duplicates B) and its q −0.2, so A leads one industry. Exactly two (minLeadsPerUnit = 2): A {p,r} + B {p,q} =
  // 0.8 + 0.7 − 1 = 0.5, A forced into p at a loss (every other pair of pairs is lower; brute force agrees).
  const two: PositioningInput = {
    units: ['A', 'B'],
    industries: [
      { code: 'p', traded: true },
      { code: 'q', traded: true },
      { code: 'r', traded: true },
    ],
    capability: new Float64Array([0.5, -0.2, 0.3, 0.6, 0.1, -0.4]),
    duplicationWeight: new Float64Array([0, 1, 1, 0]),
  };

  it('takes a lead beyond the minimum only when its score net of duplication is positive', async () => {
    const s = { leadsPerUnit: 2, minLeadsPerUnit: 1, maxLeadersPerIndustry: 2, duplicationPenalty: 1 };
    const r = await choosePositions(two, { maxLeadersPerIndustry: 2 });
    assert.equal(r.options.minLeadsPerUnit, 1);
    assert.deepEqual(
      r.leads.map((l) => [l.unit, [...l.industries]]),
      [
        ['A', ['r']],
        ['B', ['p', 'q']],
      ],
    );
    assertClose(r.objective, 1, 1e-12);
    assertClose(r.duplication, 0, 1e-12);
    const optima = { count: 0 };
    assertClose(bruteForce(two, s, optima) as number, 1, 1e-12);
    assert.equal(optima.count, 1);
    // The heuristic adds and drops leads as well as swapping them: it reaches the same optimum.
    const h = await choosePositions(two, { maxLeadersPerIndustry: 2, method: 'heuristic', candidatesPerUnit: 2 });
    assertClose(h.objective, 1, 1e-12);
  });

  it('forces exactly leadsPerUnit leads when minLeadsPerUnit = leadsPerUnit', async () => {
    const s = { leadsPerUnit: 2, minLeadsPerUnit: 2, maxLeadersPerIndustry: 2, duplicationPenalty: 1 };
    const r = await choosePositions(two, s);
    assert.deepEqual(
      r.leads.map((l) => [l.unit, [...l.industries]]),
      [
        ['A', ['p', 'r']],
        ['B', ['p', 'q']],
      ],
    );
    assertClose(r.objective, 0.5, 1e-12);
    assertClose(r.duplication, 1, 1e-12);
    assertFeasible(two, r.chosen, s);
    assertClose(bruteForce(two, s) as number, 0.5, 1e-12);
    for (const solver of ['highs', 'glpk'] as const)
      for (const method of ['exact', 'heuristic'] as const) {
        const other = await choosePositions(two, { ...s, solver, method });
        assertFeasible(two, other.chosen, s);
        assertClose(other.objective, 0.5, 1e-12, `${solver} ${method}`);
      }
  });

  it('keeps fixed choices and reports their cost in duplication', async () => {
    const r = await choosePositions({ ...input, fixed: [{ unit: 'B', industry: 'p' }] }, { maxLeadersPerIndustry: 2 });
    assertFeasible({ ...input, fixed: [{ unit: 'B', industry: 'p' }] }, r.chosen, settings);
    assertClose(r.objective, bruteForce({ ...input, fixed: [{ unit: 'B', industry: 'p' }] }, settings) as number, 1e-9);
  });

  it('uses the defaults: one to two leads, a cap of max(ceil(U / 3), ceil(2·U·L / T)), penalty 1', async () => {
    const r = await choosePositions(input);
    assert.equal(r.options.leadsPerUnit, 2);
    assert.equal(r.options.minLeadsPerUnit, 1);
    // 3 units, 3 traded industries: a third of the units is 1, twice the fair share 2·3·2/3 = 4.
    assert.equal(r.options.maxLeadersPerIndustry, 4);
    assert.equal(r.options.duplicationPenalty, 1);
    assert.equal(r.method, 'exact');
    assert.equal(r.formulation, 'pairs');
    assertFeasible(input, r.chosen, r.options);
  });

  it('throws INFEASIBLE, naming the constraints, when the settings conflict — lower bounds by the minimum, upper by L', async () => {
    // At least 3 leads: 3 units × 2 traded leads each (r is the only non-traded industry) > 3 traded × cap 1.
    await assert.rejects(choosePositions(input, { leadsPerUnit: 3, minLeadsPerUnit: 3, maxLeadersPerIndustry: 1 }), (e: unknown) => {
      assert.ok(isCode('INFEASIBLE')(e));
      const err = e as InvalidInputError;
      assert.match(err.message, /minLeadsPerUnit \(3\)/);
      assert.match(err.message, /maxLeadersPerIndustry/);
      assert.match(err.messages.zh, /约束冲突/);
      assert.match(err.messages.zh, /minLeadsPerUnit/);
      return true;
    });
    // At most 3 is an upper bound: the same cap leaves room for one or two leads each.
    const atMost = await choosePositions(input, { leadsPerUnit: 3, maxLeadersPerIndustry: 1 });
    assertFeasible(input, atMost.chosen, { leadsPerUnit: 3, minLeadsPerUnit: 1, maxLeadersPerIndustry: 1, duplicationPenalty: 1 });
    assertClose(atMost.objective, bruteForce(input, { leadsPerUnit: 3, minLeadsPerUnit: 1, maxLeadersPerIndustry: 1, duplicationPenalty: 1 }) as number, 1e-9);
    // More leads than industries, as the most (no unit can lead five of four) or as the least.
    await assert.rejects(choosePositions(input, { leadsPerUnit: 5 }), (e: unknown) => isCode('INFEASIBLE')(e) && /leadsPerUnit \(5\)/.test(String(e)));
    await assert.rejects(
      choosePositions(input, { leadsPerUnit: 5, minLeadsPerUnit: 5 }),
      (e: unknown) => isCode('INFEASIBLE')(e) && /minLeadsPerUnit \(5\)/.test(String(e)),
    );
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
    // A unit with fewer eligible industries than the minimum of leads (a lower bound: one eligible industry is enough
    // for at least one lead, not for at least two).
    const one = Uint8Array.from([1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    const r = await choosePositions({ ...input, eligible: one });
    assert.deepEqual(r.leads[0]?.industries, ['p']);
    await assert.rejects(choosePositions({ ...input, eligible: one }, { minLeadsPerUnit: 2 }), (e: unknown) => {
      assert.ok(isCode('INFEASIBLE')(e));
      assert.match((e as InvalidInputError).message, /minLeadsPerUnit \(2\)/);
      assert.match((e as InvalidInputError).message, /"A"/);
      return true;
    });
  });

  it('rejects invalid options and inputs', async () => {
    await assert.rejects(choosePositions(input, { leadsPerUnit: 0 }), isCode('INVALID_OPTION'));
    for (const minLeadsPerUnit of [0, 3, 1.5, Number.NaN])
      await assert.rejects(choosePositions(input, { minLeadsPerUnit }), (e: unknown) => {
        assert.ok(isCode('INVALID_OPTION')(e), String(minLeadsPerUnit));
        assert.match((e as InvalidInputError).message, /minLeadsPerUnit/);
        assert.match((e as InvalidInputError).messages.zh, /minLeadsPerUnit/);
        return true;
      });
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
    for (const minLeadsPerUnit of [1, 2]) {
      const s = { leadsPerUnit: 2, minLeadsPerUnit, maxLeadersPerIndustry: 3, duplicationPenalty: 1.5 };
      const r = await choosePositions(uniform, s);
      assert.equal(r.formulation, 'uniform');
      assertFeasible(uniform, r.chosen, s);
      assertClose(r.objective, bruteForce(uniform, s) as number, 1e-9);
    }
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
        // The minimum is drawn up to I and clamped to leadsPerUnit (so min = L, forcing exactly L, comes up often).
        minLeadsPerUnit: fc.integer({ min: 1, max: I }),
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
    return {
      p,
      s: {
        leadsPerUnit: g.leadsPerUnit,
        minLeadsPerUnit: Math.min(g.minLeadsPerUnit, g.leadsPerUnit),
        maxLeadersPerIndustry: g.maxLeadersPerIndustry,
        duplicationPenalty: g.duplicationPenalty,
      },
    };
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
