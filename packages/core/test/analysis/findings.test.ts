/** Findings (F1–F12): each rule on small hand-made metros, the priority order, the headline cap, grouping and text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeMetro } from '../../src/analysis/analyze-metro.ts';
import { missingLinks } from '../../src/analysis/findings/index.ts';
import type { FindingOf } from '../../src/analysis/result-schema.ts';
import { tradedMapping } from '../../src/analysis/traded.ts';
import type { AnalysisIndustry, AnalysisInputOutput, AnalysisUnit, Finding, MetroAnalysisInput } from '../../src/analysis/types.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { findingNames, findingText } from '../../src/text/findings-text.ts';
import { assertClose } from '../helpers.ts';

/** ISIC sections: eight traded (A B C H J K M N), two local (G Q), one unclassified (U). */
const codes = ['A', 'B', 'C', 'G', 'H', 'J', 'K', 'M', 'N', 'Q', 'U'];
const zhNames: Record<string, string> = {
  A: '农业',
  B: '采矿业',
  C: '制造业',
  G: '批发和零售业',
  H: '交通运输业',
  J: '信息通信业',
  K: '金融业',
  M: '专业科技服务业',
  N: '商务支持服务业',
  Q: '卫生',
  U: '未分类',
};
const industries: AnalysisIndustry[] = codes.map((code) => ({ code, nameEn: `Section ${code}`, nameZh: zhNames[code] as string, isicSections: [code] }));
const unit = (id: string, ring: AnalysisUnit['ring'], lon: number, lat = 35): AnalysisUnit => ({
  id,
  nameEn: `Unit ${id}`,
  nameZh: `单元${id}`,
  ring,
  lon,
  lat,
});

/** A flat IO table (every off-diagonal coefficient 0.01) unless `cells` says otherwise. */
function flatIo(cells: Record<string, number> = {}, output: Record<string, number> = {}): AnalysisInputOutput {
  const n = codes.length;
  const a = new Float64Array(n * n);
  codes.forEach((k, x) => codes.forEach((l, y) => (a[x * n + y] = x === y ? 0 : (cells[`${k}>${l}`] ?? 0.01))));
  return { id: 'IO', year: 2020, industries: [...codes], coefficients: a, output: Float64Array.from(codes.map((c) => output[c] ?? 100)), mapping: 'identity' };
}

function metro(rows: Record<string, number[]>, units: AnalysisUnit[], extra: Partial<MetroAnalysisInput> = {}): MetroAnalysisInput {
  const ids = Object.keys(rows);
  return {
    metro: { id: 'test', nameEn: 'Test metro', nameZh: '测试都市圈', country: 'CN' },
    unitSet: { id: 'units', indicator: 'employment', classification: 'ISIC-4', unit: 'persons', measure: 'employment' },
    year: 2020,
    units,
    industries,
    matrix: RegionIndustryMatrix.fromWide(
      ids,
      codes,
      ids.map((r) => rows[r] as number[]),
      { order: 'input', zeroTotals: 'keep' },
    ),
    inputOutput: flatIo(),
    overview: units.map((u) => ({
      unit: u.id,
      population: { value: 1e6, unit: 'persons', year: 2020, source: 'test' },
      gdp: { value: 1e10, unit: 'CNY', year: 2020, source: 'test' },
    })),
    ...extra,
  };
}

const of = <K extends Finding['kind']>(fs: readonly Finding[], kind: K): FindingOf<K> | undefined =>
  fs.find((f) => f.kind === kind) as FindingOf<K> | undefined;
const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);
const traded = (row: readonly number[]) => sum(codes.map((c, i) => (['A', 'B', 'C', 'H', 'J', 'K', 'M', 'N'].includes(c) ? (row[i] as number) : 0)));

//            A   B    C   G   H   J   K   M   N   Q  U
const HQ = [0, 0, 10, 30, 5, 60, 80, 50, 40, 30, 5];
const FACTORY = [5, 2, 120, 30, 10, 3, 4, 3, 4, 30, 5];
const FACTORY2 = [4, 3, 110, 30, 12, 4, 3, 4, 3, 30, 5];
const FARM = [90, 40, 10, 30, 5, 2, 2, 2, 2, 30, 5];
const FARM2 = [80, 45, 12, 30, 6, 3, 2, 2, 2, 30, 5];

