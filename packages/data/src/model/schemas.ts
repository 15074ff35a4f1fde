/**
 * The canonical data model: runtime schemas (zod) and the types inferred from them.
 *
 * Every table of the store and every file of the embedded dataset (packages/data/dataset/<table>/*.csv) has one
 * schema here; CSV columns are the schema's keys in this order, empty cell = absent (`null`). Ids are namespaced
 * so that the four countries never collide: regions `CN-130100`, `JP-13`, `JP-13101`, `US-36061`, `US-CBSA-35620`;
 * classifications as in {@link classificationIds}.
 */
import { cooperationModes } from '@metrocoop/core';
import { z } from 'zod';

/** Known classification ids. User datasets may add others (any id matching {@link idPattern}). */
export const classificationIds = {
  /** China GB/T 4754-2017, sections A–T (19 sections + T). */
  gbt4754: 'GBT4754-2017',
  /** Three sectors (primary / secondary / tertiary), codes `I`, `II`, `III`. */
  threeSector: 'THREE-SECTOR',
  /** Japan Standard Industrial Classification Rev.13, divisions A–T. */
  jsic13: 'JSIC-13',
  /** Japan's prefectural accounts (JSNA 2015 base) economic activities. */
  jsnaActivity: 'JSNA-2015-ACTIVITY',
  /** NAICS 2017 sectors (2-digit, with 31-33, 44-45, 48-49 as published). */
  naics2017: 'NAICS-2017',
  /** ISIC Rev.4 sections A–U: the bridge between countries. */
  isic4: 'ISIC-4',
  /** China input–output 42 sectors (2017 and 2018 tables). */
  cnIo42: 'CN-IO42',
  /** Japan input–output 37 sectors (2015). */
  jpIo37: 'JP-IO37',
  /** US BEA summary input–output industries (71). */
  usBeaSummary: 'US-BEA-SUMMARY',
  /** US BEA county/state GDP industry lines. */
  usBeaGdpLine: 'US-BEA-GDP-LINE',
} as const;

/** Ids: letters, digits and `-_.:/`; no spaces. */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/;
const id = z.string().regex(idPattern, 'an id: letters, digits and - _ . : / with no spaces');
const text = z.string().min(1);
const optionalText = z.string().min(1).nullable();
const year = z.number().int().min(1900).max(2100);
const finite = z.number().finite();

/** Where a number comes from. Every observation, table and fact names one `source.id`. */
export const sourceSchema = z.object({
  id,
  /** Short citation, e.g. "NBS, China Statistical Yearbook 2020, table 3-9". */
  citation: text,
  publisher: text,
  /** The table or series as the publisher names it. */
  table: optionalText,
  /** Where the figures were found (publication, page, stored copy). */
  whereFound: optionalText,
  url: optionalText,
  licence: optionalText,
  notes: optionalText,
});

export const classificationSchema = z.object({
  id,
  nameEn: text,
  nameZh: text,
  /** Level names from top to bottom, `|`-separated in CSV, e.g. `section|division`. */
  levels: z.array(text).min(1),
  source: id.nullable(),
});

export const industrySchema = z.object({
  classification: id,
  code: text,
  nameZh: optionalText,
  nameEn: optionalText,
  /** Name in the classification's own language (Japanese for JSIC, …). */
  nameLocal: optionalText,
  level: text,
  parent: z.string().nullable(),
});

export const crosswalkSchema = z.object({
  fromClassification: id,
  fromCode: text,
  toClassification: id,
  toCode: text,
  /** `main`: the target holds all or most of the source code; `partial`: part of it. */
  kind: z.enum(['main', 'partial']),
  /** Share of the source code going to the target, when known; `null` = none given. */
  weight: z.number().min(0).max(1).nullable(),
  source: id,
});

/** Levels of regions; `ward` is a ward of a Japanese designated city (政令指定都市の区), under its city. */
export const regionLevels = ['country', 'province', 'prefecture', 'city', 'county', 'municipality', 'ward', 'msa', 'state'] as const;

