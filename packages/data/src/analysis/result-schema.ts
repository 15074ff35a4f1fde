/**
 * The analysis result document as a zod schema — the source of the committed JSON Schema
 * packages/data/schemas/metro-analysis.schema.json (regenerate with `tsx packages/data/scripts/write-analysis-schema.ts`;
 * a test checks the file is up to date). Mirrors `MetroAnalysis` of the core.
 */
import { z } from 'zod';

const num = z.number();
const numOrNull = z.number().nullable();
const text = z.object({ en: z.string(), zh: z.string() });
const ring = z.enum(['core', 'inner', 'outer']);
const sourced = z.object({ value: num, unit: z.string(), year: z.number().int(), source: z.string() });
const absence = z.object({ what: z.string(), reason: text });
const pair = { a: z.string(), b: z.string() };
const matrix = z.array(z.array(num));
const matrixOrNull = z.array(z.array(numOrNull));
const record = z.record(z.string(), numOrNull);
const driverScore = z.object({ score: numOrNull, evidence: z.record(z.string(), z.union([num, z.string(), z.null()])) });
const driverSet = z.object({
  proximity: driverScore,
  structure: driverScore,
  market: driverScore,
  government: driverScore.extend({ items: z.array(z.string()) }),
});
const pairType = z.enum(['vertical', 'horizontal', 'mixed', 'competing']);

