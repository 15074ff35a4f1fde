/**
 * Findings: typed statements computed from the numbers by documented rules (F1–F10 in
 * docs/methodology/from-measures-to-diagnosis.md); nothing is written per metro. Each carries its rule, the
 * evidence (measure, units, values), the regions and industries it concerns, and zh/en texts.
 */
import type { Language, LocalizedText } from '../errors/metro-error.ts';
import { byCode } from './internal.ts';
import { analysisMessages as msg } from './messages.ts';
import type { MetroAnalysisOptions } from './options.ts';
import type {
  AnalysisGap,
  AnalysisIndustry,
  AnalysisKnowledgeItem,
  AnalysisUnit,
  ComplementarityPart,
  DriversPart,
  Finding,
  HomogenisationPart,
  LinkagePart,
  Severity,
  SpecialisationPart,
  StructurePart,
  TypologyPair,
} from './types.ts';

const severityOrder: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

export interface FindingsInput {
  readonly units: readonly AnalysisUnit[];
  readonly industries: readonly AnalysisIndustry[];
  readonly structure: StructurePart;
  readonly specialisation: SpecialisationPart;
  readonly homogenisation: HomogenisationPart;
  readonly complementarity: ComplementarityPart;
  readonly linkage: LinkagePart;
  readonly typology: readonly TypologyPair[];
  readonly drivers: DriversPart;
  readonly proximityOf: Float64Array;
  readonly knowledge: readonly AnalysisKnowledgeItem[];
  readonly gaps: readonly AnalysisGap[];
}