describe('findings F1 competing pairs (grouped) and F11 core–ring division', () => {
  const rows = { H: HQ, P1: FACTORY, P2: FACTORY2, R1: FARM, R2: FARM2 };
  const units = [unit('H', 'core', 116), unit('P1', 'inner', 116.5), unit('P2', 'inner', 116.6), unit('R1', 'outer', 117), unit('R2', 'outer', 117.1)];
  const r = analyzeMetro(metro(rows, units));
  const ids = r.units.map((u) => u.id);

  it('groups the competing pairs into one finding with its pairs, shared traded industries and priority', () => {
    const f = of(r.findings, 'homogeneous-competition');
    assert.ok(f !== undefined);
    const h = r.homogenisation.pairs;
    const t = r.typology.pairs;
    const competing = t.type.flatMap((type, p) => (type === 'competing' ? [p] : []));
    assert.deepEqual(
      competing.map((p) => `${ids[t.a[p] as number]}|${ids[t.b[p] as number]}`),
      ['P1|P2', 'R1|R2'],
    );
    assert.equal(f.data.count, 2);
    assert.equal(f.data.of, 10);
    // Pair weight = (traded activity of a + of b) ÷ ((n − 1) × the metro's traded activity).
    const T = sum(Object.values(rows).map(traded));
    const w = (a: string, b: string) => (traded(rows[a as keyof typeof rows]) + traded(rows[b as keyof typeof rows])) / (4 * T);
    const z = (p: number) => h.tradedZ[p] as number;
    const items = competing.map((p) => ({ a: ids[t.a[p] as number] as string, b: ids[t.b[p] as number] as string, z: z(p) }));
    const expected = items.map((x) => ({ ...x, w: w(x.a, x.b), e: x.z / 1.645 })).sort((x, y) => y.e * y.w - x.e * x.w);
    assert.deepEqual(
      f.data.pairs.a,
      expected.map((x) => x.a),
    );
    assert.deepEqual(
      f.data.pairs.value,
      expected.map((x) => x.z),
    );
    expected.forEach((x, k) => assertClose(f.data.pairs.weight[k] as number, x.w, 1e-12));
    assertClose(f.data.share, sum(expected.map((x) => x.w)), 1e-12);
    assertClose(f.priority, sum(expected.map((x) => x.e * x.w)), 1e-12);
    // Shared traded advantage industries, never local (G, Q) or unclassified (U).
    assert.deepEqual(f.data.sharedIndustries, [
      { code: 'A', pairs: 1 },
      { code: 'B', pairs: 1 },
      { code: 'C', pairs: 1 },
      { code: 'H', pairs: 1 },
    ]);
    assert.deepEqual(f.industries, ['A', 'B', 'C', 'H']);
  });

  it('says the core–ring division is present, with FS of the aggregated core and ring', () => {
    const f = of(r.findings, 'core-ring-division');
    assert.ok(f !== undefined);
    // Producer services J K M N ÷ manufacturing C.
    const ps = (row: number[]) => (row[5] as number) + (row[6] as number) + (row[7] as number) + (row[8] as number);
    const ring = [FACTORY, FACTORY2, FARM, FARM2];
    const mRing = sum(ring.map(ps));
    const pRing = sum(ring.map((x) => x[2] as number));
    const metroRatio = (ps(HQ) + mRing) / ((HQ[2] as number) + pRing);
    const fsCore = ps(HQ) / (HQ[2] as number) / metroRatio - 1;
    const fsRing = mRing / pRing / metroRatio - 1;
    assertClose(f.data.fsCore, fsCore, 1e-12);
    assertClose(f.data.fsRing, fsRing, 1e-12);
    assertClose(f.data.ratio as number, (1 + fsCore) / (1 + fsRing), 1e-12);
    assert.equal(f.data.present, true);
    assert.equal(f.data.ringPairs, 4);
    assertClose(f.priority, (1 + fsCore) / (1 + fsRing) / 2, 1e-12);
  });

  it('orders the findings by priority, ties by id, and marks the headline', () => {
    for (let k = 1; k < r.findings.length; k++) {
      const p = r.findings[k - 1] as Finding;
      const q = r.findings[k] as Finding;
      assert.ok(p.priority > q.priority || (p.priority === q.priority && p.id < q.id), `${p.id} before ${q.id}`);
    }
    assert.equal(r.findings[0]?.kind, 'core-ring-division');
    assert.ok(r.findings.every((f) => f.headline));
  });

  it('says the division is absent when the core is not service-led', () => {
    const flat = analyzeMetro(metro({ H: FACTORY, P1: HQ, R1: FARM }, [unit('H', 'core', 116), unit('P1', 'inner', 116.5), unit('R1', 'outer', 117)]));
    const f = of(flat.findings, 'core-ring-division');
    assert.equal(f?.data.present, false);
    assert.ok((f?.data.fsCore as number) < 0);
  });
});

