/**
 * The plan document (what {@link planMetro} returns), defined once as a zod schema: the positions, the cooperation
 * opportunities, the transport priorities and the observed firm relocations, gathered under the paper's four
 * recommendation headings (mechanism; planning and government; positions; infrastructure). Every recommendation
 * names the part and the item it comes from (`refs`) and carries the numbers that decided it (`values`). Plain JSON,
 * deterministic (no timestamps); the JSON Schema is written to packages/data/schemas/metro-plan.schema.json.
 */
import { z } from 'zod';
import { opportunitiesPartSchema } from './opportunities-schema.ts';
import { positionsPartSchema } from './positions-schema.ts';
import { transportPartSchema } from './transport-schema.ts';

type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
type Result<S extends z.ZodType> = DeepReadonly<z.output<S>>;

const int = z.number().int();
const numOrNull = z.number().nullable();
const text = z.object({ en: z.string(), zh: z.string() });

/** The paper's four recommendation headings, in its order. */
export const planHeadings = ['mechanism', 'planning-government', 'positions', 'infrastructure'] as const;
const headingSchema = z.enum(planHeadings);
export type PlanHeading = Result<typeof headingSchema>;

const refSchema = z.object({
  part: z.enum(['positions', 'opportunities', 'transport', 'relocations', 'analysis']),
  /** The item's id in that part: a unit id (positions), an opportunity id or `a|b` pair (opportunities), `a|b` (transport), `origin>destination` (relocations), a finding id, `hotSpot:industry` or `pair:a|b` (analysis). */
  id: z.string(),
});

const recommendationSchema = z.object({
  /** Stable id: `heading:kind:key`. */
  id: z.string(),
  /** 1 = first under its heading. */
  rank: int,
  /** What kind of item (e.g. `joint-park`, `hot-spot`, `lead-industries`, `rail-link`). */
  kind: z.string(),
  title: text,
  /** The units it concerns. */
  units: z.array(z.string()),
  /** The industries it concerns. */
  industries: z.array(z.string()),
  /** The numbers that decided it (names documented in docs/methodology/planning.md). */
  values: z.record(z.string(), numOrNull),
  refs: z.array(refSchema),
});
/** One recommendation, traced to its part and numbers. */
export type PlanRecommendation = Result<typeof recommendationSchema>;

const sectionSchema = z.object({
  heading: headingSchema,
  title: text,
  /** The first `headline` items (ranked), then how many more there are in the parts. */
  items: z.array(recommendationSchema),
  more: int,
  /** Why the heading has nothing to recommend, when it has none. */
  empty: text.nullable(),
});
/** One of the four headings. */
export type PlanSection = Result<typeof sectionSchema>;

const relocationsSchema = z
  .object({
    source: z.string(),
    years: z.tuple([int, int]),
    moves: z.array(
      z.object({
        origin: z.string(),
        destination: z.string(),
        industry: z.string().nullable(),
        section: z.string(),
        firms: int,
        examples: z.array(z.string()),
      }),
    ),
    notes: z.array(text),
  })
  .nullable();

/** The plan of one metro: one versioned, deterministic document. */
export const metroPlanSchema = z
  .object({
    schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    metro: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string(), country: z.string() }),
    unitSet: z.object({ id: z.string(), indicator: z.string(), classification: z.string(), measure: z.enum(['employment', 'output']), year: int }),
    /** The units and industries named in the plan (for names in any language). */
    units: z.array(z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string().nullable(), ring: z.enum(['core', 'inner', 'outer']) })),
    industries: z.array(z.object({ code: z.string(), nameEn: z.string().nullable(), nameZh: z.string().nullable() })),
    /** Recommendations shown per heading. */
    headline: int,
    sections: z.array(sectionSchema),
    positions: positionsPartSchema,
    opportunities: opportunitiesPartSchema,
    transport: transportPartSchema,
    /** Listed firms whose registered city moved between units (observed; China only), or `null`. */
    relocations: relocationsSchema,
    notes: z.array(text),
  })
  .strict()
  .describe('metrocoop plan of a metro area (planMetro)');
/** The plan of one metro. */
export type MetroPlan = Result<typeof metroPlanSchema>;

/** The version of the document; bump the major on a breaking change of its shape. */
export const metroPlanSchemaVersion = '1.0.0';

/** The JSON Schema (draft 2020-12) of {@link metroPlanSchema}, as committed in packages/data/schemas/metro-plan.schema.json. */
export function metroPlanJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(metroPlanSchema, { target: 'draft-2020-12' }), null, 2)}\n`;
}