export const metroAnalysisSchema = z
  .object({
    schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    generatedAt: z.string().optional().describe('Optional timestamp, kept apart so the rest is deterministic'),
    metro: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string(), country: z.string() }),
    unitSet: z.object({
      id: z.string(),
      indicator: z.string(),
      classification: z.string(),
      unit: z.string(),
      measure: z.enum(['employment', 'output']),
      year: z.number().int(),
      years: z.array(z.number().int()),
    }),
    units: z.array(z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string().nullable(), ring, lon: numOrNull, lat: numOrNull })),
    industries: z.array(z.object({ code: z.string(), nameEn: z.string().nullable(), nameZh: z.string().nullable(), isicSections: z.array(z.string()) })),
    options: z.record(z.string(), z.union([num, z.boolean()])),
    overview: z.array(
      z.object({
        unit: z.string(),
        nameEn: z.string(),
        nameZh: z.string().nullable(),
        ring,
        area: sourced.nullable(),
        population: sourced.nullable(),
        gdp: sourced.nullable(),
        gdpPerCapita: sourced.extend({ derived: z.boolean() }).nullable(),
        sectorShares: z
          .object({
            primary: num,
            secondary: num,
            tertiary: num,
            basis: z.enum(['value-added', 'analysis-matrix']),
            year: z.number().int(),
            source: z.string(),
          })
          .nullable(),
      }),
    ),
    structure: z.object({
      industries: z.array(z.string()),
      units: z.array(z.string()),
      composition: matrix,
      industryGroups: z.record(z.string(), z.string()),
      ringGradient: z.array(z.object({ ring, units: z.array(z.string()), tertiaryShare: numOrNull, servicesToManufacturing: numOrNull })),
      gradientShape: z.enum(['descending', 'flat-or-inverted']).nullable(),
      functionalSpecialisation: z.object({ management: z.array(z.string()), production: z.array(z.string()), values: z.array(numOrNull) }).nullable(),
      industrialGradient: z.object({ classification: z.string(), industries: z.array(z.string()), values: matrixOrNull, note: z.string() }).nullable(),
      absent: z.array(absence),
    }),
    specialisation: z.object({
      reference: z.literal('metro'),
      lq: matrix,
      advantage: z.array(z.object({ unit: z.string(), industries: z.array(z.string()), strong: z.array(z.string()) })),
      krugman: z.array(num),
      trend: z.array(z.object({ year: z.number().int(), units: z.array(z.string()), krugman: z.array(num) })),
    }),
    homogenisation: z.object({
      pairs: z.array(z.object({ ...pair, similarity: num, dissimilarity: num, jaccard: numOrNull, sharedAdvantage: z.array(z.string()) })),
      index: numOrNull,
      shareOfPairsAbove: numOrNull,
      hotSpots: z.array(z.object({ industry: z.string(), units: z.array(z.string()), score: num })),
      trend: z.array(z.object({ year: z.number().int(), index: numOrNull, shareOfPairsAbove: numOrNull })),
    }),
    complementarity: z.object({
      table: z.object({ id: z.string(), year: z.number().int(), mapping: z.string(), meanOffDiagonal: num }).nullable(),
      pairs: z.array(
        z.object({
          ...pair,
          composite: z.tuple([num, num]),
          meanCoefficient: z.tuple([numOrNull, numOrNull]),
          ratio: numOrNull,
          topLinks: z.array(z.object({ from: z.string(), to: z.string(), supplier: z.string(), buyer: z.string(), contribution: num })),
        }),
      ),
      leadingIndustries: z.array(z.string()),
      missingLinks: z.array(z.object({ input: z.string(), buyer: z.string(), coefficient: num, metroShare: num, nationalShare: num })),
      absent: z.array(absence),
    }),
    linkage: z.object({
      exponent: num,
      pairs: z.array(
        z.object({
          ...pair,
          strength: numOrNull,
          normalised: numOrNull,
          distance: numOrNull,
          distanceKind: z.enum(['rail-minutes', 'km']).nullable(),
          km: numOrNull,
          railMinutes: numOrNull,
        }),
      ),
      membership: z.array(z.object({ core: z.string(), shares: z.record(z.string(), num) })),
      urbanFlow: z.object({ sectors: z.array(z.string()), intensity: z.array(numOrNull), tendency: z.array(numOrNull) }).nullable(),
      accessibility: z.array(numOrNull).nullable(),
      absent: z.array(absence),
    }),
    typology: z.array(
      z.object({
        ...pair,
        type: pairType,
        rule: z.enum(['T1', 'T2', 'T3', 'T4']),
        thresholds: z.record(z.string(), num),
        numbers: record,
        reason: text,
        suggestedModes: z.array(z.enum(['industrial-transfer', 'chain-collaboration', 'joint-park-or-enclave', 'innovation-cooperation'])),
      }),
    ),
    drivers: z.object({
      pairs: z.array(driverSet.extend(pair)),
      metro: driverSet,
      missing: z.array(z.enum(['proximity', 'structure', 'market', 'government'])),
    }),
    benchmark: z
      .object({
        metros: z.array(
          z.object({
            metro: z.string(),
            nameEn: z.string(),
            nameZh: z.string(),
            unitSet: z.string(),
            indicator: z.string(),
            classification: z.string(),
            measure: z.enum(['employment', 'output']),
            year: z.number().int(),
            units: z.number().int(),
            industries: z.number().int(),
            homogenisationIndex: numOrNull,
            shareOfPairsAbove: numOrNull,
            meanDissimilarity: numOrNull,
            meanKrugman: numOrNull,
            coreTertiaryShare: numOrNull,
            coreFunctionalSpecialisation: numOrNull,
            meanChainRatio: numOrNull,
            pairTypes: z.object({ vertical: z.number().int(), horizontal: z.number().int(), mixed: z.number().int(), competing: z.number().int() }),
          }),
        ),
        comparisons: z.array(
          z.object({ measure: z.string(), subject: z.string(), values: record, ratios: record, position: z.number().int().nullable(), statement: text }),
        ),
        caveats: z.array(text),
      })
      .nullable(),
    findings: z.array(
      z.object({
        id: z.string(),
        kind: z.enum([
          'homogeneous-competition',
          'hot-spot-industry',
          'weak-complementarity',
          'missing-chain-link',
          'core-not-radiating',
          'flat-gradient',
          'plan-contradicted',
          'homogenisation-rising',
          'strong-chain-pair',
          'data-gap',
        ]),
        severity: z.enum(['high', 'medium', 'low', 'info']),
        rule: z.string().regex(/^F\d+$/),
        title: text,
        detail: text,
        evidence: z.array(z.object({ measure: z.string(), units: z.array(z.string()), values: record })),
        regions: z.array(z.string()),
        industries: z.array(z.string()),
      }),
    ),
    gaps: z.array(z.object({ unit: z.string(), industry: z.string().nullable(), what: z.string(), kind: z.string(), treatment: z.string() })),
    notes: z.array(text),
  })
  .strict()
  .describe('metrocoop metro cooperation analysis (analyzeMetro)');

/** The JSON Schema (draft 2020-12) generated from {@link metroAnalysisSchema}. */
export function metroAnalysisJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(metroAnalysisSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The committed schema file's text (stable key order from zod, 2-space indent, trailing newline). */
export function metroAnalysisJsonSchemaText(): string {
  return `${JSON.stringify(metroAnalysisJsonSchema(), null, 2)}\n`;
}