export function findingsPart(x: FindingsInput, options: Required<MetroAnalysisOptions>): Finding[] {
  const ids = x.units.map((u) => u.id);
  const n = ids.length;
  const unitName = new Map(x.units.map((u) => [u.id, u]));
  const indName = new Map(x.industries.map((i) => [i.code, i]));
  const un = (id: string, lang: Language): string => {
    const u = unitName.get(id);
    return u === undefined ? id : lang === 'zh' ? (u.nameZh ?? u.nameEn) : u.nameEn;
  };
  const inn = (code: string, lang: Language): string => {
    const i = indName.get(code);
    const name = i === undefined ? null : lang === 'zh' ? (i.nameZh ?? i.nameEn) : (i.nameEn ?? i.nameZh);
    return name === null ? code : `${code} ${name}`;
  };
  const both = (f: (lang: Language) => LocalizedText): LocalizedText => ({ en: f('en').en, zh: f('zh').zh });
  const out: Finding[] = [];
  const add = (f: Omit<Finding, 'id'> & { key: string }): void => {
    const { key, ...rest } = f;
    out.push({ id: `${f.kind}:${key}`, ...rest });
  };
  const idx = (id: string): number => ids.indexOf(id);
  const lq = (unit: string, industry: string): number | null => {
    const r = idx(unit);
    const i = x.structure.industries.indexOf(industry);
    return r < 0 || i < 0 ? null : ((x.specialisation.lq[r] as number[])[i] as number);
  };

  // F1 homogeneous competition: pairs of type competing.
  x.typology.forEach((t, p) => {
    if (t.type !== 'competing') return;
    const h = x.homogenisation.pairs[p];
    if (h === undefined) return;
    const severe = h.similarity >= 0.95 || (h.jaccard !== null && h.jaccard >= 0.75);
    add({
      key: `${t.a}|${t.b}`,
      kind: 'homogeneous-competition',
      severity: severe ? 'high' : 'medium',
      rule: 'F1',
      title: both((l) => msg.competingTitle(un(t.a, l), un(t.b, l))),
      detail: both((l) =>
        msg.competingDetail(
          un(t.a, l),
          un(t.b, l),
          h.similarity,
          h.dissimilarity,
          h.sharedAdvantage.map((c) => inn(c, l)),
        ),
      ),
      evidence: [{ measure: 'typology', units: [t.a, t.b], values: { similarity: h.similarity, dissimilarity: h.dissimilarity, jaccard: h.jaccard } }],
      regions: [t.a, t.b],
      industries: h.sharedAdvantage,
    });
  });

  // F2 hot-spot industries.
  for (const h of x.homogenisation.hotSpots) {
    add({
      key: h.industry,
      kind: 'hot-spot-industry',
      severity: h.units.length >= 3 ? 'medium' : 'low',
      rule: 'F2',
      title: both((l) => msg.hotSpotTitle(inn(h.industry, l), h.units.length)),
      detail: both((l) =>
        msg.hotSpotDetail(
          inn(h.industry, l),
          h.units.map((u) => un(u, l)),
          h.score,
        ),
      ),
      evidence: [
        { measure: 'locationQuotient', units: h.units, values: Object.fromEntries(h.units.map((u) => [u, lq(u, h.industry)])) },
        { measure: 'hotSpotScore', units: h.units, values: { score: h.score } },
      ],
      regions: h.units,
      industries: [h.industry],
    });
  }

  // F3 weak complementarity between near units; F4 strong chain pairs.
  x.complementarity.pairs.forEach((c) => {
    const a = idx(c.a);
    const b = idx(c.b);
    const prox = x.proximityOf[a * n + b] as number;
    if (c.ratio === null) return;
    if (c.ratio < options.chainLow && prox >= 0.5) {
      add({
        key: `${c.a}|${c.b}`,
        kind: 'weak-complementarity',
        severity: 'medium',
        rule: 'F3',
        title: both((l) => msg.weakTitle(un(c.a, l), un(c.b, l))),
        detail: both((l) => msg.weakDetail(un(c.a, l), un(c.b, l), c.ratio as number, prox)),
        evidence: [{ measure: 'chainComplementarity', units: [c.a, c.b], values: { ratio: c.ratio, proximity: prox } }],
        regions: [c.a, c.b],
        industries: [],
      });
    }
    if (c.ratio >= options.chainHigh) {
      const top = c.topLinks[0];
      add({
        key: `${c.a}|${c.b}`,
        kind: 'strong-chain-pair',
        severity: 'info',
        rule: 'F4',
        title: both((l) => msg.strongChainTitle(un(c.a, l), un(c.b, l))),
        detail: both((l) =>
          msg.strongChainDetail(
            un(c.a, l),
            un(c.b, l),
            c.ratio as number,
            top === undefined ? '—' : `${un(top.from, l)} ${inn(top.supplier, l)} → ${un(top.to, l)} ${inn(top.buyer, l)}`,
          ),
        ),
        evidence: [
          { measure: 'chainComplementarity', units: [c.a, c.b], values: { ratio: c.ratio, compositeAB: c.composite[0], compositeBA: c.composite[1] } },
        ],
        regions: [c.a, c.b],
        industries: [...new Set(c.topLinks.flatMap((t) => [t.supplier, t.buyer]))].sort(byCode),
      });
    }
  });

  // F5 missing chain links.
  for (const m of x.complementarity.missingLinks) {
    add({
      key: `${m.input}>${m.buyer}`,
      kind: 'missing-chain-link',
      severity: 'medium',
      rule: 'F5',
      title: both((l) => msg.missingTitle(inn(m.input, l), inn(m.buyer, l))),
      detail: both((l) => msg.missingDetail(inn(m.input, l), inn(m.buyer, l), m.coefficient, m.metroShare, m.nationalShare)),
      evidence: [{ measure: 'inputOutput', units: ids, values: { coefficient: m.coefficient, metroShare: m.metroShare, nationalShare: m.nationalShare } }],
      regions: [],
      industries: [m.input, m.buyer],
    });
  }

  // F6 a core that does not radiate.
  const flow = x.linkage.urbanFlow?.intensity;
  const fs = x.structure.functionalSpecialisation?.values;
  x.units.forEach((u, r) => {
    if (u.ring !== 'core') return;
    const reasonsEn: string[] = [];
    const reasonsZh: string[] = [];
    const values: Record<string, number | null> = {};
    const f = fs?.[r] ?? null;
    if (f !== null) {
      values.functionalSpecialisation = f;
      if (f <= 0) {
        reasonsEn.push(`functional specialisation ${f.toPrecision(3)} ≤ 0 (not specialised in management functions)`);
        reasonsZh.push(`功能专业化指数 ${f.toPrecision(3)} ≤ 0（未专业化于管理职能）`);
      }
    }
    const fi = flow?.[r] ?? null;
    if (flow !== undefined && fi !== null) {
      const rank = 1 + flow.filter((v) => v !== null && v > fi).length;
      values.urbanFlowIntensity = fi;
      values.urbanFlowRank = rank;
      if (rank > 1) {
        reasonsEn.push(`urban flow intensity ranks ${rank} of ${flow.length}`);
        reasonsZh.push(`城市流强度排名第 ${rank}（共 ${flow.length} 个）`);
      }
    }
    if (reasonsEn.length === 0) return;
    add({
      key: u.id,
      kind: 'core-not-radiating',
      severity: reasonsEn.length >= 2 ? 'high' : 'medium',
      rule: 'F6',
      title: both((l) => msg.coreTitle(un(u.id, l))),
      detail: both((l) => msg.coreDetail(un(u.id, l), reasonsEn.join('; '), reasonsZh.join('；'))),
      evidence: [{ measure: 'coreFunction', units: [u.id], values }],
      regions: [u.id],
      industries: [],
    });
  });

  // F7 flat gradient.
  if (x.structure.gradientShape === 'flat-or-inverted') {
    const core = x.structure.ringGradient.find((g) => g.ring === 'core');
    const rings = x.structure.ringGradient.filter((g) => g.ring !== 'core');
    add({
      key: 'tertiary',
      kind: 'flat-gradient',
      severity: 'medium',
      rule: 'F7',
      title: msg.flatTitle,
      detail: msg.flatDetail(core?.tertiaryShare ?? null, rings.map((g) => `${g.ring} ${((g.tertiaryShare ?? 0) * 100).toFixed(1)}%`).join(', ')),
      evidence: [
        {
          measure: 'tertiaryShare',
          units: x.structure.ringGradient.flatMap((g) => g.units),
          values: Object.fromEntries(x.structure.ringGradient.map((g) => [g.ring, g.tertiaryShare])),
        },
      ],
      regions: core?.units ?? [],
      industries: [],
    });
  }

  // F8 plan positions the data contradicts (LQ < 1 in a named industry): one finding per unit and industry,
  // citing every knowledge item that names it (several plans often repeat the same position).
  const planned = new Map<string, { unit: string; industry: string; lq: number; items: string[]; verified: boolean }>();
  for (const k of x.knowledge) {
    if (k.kind !== 'positioning' || k.unit === null) continue;
    for (const industry of k.industries) {
      const v = lq(k.unit, industry);
      if (v === null || v >= 1) continue;
      const key = `${k.unit}|${industry}`;
      const entry = planned.get(key) ?? { unit: k.unit, industry, lq: v, items: [], verified: false };
      entry.items.push(k.id);
      entry.verified ||= k.verified;
      planned.set(key, entry);
    }
  }
  for (const [key, { unit, industry, lq: v, items, verified }] of planned) {
    add({
      key,
      kind: 'plan-contradicted',
      severity: verified ? 'medium' : 'low',
      rule: 'F8',
      title: both((l) => msg.planTitle(un(unit, l), inn(industry, l))),
      detail: both((l) => msg.planDetail(un(unit, l), inn(industry, l), v, items, verified)),
      evidence: [{ measure: 'locationQuotient', units: [unit], values: { lq: v } }],
      regions: [unit],
      industries: [industry],
    });
  }

  // F9 homogenisation rising over the available years.
  const trend = x.homogenisation.trend.filter((t) => t.index !== null);
  const first = trend[0];
  const last = trend[trend.length - 1];
  if (first !== undefined && last !== undefined && last.year > first.year && (last.index as number) - (first.index as number) >= options.trendRise) {
    add({
      key: `${first.year}-${last.year}`,
      kind: 'homogenisation-rising',
      severity: 'medium',
      rule: 'F9',
      title: msg.risingTitle,
      detail: msg.risingDetail(first.index as number, first.year, last.index as number, last.year),
      evidence: [{ measure: 'homogenisationIndex', units: ids, values: { [String(first.year)]: first.index, [String(last.year)]: last.index } }],
      regions: [],
      industries: [],
    });
  }

  // F10 data gaps (shown, never filled).
  if (x.gaps.length > 0) {
    const what = [...new Set(x.gaps.map((g) => `${g.unit}${g.industry === null ? '' : `×${g.industry}`} ${g.what} (${g.kind}, ${g.treatment})`))]
      .slice(0, 12)
      .join('; ');
    add({
      key: 'gaps',
      kind: 'data-gap',
      severity: 'info',
      rule: 'F10',
      title: msg.gapTitle(x.gaps.length),
      detail: msg.gapDetail(what),
      evidence: [{ measure: 'gaps', units: [...new Set(x.gaps.map((g) => g.unit))].sort(byCode), values: { count: x.gaps.length } }],
      regions: [...new Set(x.gaps.map((g) => g.unit))].sort(byCode),
      industries: [...new Set(x.gaps.flatMap((g) => (g.industry === null ? [] : [g.industry])))].sort(byCode),
    });
  }
  out.sort((p, q) => severityOrder[p.severity] - severityOrder[q.severity] || byCode(p.kind, q.kind) || byCode(p.id, q.id));
  return out;
}
