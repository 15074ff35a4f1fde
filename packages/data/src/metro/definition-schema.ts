/**
 * The metro definition file: a user's own metro area as JSON — its id, names, country, member regions (each with a
 * ring and a representative point or a boundary), optional unit sets and an optional travel-time matrix (a CSV file
 * beside the definition). One zod schema; the committed JSON Schema
 * packages/data/schemas/metro-definition.schema.json is generated from it
 * (`npx tsx --conditions=development packages/data/scripts/write-metro-definition-schema.ts`) and a test fails when
 * the two differ. The annotated example is docs/examples/boston-msa.json (docs/own-metro.md).
 */
import { z } from 'zod';
import { idPattern, regionLevels } from '../model/schemas.ts';

const id = z.string().regex(idPattern, 'an id: letters, digits and - _ . : / with no spaces');
const text = z.string().min(1);

/** Names of a metro, a member or a unit set: English required, Chinese and the local name optional. */
export const namesSchema = z
  .object({
    en: text.describe('English name'),
    zh: text.optional().describe('Chinese name (default: the English one)'),
    local: text.optional().describe('name in the local language, when neither (e.g. Japanese)'),
  })
  .strict();

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);

/** A representative point, WGS84. */
export const pointSchema = z.object({ lon: longitude.describe('longitude, WGS84'), lat: latitude.describe('latitude, WGS84') }).strict();

const position = z.tuple([longitude, latitude], z.number());
const linearRing = z.array(position).min(4);
const polygonCoordinates = z.array(linearRing).min(1);

/** A boundary: a GeoJSON Polygon or MultiPolygon (RFC 7946), longitude first. */
export const boundarySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinates }).strict(),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonCoordinates).min(1) }).strict(),
]);

/** One member region of the metro. */
export const memberSchema = z
  .object({
    id: id.describe('region id, namespaced by country: CN-320100, JP-14100, US-25025; an id the store knows, or a new one'),
    names: namesSchema.optional().describe('required for a region the store does not know yet'),
    ring: z.enum(['core', 'inner', 'outer']).describe('core, inner or outer ring of the metro'),
    level: z.enum(regionLevels).optional().describe('administrative level of a new region (default: city)'),
    parent: id.optional().describe('parent region of a new region (e.g. its province)'),
    point: pointSchema.optional().describe('representative point; a new region needs a point or a boundary'),
    boundary: boundarySchema.optional().describe('GeoJSON Polygon or MultiPolygon of the region'),
    areaKm2: z.number().positive().optional().describe('land area in km²'),
  })
  .strict();

/** A set of analysis units: which members, analysed by which indicator and classification. */
export const unitSetDefinitionSchema = z
  .object({
    id: id.describe('unit set id, e.g. counties'),
    names: namesSchema,
    indicator: id.optional().describe('observation indicator, e.g. employees, employment_urban_units, value_added (default: the one most members have)'),
    classification: id
      .optional()
      .describe('industry classification, e.g. NAICS-2017, GBT4754-2017, THREE-SECTOR, JSIC-13 (default: the one most members have)'),
    members: z.array(id).min(1).optional().describe('member ids of the unit set (default: every member)'),
    default: z.boolean().optional().describe('the unit set an analysis uses when none is named (default: the first)'),
  })
  .strict();

/** The travel-time matrix: a CSV file with columns from,to,minutes,mode,source. */
export const travelTimesDefinitionSchema = z
  .object({
    file: text.describe('CSV file, relative to the definition file: from,to,minutes,mode,source (minutes empty = no direct service)'),
  })
  .strict();

/** The whole definition file. */
export const metroDefinitionSchema = z
  .object({
    $schema: z.string().optional().describe('the JSON Schema of this file (for editors)'),
    id: id.describe('metro id, e.g. boston (case-insensitive; stored in lower case)'),
    names: namesSchema,
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code in capitals, e.g. CN, JP, US')
      .describe('ISO 3166-1 alpha-2 code; CN, JP and US have input–output tables in the store'),
    note: namesSchema.optional().describe('a note shown with the metro'),
    source: id.optional().describe('source id of the definition (default: metro-<id>)'),
    members: z.array(memberSchema).min(2).describe('member regions (at least two)'),
    unitSets: z.array(unitSetDefinitionSchema).optional().describe('analysis unit sets (default: one set "members" of every member)'),
    travelTimes: travelTimesDefinitionSchema.optional(),
  })
  .strict();

export type MetroDefinition = z.infer<typeof metroDefinitionSchema>;
export type MetroMemberDefinition = z.infer<typeof memberSchema>;
export type UnitSetDefinition = z.infer<typeof unitSetDefinitionSchema>;

/** The JSON Schema of the definition file (draft 2020-12). */
export function metroDefinitionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(metroDefinitionSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'metrocoop metro definition',
    description: 'A metro area defined by the user: members with rings and points or boundaries, unit sets, travel times (docs/own-metro.md).',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** The committed schema file's text (2-space indent, trailing newline). */
export function metroDefinitionJsonSchemaText(): string {
  return `${JSON.stringify(metroDefinitionJsonSchema(), null, 2)}\n`;
}