describe('findings F5 missing chain links (like with like)', () => {
  // Two units over C (leading traded industry), K and M (traded inputs), G (local), U (unclassified).
  const ind = ['C', 'K', 'M', 'G', 'U'].map((code) => industries.find((i) => i.code === code) as AnalysisIndustry);
  const io = (k: number): AnalysisInputOutput => {
    // Coefficients (rows supplier, columns buyer): K → C 0.2 (key), M → C 0.01 (not key).
    const c = ['C', 'K', 'M', 'G', 'U'];
    const a = new Float64Array(25);
    a[c.indexOf('K') * 5 + c.indexOf('C')] = 0.2;
    a[c.indexOf('M') * 5 + c.indexOf('C')] = 0.01;
    void k;
    return { id: 'IO', year: 2020, industries: c, coefficients: a, output: Float64Array.from([1000, 200, 50, 500, 1]), mapping: 'identity' };
  };
  const run = (kJobs: number) =>
    missingLinks(
      RegionIndustryMatrix.fromWide(
        ['U1', 'U2'],
        ['C', 'K', 'M', 'G', 'U'],
        [
          [60, kJobs / 2, 0, 50, 300],
          [40, kJobs / 2, 1, 50, 0],
        ],
      ),
      tradedMapping('ISIC-4', ind),
      io(0),
      { leadingIndustries: 1, keyInputCoefficient: 0.05, missingShareRatio: 0.5 },
    );

  it('fires when the metro holds less than half the national proportion of a key input to its buyer', () => {
    // Metro K ÷ C = 5/100 = 0.05; nation 200/1000 = 0.2; relative 0.25 < 0.5. M is not a key input (0.01).
    // The unclassified U (300 jobs) is never a leading industry.
    const m = run(5);
    assert.equal(m.length, 1);
    assert.equal(m[0]?.buyer, 'C');
    assertClose(m[0]?.buyerShare as number, 100 / 506, 1e-15);
    assert.equal(m[0]?.inputs.length, 1);
    const x = m[0]?.inputs[0];
    assert.equal(x?.input, 'K');
    assert.equal(x?.coefficient, 0.2);
    assertClose(x?.metroRatio as number, 0.05, 1e-15);
    assertClose(x?.nationalRatio as number, 0.2, 1e-15);
    assertClose(x?.relative as number, 0.25, 1e-15);
  });

  it('does not fire when the metro holds the input in proportion (relative 0.75)', () => {
    assert.deepEqual(run(15), []);
  });

  it('becomes a finding whose priority is effect(relative, 0.5) × the buyer share', () => {
    const units = [unit('H', 'core', 116), unit('P', 'inner', 116.5)];
    const row = (c: number, k: number) => codes.map((x) => (x === 'C' ? c : x === 'K' ? k : x === 'G' ? 20 : 0));
    const input = metro({ H: row(40, 4), P: row(60, 1) }, units, {
      inputOutput: flatIo({ 'K>C': 0.2 }, { C: 1000, K: 200 }),
    });
    const r = analyzeMetro(input, { leadingIndustries: 1 });
    const f = of(r.findings, 'missing-chain-link');
    assert.ok(f !== undefined);
    assert.equal(f.id, 'missing-chain-link:C');
    assert.deepEqual(
      f.data.inputs.map((i) => i.input),
      ['K'],
    );
    // relative = (5/100)/(200/1000) = 0.25; effect = 1 + (0.5 − 0.25)/0.5 = 1.5; buyer share 100/145.
    assertClose(f.data.inputs[0]?.relative as number, 0.25, 1e-15);
    assertClose(f.priority, 1.5 * (100 / 145), 1e-15);
    assert.equal(f.data.basis, 'employment');
  });
});

