/**
 * Crosswalks between classifications, read from the store: weights source code → target codes, composed through one
 * intermediate classification when there is no direct table (e.g. `JP-IO37 → JSIC-13 ← JSNA-2015-ACTIVITY`), and
 * the ISIC Rev.4 sections of every code. Used by the analysis loader (IO tables, knowledge items, gradients) and by
 * the benchmark's comparison basis.
 */
import type { Store } from '../store/store.ts';

const str = (v: unknown): string => String(v);
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface Crosswalk {
  readonly from: string;
  readonly fromCode: string;
  readonly to: string;
  readonly toCode: string;
  readonly kind: string;
  readonly weight: number | null;
}

/** Weights source code → target codes of one crosswalk direction (main targets, else partial; given weights, else equal). */
export function forwardWeights(rows: readonly Crosswalk[]): Map<string, Map<string, number>> {
  const bySource = new Map<string, Crosswalk[]>();
  for (const r of rows) {
    const list = bySource.get(r.fromCode) ?? [];
    list.push(r);
    bySource.set(r.fromCode, list);
  }
  const out = new Map<string, Map<string, number>>();
  for (const [code, list] of bySource) {
    const main = list.filter((r) => r.kind === 'main');
    const use = main.length > 0 ? main : list;
    const given = use.every((r) => r.weight !== null) ? use.reduce((s, r) => s + (r.weight as number), 0) : 0;
    const m = new Map<string, number>();
    for (const r of use) m.set(r.toCode, (m.get(r.toCode) ?? 0) + (given > 0 ? (r.weight as number) / given : 1 / use.length));
    out.set(code, m);
  }
  return out;
}

/** Reverse a crosswalk: target code → source codes, equal shares among main sources (else partial). */
function reverseWeights(rows: readonly Crosswalk[]): Map<string, Map<string, number>> {
  return forwardWeights(rows.map((r) => ({ from: r.to, fromCode: r.toCode, to: r.from, toCode: r.fromCode, kind: r.kind, weight: null })));
}

function compose(a: Map<string, Map<string, number>>, b: Map<string, Map<string, number>>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [code, targets] of a) {
    const m = new Map<string, number>();
    for (const [mid, w] of targets) for (const [t, w2] of b.get(mid) ?? []) m.set(t, (m.get(t) ?? 0) + w * w2);
    if (m.size > 0) out.set(code, m);
  }
  return out;
}

export class Crosswalks {
  constructor(private readonly rows: readonly Crosswalk[]) {}
  pair(from: string, to: string): Crosswalk[] {
    return this.rows.filter((r) => r.from === from && r.to === to);
  }
  /**
   * A mapping from → to: direct, reversed, or through one intermediate classification (forward/forward, and unless
   * `secondHopReversed` is false, forward/reverse).
   */
  path(from: string, to: string, secondHopReversed = true): { weights: Map<string, Map<string, number>>; description: string } | null {
    if (from === to) return null;
    const direct = this.pair(from, to);
    if (direct.length > 0) return { weights: forwardWeights(direct), description: `${from} → ${to}` };
    const rev = this.pair(to, from);
    if (rev.length > 0) return { weights: reverseWeights(rev), description: `${from} ← ${to} (reversed, equal split)` };
    const mids = [...new Set(this.rows.filter((r) => r.from === from).map((r) => r.to))].sort(byKey);
    for (const mid of mids) {
      const first = forwardWeights(this.pair(from, mid));
      const f2 = this.pair(mid, to);
      if (f2.length > 0) return { weights: compose(first, forwardWeights(f2)), description: `${from} → ${mid} → ${to}` };
      const r2 = secondHopReversed ? this.pair(to, mid) : [];
      if (r2.length > 0) return { weights: compose(first, reverseWeights(r2)), description: `${from} → ${mid} ← ${to} (reversed, equal split)` };
    }
    return null;
  }
  /** ISIC sections of a code: main targets first, then partial, each sorted. */
  isic(classification: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    let rows = this.pair(classification, 'ISIC-4');
    if (rows.length === 0) {
      // One hop: classification → X → ISIC-4 (e.g. JSNA activities → JSIC divisions → ISIC sections).
      const mids = [...new Set(this.rows.filter((r) => r.from === classification).map((r) => r.to))].sort(byKey);
      for (const mid of mids) {
        const second = this.pair(mid, 'ISIC-4');
        if (second.length === 0) continue;
        const composed: Crosswalk[] = [];
        for (const r of this.pair(classification, mid))
          for (const s of second.filter((x) => x.fromCode === r.toCode))
            composed.push({
              from: classification,
              fromCode: r.fromCode,
              to: 'ISIC-4',
              toCode: s.toCode,
              kind: r.kind === 'main' && s.kind === 'main' ? 'main' : 'partial',
              weight: null,
            });
        rows = composed;
        break;
      }
    }
    for (const r of rows) {
      const list = out.get(r.fromCode) ?? [];
      list.push(`${r.kind === 'main' ? 0 : 1}${r.toCode}`);
      out.set(r.fromCode, list);
    }
    for (const [k, v] of out) out.set(k, [...new Set(v.sort().map((x) => x.slice(1)))]);
    return out;
  }
}

/** Every crosswalk of the store. */
export async function readCrosswalks(store: Store): Promise<Crosswalks> {
  const rows = await store.rows(`SELECT DISTINCT from_classification, from_code, to_classification, to_code, kind, weight FROM crosswalks ORDER BY ALL`);
  return new Crosswalks(
    rows.map((r) => ({
      from: str(r.from_classification),
      fromCode: str(r.from_code),
      to: str(r.to_classification),
      toCode: str(r.to_code),
      kind: str(r.kind),
      weight: r.weight === null || r.weight === undefined ? null : Number(r.weight),
    })),
  );
}