export const regionSchema = z.object({
  id,
  nameZh: optionalText,
  nameEn: text,
  nameLocal: optionalText,
  level: z.enum(regionLevels),
  parent: id.nullable(),
  /** Representative point (longitude, latitude, WGS84). */
  lon: z.number().min(-180).max(180).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  areaKm2: z.number().positive().nullable(),
  source: id.nullable(),
});

export const metroSchema = z.object({
  id,
  nameZh: text,
  nameEn: text,
  country: z.enum(['CN', 'JP', 'US']),
  /** The unit set an analysis uses when none is named. */
  defaultUnitSet: id,
  noteEn: optionalText,
  noteZh: optionalText,
});

export const metroMemberSchema = z.object({
  metro: id,
  region: id,
  ring: z.enum(['core', 'inner', 'outer']),
});

/** A named set of analysis units of a metro with the classification and measure it is analysed by. */
export const unitSetSchema = z.object({
  metro: id,
  id,
  nameEn: text,
  nameZh: text,
  /** The observation indicator (e.g. `employment`, `value_added`). */
  indicator: id,
  classification: id,
  /** Years that have data for every unit (`|`-separated in CSV). */
  years: z.array(year),
  noteEn: optionalText,
  noteZh: optionalText,
});

export const unitSetMemberSchema = z.object({
  metro: id,
  unitSet: id,
  region: id,
});

export const vintageKinds = ['first', 'revised', 'final', 'single'] as const;

/**
 * One number. `value` is in the canonical unit (`persons`, `CNY`, `JPY`, `USD`, `km2`, `CNY/person`, …),
 * `valueOriginal`/`unitOriginal` as published (万人, 亿元, million JPY). A withheld cell has `value = null` and
 * `withheld = true` — never 0. `industry` and `classification` are null for totals.
 */
export const observationSchema = z.object({
  region: id,
  year,
  indicator: id,
  classification: id.nullable(),
  industry: z.string().min(1).nullable(),
  value: finite.nullable(),
  unit: text,
  valueOriginal: finite.nullable(),
  unitOriginal: text,
  source: id,
  /** Which publication of the figure: first published, revised (after a census), final, or single (one known). */
  vintage: z.enum(vintageKinds),
  /** When that vintage was published (ISO date or year), if known. */
  vintageDate: z.string().nullable(),
  withheld: z.boolean(),
  breakInSeries: z.boolean(),
  estimated: z.boolean(),
  note: optionalText,
});

export const ioTableSchema = z.object({
  id,
  country: z.enum(['CN', 'JP', 'US']),
  year,
  classification: id,
  /** Unit of every cell, e.g. `10k CNY`, `million JPY`, `million USD`. */
  unit: text,
  /** `competitive-imports` (imports in Z), `non-competitive`, `domestic-only`. */
  importTreatment: text,
  source: id,
  note: optionalText,
});

/**
 * One cell of an input–output table. Rows: `sector` (intermediate use by column sector) or a value-added /
 * import item; columns: `sector`, a final-demand item, or `total`.
 */
export const ioCellSchema = z.object({
  table: id,
  rowKind: z.enum(['sector', 'value_added', 'import', 'total']),
  row: text,
  colKind: z.enum(['sector', 'final_demand', 'total']),
  col: text,
  value: finite,
});

export const travelTimeSchema = z.object({
  origin: id,
  destination: id,
  /** `rail` (any scheduled direct train), `rail_hsr` (EMU / high-speed only), … */
  mode: id,
  /** Fastest scheduled direct time; null when no direct service exists (a known gap, shown as such). */
  minutes: z.number().positive().nullable(),
  trainsPerDay: z.number().int().min(0).nullable(),
  timetableDate: z.string().nullable(),
  source: id,
  note: optionalText,
});

export const knowledgeKinds = ['positioning', 'plan', 'project', 'mechanism'] as const;