describe('findings F8 plan positions judged at their own level', () => {
  const units = [unit('P1', 'core', 116), unit('P2', 'inner', 116.5)];
  const r = analyzeMetro(
    metro({ P1: FACTORY, P2: HQ }, units, {
      knowledge: [
        // About P1 itself: K (LQ < 1 in P1) is contradicted; U (unclassified) is never tested.
        {
          id: 'k1',
          kind: 'positioning',
          unit: 'P1',
          region: 'P1',
          year: 2020,
          textEn: null,
          textZh: null,
          industries: ['K', 'U'],
          verified: true,
          source: 't',
        },
        // About city C1 inside P1: not testable at this level, never judged against P1.
        { id: 'k2', kind: 'positioning', unit: 'P1', region: 'C1', year: 2020, textEn: null, textZh: null, industries: ['K'], verified: false, source: 't' },
        // About P2 (K is its specialisation): borne out.
        { id: 'k3', kind: 'positioning', unit: 'P2', year: 2020, textEn: null, textZh: null, industries: ['K'], verified: true, source: 't' },
      ],
    }),
  );

  it('tests a position only when its region is a unit, and groups the others as not testable', () => {
    const c = of(r.findings, 'plan-contradicted');
    assert.ok(c !== undefined);
    assert.equal(c.data.count, 1);
    assert.equal(c.data.of, 2);
    const lqK = (FACTORY[6] as number) / sum(FACTORY) / (((FACTORY[6] as number) + (HQ[6] as number)) / (sum(FACTORY) + sum(HQ)));
    assert.equal(c.data.positions.length, 1);
    assert.deepEqual({ ...c.data.positions[0], lq: 0 }, { unit: 'P1', industry: 'K', lq: 0, items: ['k1'], verified: true });
    assertClose(c.data.positions[0]?.lq as number, lqK, 1e-12);
    // Priority: P1's share of the metro's activity × effect(LQ, 1) = share × (2 − LQ).
    assertClose(c.priority, (sum(FACTORY) / (sum(FACTORY) + sum(HQ))) * (2 - lqK), 1e-12);
    const n = of(r.findings, 'plan-not-testable');
    assert.deepEqual(n?.data.items, [{ id: 'k2', region: 'C1', unit: 'P1' }]);
    assert.equal(n?.priority, 0);
  });

  it('makes no plan finding when every testable position is borne out', () => {
    const ok = analyzeMetro(
      metro({ P1: FACTORY, P2: HQ }, units, {
        knowledge: [
          { id: 'k3', kind: 'positioning', unit: 'P2', region: 'P2', year: 2020, textEn: null, textZh: null, industries: ['K'], verified: true, source: 't' },
        ],
      }),
    );
    assert.equal(of(ok.findings, 'plan-contradicted'), undefined);
    assert.equal(of(ok.findings, 'plan-not-testable'), undefined);
  });
});

