/**
 * Traded and local-serving industries, per classification: one documented table, applied alike to advantage
 * industries, similarity, hot spots and chain links (docs/spec/methods.md, Table 1, revised; docs/methodology/
 * from-measures-to-diagnosis.md, "Traded and local industries").
 *
 * Local-serving activities (retail, health, education, public administration, accommodation and food,
 * construction, real estate, utilities, personal services) exist everywhere roughly in proportion to population:
 * being above the metro's share in them makes no city a specialist or a competitor of another. Traded industries
 * sell outside the place where they are: goods (agriculture, mining, manufacturing) and tradable services
 * (transport and logistics, information and communication, finance, professional and scientific services, business
 * support, head offices).
 *
 * References: Porter M.E. (2003) "The economic performance of regions", Regional Studies 37(6–7) — traded vs local
 * clusters; Jensen J.B., Kletzer L.G. (2005) "Tradable services: understanding the scope and impact of services
 * offshoring", Brookings Trade Forum — which service sectors are tradable (geographic concentration); Delgado M.,
 * Porter M.E., Stern S. (2016) "Defining clusters of related industries", J. Economic Geography 16(1).
 *
 * Section-level choices, where a section mixes both kinds: wholesale and retail together (ISIC G, GB/T F, JSNA A06,
 * JSIC I) count as local because retail holds most of their jobs (NAICS separates wholesale 42, traded, from retail
 * 44-45, local); transport and storage count as traded (Porter's distribution and logistics clusters);
 * accommodation and food as local (tourism is the exception, not the rule, of a metro's cities); arts and
 * entertainment as local. Codes for "not classified" (NAICS 99, JSIC T, ISIC U, GB/T T) are `unclassified`: never
 * an advantage, never a similarity term. A classification without a table is mapped through each industry's main
 * ISIC Rev.4 section (the crosswalks), and the result says so.
 */
import type { AnalysisIndustry } from './types.ts';

/** How an industry trades. */
export type TradeKind = 'traded' | 'local' | 'unclassified';
/** The level of a traded industry: goods or tradable services (for "different industries of similar level"). */
export type TradedLevel = 'goods' | 'services';

type Entry = readonly [TradeKind, TradedLevel | null];
const G: Entry = ['traded', 'goods'];
const S: Entry = ['traded', 'services'];
const L: Entry = ['local', null];
const U: Entry = ['unclassified', null];

/** The tables, by classification id and code. */
export const tradedTables: Readonly<Record<string, Readonly<Record<string, Entry>>>> = {
  'ISIC-4': {
    A: G,
    B: G,
    C: G,
    D: L,
    E: L,
    F: L,
    G: L,
    H: S,
    I: L,
    J: S,
    K: S,
    L: L,
    M: S,
    N: S,
    O: L,
    P: L,
    Q: L,
    R: L,
    S: L,
    T: L,
    U: U,
  },
  // GB/T 4754-2017 sections (the urban-unit employment tables of the Chinese yearbooks).
  'GBT4754-2017': {
    A: G,
    B: G,
    C: G,
    D: L,
    E: L,
    F: L,
    G: S,
    H: L,
    I: S,
    J: S,
    K: L,
    L: S,
    M: S,
    N: L,
    O: L,
    P: L,
    Q: L,
    R: L,
    S: L,
    T: U,
  },
  // The JSNA 2015 economic activities of the prefectural accounts.
  'JSNA-2015-ACTIVITY': {
    A01: G,
    A02: G,
    A03: G,
    A04: L,
    A05: L,
    A06: L,
    A07: S,
    A08: L,
    A09: S,
    A10: S,
    A11: L,
    A12: S,
    A13: L,
    A14: L,
    A15: L,
    A16: L,
  },
  // JSIC Rev.13 divisions (Economic Census employment).
  'JSIC-13': {
    A: G,
    B: G,
    C: G,
    D: L,
    E: G,
    F: L,
    G: S,
    H: S,
    I: L,
    J: S,
    K: L,
    L: S,
    M: L,
    N: L,
    O: L,
    P: L,
    Q: L,
    R: L,
    S: L,
    T: U,
  },
  // NAICS 2017 sectors (County Business Patterns, ABS, QCEW).
  'NAICS-2017': {
    '11': G,
    '21': G,
    '22': L,
    '23': L,
    '31-33': G,
    '42': S,
    '44-45': L,
    '48-49': S,
    '51': S,
    '52': S,
    '53': L,
    '54': S,
    '55': S,
    '56': S,
    '61': L,
    '62': L,
    '71': L,
    '72': L,
    '81': L,
    '92': L,
    '99': U,
  },
  // Three sectors: too coarse to tell traded from local within them; primary and secondary are goods.
  'THREE-SECTOR': { I: G, II: G, III: L },
};

/** The traded/local mapping of a unit set's industries. */
export interface TradedMapping {
  /** Kind per industry, in the order given. */
  readonly kind: readonly TradeKind[];
  /** Level per industry (`null` for local and unclassified). */
  readonly level: readonly (TradedLevel | null)[];
  /** Indexes of the traded industries. */
  readonly traded: readonly number[];
  /** `table` (the classification's own table) or `isic-section` (through each industry's main ISIC section). */
  readonly basis: 'table' | 'isic-section';
}

/** Map a unit set's industries to traded, local or unclassified. */
export function tradedMapping(classification: string, industries: readonly AnalysisIndustry[]): TradedMapping {
  const table = tradedTables[classification];
  const isic = tradedTables['ISIC-4'] as Readonly<Record<string, Entry>>;
  const entries = industries.map((industry): Entry => {
    if (table !== undefined) return table[industry.code] ?? U;
    const section = industry.isicSections[0];
    return section === undefined ? U : (isic[section] ?? U);
  });
  return {
    kind: entries.map((e) => e[0]),
    level: entries.map((e) => e[1]),
    traded: entries.flatMap((e, i) => (e[0] === 'traded' ? [i] : [])),
    basis: table === undefined ? 'isic-section' : 'table',
  };
}