export const knowledgeItemSchema = z.object({
  id,
  metro: id.nullable(),
  region: id.nullable(),
  kind: z.enum(knowledgeKinds),
  year: year.nullable(),
  textZh: optionalText,
  textEn: optionalText,
  /** Industry codes the fact concerns, `classification:code`, `|`-separated in CSV. */
  industries: z.array(text),
  source: text,
  /** False for facts marked [K] (unverified) in the knowledge base. */
  verified: z.boolean(),
  /**
   * For `project` items: the cooperation modes (methods.md Table 1 B) the project is an example of, `|`-separated in
   * CSV; empty for every other kind.
   */
  modes: z.array(z.enum(cooperationModes)),
});

/**
 * A listed firm whose registered prefecture-level city changed between two consecutive years of a firm panel (one
 * row per move). The location is the registered seat (注册地), not necessarily the operating headquarters, and the
 * panel is a sample: these are candidate relocations and lower bounds, never totals.
 */
export const firmRelocationSchema = z.object({
  /** `CN-<6-digit stock code>`. */
  firmId: id,
  /** Short name as the firm list gives it (its latest name, not necessarily the name at the time of the move). */
  name: optionalText,
  /** The two consecutive panel years the firm is observed in; the seat differs between them. */
  yearFrom: year,
  yearTo: year,
  /** Region ids of the prefecture-level city (or county-level unit under a province) before and after. */
  origin: id,
  destination: id,
  /**
   * Section letter of the firm's industry code in `yearTo` (CSRC 2012 / CAPCO 2023 divisions: A–R are the GB/T 4754
   * sections; S is 综合, conglomerates, which has no GB/T 4754 counterpart); null when the firm has no code.
   */
  section: z
    .string()
    .regex(/^[A-S]$/, 'a section letter A–S')
    .nullable(),
  /** The industry code as in the source (e.g. `C38`), with its classification named in `note`. */
  industryCode: optionalText,
  source: id,
  note: optionalText,
});

/** A boundary: one GeoJSON geometry per region (stored as text in the store). */
export const geometrySchema = z.object({
  region: id,
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
  source: id,
});

export type Source = z.infer<typeof sourceSchema>;
export type Classification = z.infer<typeof classificationSchema>;
export type Industry = z.infer<typeof industrySchema>;
export type Crosswalk = z.infer<typeof crosswalkSchema>;
export type Region = z.infer<typeof regionSchema>;
export type Metro = z.infer<typeof metroSchema>;
export type MetroMember = z.infer<typeof metroMemberSchema>;
export type UnitSet = z.infer<typeof unitSetSchema>;
export type UnitSetMember = z.infer<typeof unitSetMemberSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type InputOutputTableInfo = z.infer<typeof ioTableSchema>;
export type InputOutputCell = z.infer<typeof ioCellSchema>;
export type TravelTime = z.infer<typeof travelTimeSchema>;
export type KnowledgeItem = z.infer<typeof knowledgeItemSchema>;
export type FirmRelocationRow = z.infer<typeof firmRelocationSchema>;
export type Geometry = z.infer<typeof geometrySchema>;

/**
 * The tables of the store and of the embedded dataset, in load order (references point backwards), with the
 * schema of one row. Keys are the CSV/SQL column names in snake_case of the schema keys.
 */
export const tables = {
  sources: sourceSchema,
  classifications: classificationSchema,
  industries: industrySchema,
  crosswalks: crosswalkSchema,
  regions: regionSchema,
  metros: metroSchema,
  metro_members: metroMemberSchema,
  unit_sets: unitSetSchema,
  unit_set_members: unitSetMemberSchema,
  observations: observationSchema,
  io_tables: ioTableSchema,
  io_cells: ioCellSchema,
  travel_times: travelTimeSchema,
  firm_relocations: firmRelocationSchema,
  knowledge: knowledgeItemSchema,
  geometries: geometrySchema,
} as const;

export type TableName = keyof typeof tables;