describe('findings F2 hot spots, F10 data gaps, F12 most similar pair', () => {
  it('groups the hot-spot industries, priority effect(mean LQ, 1.25) × share × mean proximity', () => {
    // P1 and P2 (60 km apart: proximity 1) both specialise in C; H does not.
    const units = [unit('H', 'core', 116), unit('P1', 'inner', 116.3), unit('P2', 'inner', 116.6)];
    const rows = { H: HQ, P1: FACTORY, P2: FACTORY2 };
    const r = analyzeMetro(metro(rows, units));
    const f = of(r.findings, 'hot-spots');
    assert.ok(f !== undefined);
    const c = f.data.industries.find((h) => h.industry === 'C');
    assert.ok(c !== undefined);
    assert.deepEqual(c.units, ['P1', 'P2']);
    const grand = sum(HQ) + sum(FACTORY) + sum(FACTORY2);
    const total = (HQ[2] as number) + (FACTORY[2] as number) + (FACTORY2[2] as number);
    const lq = [FACTORY, FACTORY2].map((row) => (row[2] as number) / sum(row) / (total / grand));
    const meanLq = sum(lq) / 2;
    assertClose(c.meanLq, meanLq, 1e-12);
    assertClose(c.share, ((FACTORY[2] as number) + (FACTORY2[2] as number)) / grand, 1e-12);
    assert.equal(c.proximity, 1);
    assertClose(c.priority, (meanLq / 1.25) * c.share, 1e-12);
    assertClose(f.priority, sum(f.data.industries.map((h) => h.priority)), 1e-15);
    assert.ok(f.industries.every((code) => !['G', 'Q', 'U'].includes(code)));
  });

  it('counts data gaps by kind at priority 0, and makes none without gaps', () => {
    const units = [unit('H', 'core', 116), unit('P', 'inner', 116.5)];
    const gaps = [
      { unit: 'P', industry: 'B', what: 'employment', kind: 'withheld', treatment: 'zero' },
      { unit: 'P', industry: 'A', what: 'employment', kind: 'withheld', treatment: 'zero' },
      { unit: 'H', industry: null, what: 'gdp', kind: 'missing', treatment: 'not-filled' },
    ];
    const r = analyzeMetro(metro({ H: HQ, P: FACTORY }, units, { gaps }));
    const f = of(r.findings, 'data-gap');
    assert.deepEqual(f?.data, {
      count: 3,
      units: 2,
      byKind: [
        { kind: 'withheld', treatment: 'zero', count: 2 },
        { kind: 'missing', treatment: 'not-filled', count: 1 },
      ],
    });
    assert.equal(f?.priority, 0);
    assert.equal(of(analyzeMetro(metro({ H: HQ, P: FACTORY }, units)).findings, 'data-gap'), undefined);
  });

  it('says homogeneity is not judgeable on three sectors', () => {
    const units = [unit('X', 'core', 116), unit('Y', 'inner', 116.5), unit('Z', 'outer', 117)];
    const three: AnalysisIndustry[] = ['I', 'II', 'III'].map((code) => ({ code, nameEn: null, nameZh: null, isicSections: [] }));
    const { inputOutput: _io, ...base } = metro({ X: HQ, Y: FACTORY, Z: FARM }, units);
    const r = analyzeMetro({
      ...base,
      unitSet: { id: 'units', indicator: 'gdp', classification: 'THREE-SECTOR', unit: 'CNY', measure: 'output' },
      industries: three,
      matrix: RegionIndustryMatrix.fromWide(
        ['X', 'Y', 'Z'],
        ['I', 'II', 'III'],
        [
          [1, 20, 79],
          [5, 50, 45],
          [10, 45, 45],
        ],
      ),
    });
    const f = of(r.findings, 'most-similar-pair');
    assert.equal(f?.data.same, null);
    assert.equal(f?.data.tradedIndustries, 2);
    // Traded (goods) shares I, II: X (1, 20) and Y (5, 50) have cosine 1005 / (√401 · √2525) = 0.99878, above Y–Z.
    assert.deepEqual([f?.data.a, f?.data.b], ['X', 'Y']);
    assertClose(f?.data.tradedSimilarity as number, 1005 / Math.sqrt(401 * 2525), 1e-12);
    assert.equal(f?.priority, 0);
    assert.equal(of(r.findings, 'homogeneous-competition'), undefined);
  });
});

/** 50 units, 1,225 pairs: four findings, the pair findings grouped (one per rule). */
const KINDS_50 = ['core-ring-division', 'hot-spots', 'homogeneous-competition'];

describe('findings F3 weak complementarity between near units', () => {
  it('groups near pairs without a division whose specialisations hardly supply each other (chain ratio below 1)', () => {
    // A farm town and a factory town 9 km apart, both production-led (no functional division); their traded
    // specialisations (A, B against C, H) buy 0.001 of each other per unit of output, a tenth of the table's 0.01.
    const cells: Record<string, number> = {};
    for (const k of ['A', 'B', 'C', 'H']) for (const l of ['A', 'B', 'C', 'H']) if (k !== l) cells[`${k}>${l}`] = 0.001;
    //            A   B    C   G   H   J  K  M  N   Q  U
    const farms = [90, 40, 10, 30, 5, 2, 2, 2, 2, 30, 5];
    const plants = [5, 2, 120, 30, 30, 3, 4, 3, 4, 30, 5];
    const r = analyzeMetro(metro({ F: farms, P: plants }, [unit('F', 'inner', 116.0), unit('P', 'core', 116.1)], { inputOutput: flatIo(cells) }));
    assert.equal(r.typology.pairs.functional[0], false);
    const ratio = r.complementarity.pairs.ratio[0] as number;
    // Independent of the code: LQ⁺ over traded industries, C_ab / Σ LQ⁺_ak ā_k LQ⁺_bl per direction, the larger.
    const lq = r.specialisation.lq;
    const plus = (u: number, i: number) =>
      ['A', 'B', 'C', 'H', 'J', 'K', 'M', 'N'].includes(codes[i] as string) ? Math.max((lq[u] as number[])[i] as number, 1) - 1 : 0;
    const io = flatIo(cells);
    const n = codes.length;
    const rowMean = (k: number) => sum(codes.map((_, l) => (l === k ? 0 : (io.coefficients[k * n + l] as number)))) / (n - 1);
    const dir = (a: number, b: number) => {
      let c = 0;
      let e = 0;
      for (let k = 0; k < n; k++)
        for (let l = 0; l < n; l++) {
          if (k === l) continue;
          c += plus(a, k) * (io.coefficients[k * n + l] as number) * plus(b, l);
          e += plus(a, k) * rowMean(k) * plus(b, l);
        }
      return c / e;
    };
    assertClose(ratio, Math.max(dir(0, 1), dir(1, 0)), 1e-12, 'chain ratio');
    assert.ok(ratio < 1);
    const f = of(r.findings, 'weak-complementarity');
    assert.equal(f?.data.count, 1);
    assert.deepEqual([f?.data.pairs.a[0], f?.data.pairs.b[0]], ['F', 'P']);
  });
});

describe('findings F4 chain stages, F6 core function, F7 gradient, F9 trend', () => {
  const eff = (v: number, t: number) => 1 + Math.abs(v - t) / t;

  it('F4: groups pairs whose specialisations are targeted suppliers one way, with the upstream unit', () => {
    // Agriculture sells 0.3 of manufacturing's output value, 0.01 to everything else; manufacturing sells 0.01.
    const r = analyzeMetro(metro({ F: FARM, P: FACTORY }, [unit('F', 'outer', 116.0), unit('P', 'inner', 117.0)], { inputOutput: flatIo({ 'A>C': 0.3 }) }));
    const ratio = r.complementarity.pairs.ratio[0] as number;
    assert.equal(r.typology.pairs.chainStages[0], true);
    assert.equal(r.typology.pairs.upstream[0], 0);
    const f = of(r.findings, 'chain-pairs');
    assert.equal(f?.data.count, 1);
    assert.deepEqual([f?.data.pairs.a[0], f?.data.pairs.b[0], f?.data.pairs.value[0]], ['F', 'P', ratio]);
    assertClose(f?.priority as number, eff(ratio, 2) * (f?.data.pairs.weight[0] as number), 1e-12, 'priority');
  });

  it('F6: a ring unit whose urban flow intensity exceeds the core’s, priority effect × the core’s share', () => {
    // The core is a factory town, the ring unit a service centre: the outward service functions are in the ring.
    const r = analyzeMetro(metro({ C: FACTORY, S: HQ }, [unit('C', 'core', 116.0), unit('S', 'inner', 116.3)]));
    const flow = r.linkage.urbanFlow?.intensity as number[];
    assert.ok((flow[1] as number) > (flow[0] as number));
    const f = of(r.findings, 'core-not-radiating');
    const coreShare = sum(FACTORY) / (sum(FACTORY) + sum(HQ));
    assertClose(f?.priority as number, eff(flow[1] as number, flow[0] as number) * coreShare, 1e-12, 'priority');
    assert.equal(
      of(analyzeMetro(metro({ C: HQ, S: FACTORY }, [unit('C', 'core', 116.0), unit('S', 'inner', 116.3)])).findings, 'core-not-radiating'),
      undefined,
    );
  });

  it('F7: a core whose tertiary share does not exceed the ring’s, priority effect(core, highest ring)', () => {
    const r = analyzeMetro(metro({ C: FACTORY, S: HQ }, [unit('C', 'core', 116.0), unit('S', 'inner', 116.3)]));
    assert.equal(r.structure.gradientShape, 'flat-or-inverted');
    const core = r.structure.ringGradient.find((g) => g.ring === 'core')?.tertiaryShare as number;
    const ring = r.structure.ringGradient.find((g) => g.ring === 'inner')?.tertiaryShare as number;
    const f = of(r.findings, 'flat-gradient');
    assert.equal(f?.data.coreShare, core);
    assert.equal(f?.data.threshold, ring);
    assert.equal(f?.priority, eff(core, ring));
    assert.equal(of(analyzeMetro(metro({ C: HQ, S: FACTORY }, [unit('C', 'core', 116.0), unit('S', 'inner', 116.3)])).findings, 'flat-gradient'), undefined);
  });

  it('F9: a rise of the mean traded similarity by trendRise or more, priority effect(rise, trendRise)', () => {
    const earlier = RegionIndustryMatrix.fromWide(['F', 'P'], codes, [FARM, FACTORY], { order: 'input', zeroTotals: 'keep' });
    const r = analyzeMetro(
      metro({ F: FACTORY2, P: FACTORY }, [unit('F', 'outer', 116.0), unit('P', 'core', 116.3)], { earlier: [{ year: 2015, matrix: earlier }] }),
    );
    const [then, now] = r.homogenisation.trend;
    const rise = (now?.meanTradedSimilarity as number) - (then?.meanTradedSimilarity as number);
    assert.ok(rise >= 0.02);
    const f = of(r.findings, 'homogenisation-rising');
    assert.equal(f?.priority, eff(rise, 0.02));
    const flat = analyzeMetro(
      metro({ F: FARM, P: FACTORY }, [unit('F', 'outer', 116.0), unit('P', 'core', 116.3)], { earlier: [{ year: 2015, matrix: earlier }] }),
    );
    assert.equal(of(flat.findings, 'homogenisation-rising'), undefined);
  });
});

describe('findings: the headline cap and the text layer', () => {
  // 50 units: 10 of each of five structures, scaled; a core of services.
  const shapes = [HQ, FACTORY, FACTORY2, FARM, FARM2];
  const rows: Record<string, number[]> = {};
  const units: AnalysisUnit[] = [];
  for (let k = 0; k < 50; k++) {
    const id = `U${String(k).padStart(2, '0')}`;
    rows[id] = (shapes[k % 5] as number[]).map((v, i) => v * (1 + ((k * 7 + i) % 5) / 10));
    units.push(unit(id, k === 0 ? 'core' : k < 20 ? 'inner' : 'outer', 116 + (k % 10) * 0.2, 35 + Math.floor(k / 10) * 0.2));
  }
  const r = analyzeMetro(metro(rows, units), { headlineFindings: 3 });
  const all = analyzeMetro(metro(rows, units));

  it('marks at most headlineFindings as headline, the first ones in priority order, with 1,225 pairs grouped', () => {
    assert.equal(r.findings.filter((f) => f.headline).length, 3);
    assert.deepEqual(
      r.findings.map((f) => f.headline),
      r.findings.map((_, k) => k < 3),
    );
    assert.equal(all.findings.filter((f) => f.headline).length, Math.min(12, all.findings.length));
    assert.deepEqual(
      all.findings.map((f) => f.id),
      KINDS_50,
    );
    const c = of(all.findings, 'homogeneous-competition');
    assert.equal(c?.data.of, 1225);
    assert.equal(c?.data.count, r.typology.counts.competing);
    // The group lists its 50 pairs of highest priority; the count says how many there are.
    assert.equal(c?.data.pairs.a.length, Math.min(50, r.typology.counts.competing));
  });

  it('writes Chinese text without Latin letters except industry codes and ids, and English text in English', () => {
    const names = findingNames(all.units, all.industries);
    const allowed = new RegExp(`\\b(${[...codes, ...all.units.map((u) => u.id), 'k\\d'].join('|')})\\b`, 'g');
    for (const f of all.findings) {
      const zh = findingText(f, names, 'zh');
      assert.deepEqual(zh, { title: f.title.zh, detail: f.detail.zh });
      const stripped = `${zh.title} ${zh.detail}`.replace(allowed, '');
      assert.doesNotMatch(stripped, /[A-Za-z]/, `${f.id}: ${stripped}`);
      assert.doesNotMatch(`${f.title.en} ${f.detail.en}`, /[\u4e00-\u9fff]/, f.id);
    }
    assert.ok(all.findings.length >= 1);
  });
});
