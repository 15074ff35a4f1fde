/**
 * Parse the knowledge base (packages/data/raw/knowledge/knowledge.md, a copy of the project's shared one) into
 * knowledge items and their sources.
 *
 * The file is a set of `## ` sections holding Markdown tables (one fact per row) and prose blocks, and a final
 * source list (`- S12 citation — url`). Each table row and each prose block becomes one item:
 * - `kind` from the section (positioning for functional positions and unit profiles, plan for plans, project for
 *   the relocation facts, mechanism for the homogenisation evidence);
 * - `metro` from the section, `region` where the row names one unit (a fixed table below, by the row's first cell);
 * - `textEn` = the row's cells as written (bold markers removed, inline [K]/[S#] tags kept so the reader sees which
 *   part is unverified); `textZh` = null — the file's entries are English paraphrases with a few embedded local
 *   terms, not Chinese texts;
 * - `industries` = `CLASSIFICATION:code` found by the keyword rules below in the leading-industries cell (or the
 *   project detail), only for clear terms; empty otherwise;
 * - `source` = the [S#] tags of the entry as dataset source ids (`kb-S12`), `|`-joined; `verified` = false when the
 *   entry carries [K] anywhere (the file's convention: background knowledge not re-verified);
 * - `modes` = for `project` items, the cooperation modes of methods.md Table 1 B the project is an example of, from
 *   the explicit table {@link projectModes} (each mode justified by words of the item's own text); empty otherwise.
 */
import { InvalidInputError } from '@metrocoop/core';
import { classificationIds, type KnowledgeItem, type Source } from '../../src/model/schemas.ts';
import { commonMessages } from './common-messages.ts';

type Kind = KnowledgeItem['kind'];
type Mode = KnowledgeItem['modes'][number];

/** A project's cooperation modes and, for each, the words of the item's text that justify it. */
export interface ProjectModes {
  readonly modes: readonly Mode[];
  /** One quotation of the item's `textEn` per mode (checked: the build fails when the text no longer contains it). */
  readonly evidence: Readonly<Partial<Record<Mode, string>>>;
}

/**
 * The cooperation modes of every `project` item, by item id (methods.md Table 1 B: industrial transfer = a firm or
 * plant moves from the core to a lower-cost node; joint park = governments co-build and co-manage a park in one
 * jurisdiction; enclave = a park run by a non-host jurisdiction; chain collaboration = supplier–customer links in
 * one chain across cities; innovation cooperation = R&D in the core, production or commercialisation in the ring;
 * factor and market integration = common standards and markets). Read from each item's own text; a mode is given
 * only where the text says it. The build fails when a project item has no entry, an entry names an item of another
 * kind, or a quotation is not in the item's text.
 */
export const projectModes: Readonly<Record<string, ProjectModes>> = {
  // Shougang → Caofeidian: Beijing's steel capacity closed and rebuilt in Tangshan (Table 1's transfer example).
  'kb-jjj-relocation-01': {
    modes: ['industrial-transfer'],
    evidence: { 'industrial-transfer': 'NDRC approved the relocation plan in Feb 2005 (gradual closure of Shijingshan steel capacity' },
  },
  // The Caofeidian zone itself: a Beijing–Hebei co-built, co-managed zone.
  'kb-jjj-relocation-02': {
    modes: ['joint-park'],
    evidence: { 'joint-park': 'Beijing–Hebei framework agreement to jointly build the Caofeidian Coordinated Development Demonstration Zone' },
  },
  // Beijing projects placed in the zone (the text names projects, not the zone's governance).
  'kb-jjj-relocation-03': {
    modes: ['industrial-transfer'],
    evidence: { 'industrial-transfer': 'the zone had signed 371 Beijing projects' },
  },
  // Hyundai: a Beijing carmaker's plant built in Cangzhou, with its suppliers; called a chain cooperation project.
  'kb-jjj-relocation-04': {
    modes: ['industrial-transfer', 'chain-collaboration'],
    evidence: {
      'industrial-transfer': "Beijing Hyundai's first plant outside Beijing",
      'chain-collaboration': 'largest Beijing–Hebei industrial-chain cooperation project',
    },
  },
  // Bio-pharma park: Beijing drug makers move together into a park where Beijing's regulator supervises them (Table 1
  // lists this park as its jointly built park example), and R&D stays in Beijing while production moves.
  'kb-jjj-relocation-05': {
    modes: ['industrial-transfer', 'joint-park', 'innovation-cooperation'],
    evidence: {
      'industrial-transfer': 'first collective move of Beijing drug makers',
      'joint-park': "firms keep Beijing registration/drug approval numbers and are supervised by Beijing's drug regulator",
      'innovation-cooperation': 'R&D in Beijing, production in Cangzhou',
    },
  },
  // Dahongmen: wholesale markets moved out of Beijing (Table 1's second transfer example).
  'kb-jjj-relocation-06': {
    modes: ['industrial-transfer'],
    evidence: { 'industrial-transfer': '8 markets signed to move to Yongqing (Langfang)' },
  },
  // Tianjin Beichen: Beijing firms and Beijing-invested projects received.
  'kb-jjj-relocation-07': {
    modes: ['industrial-transfer'],
    evidence: { 'industrial-transfer': 'Beichen actively courts Beijing firms' },
  },
  // Bohai New Area: Beijing–Tianjin projects received.
  'kb-jjj-relocation-08': {
    modes: ['industrial-transfer'],
    evidence: { 'industrial-transfer': 'had taken 1,245 Beijing–Tianjin projects' },
  },
  // Hebei's development zones: transfer projects received.
  'kb-jjj-relocation-09': {
    modes: ['industrial-transfer'],
    evidence: { 'industrial-transfer': 'took 363 transfer projects' },
  },
};

/**
 * The modes of one item: {@link projectModes} for a project (each quotation checked against the text), else none.
 *
 * @throws {InvalidInputError} for a project without an entry, an entry whose mode has no quotation, or a quotation the
 *   item's text does not contain.
 */
export function modesOf(item: Pick<KnowledgeItem, 'id' | 'kind' | 'textEn'>): Mode[] {
  const fn = 'modesOf';
  const entry = projectModes[item.id];
  if (item.kind !== 'project') return [];
  if (entry === undefined) throw new InvalidInputError(commonMessages.projectWithoutModes(fn, item.id));
  for (const mode of entry.modes) {
    const quote = entry.evidence[mode];
    if (quote === undefined || !(item.textEn ?? '').includes(quote))
      throw new InvalidInputError(commonMessages.modeWithoutEvidence(fn, item.id, mode, quote ?? null));
  }
  return [...entry.modes];
}

interface SectionRule {
  /** Matches the `## ` heading. */
  readonly heading: RegExp;
  readonly slug: string;
  readonly metro: string | null;
  /** Kind of the table rows. */
  readonly tableKind: Kind;
  /** Classification the industry keywords map to (null: no industries). */
  readonly classification: string | null;
  /** Which cell of a table row holds the industries text (fallback to the previous cell when empty). */
  readonly industriesCell: number | null;
  /** A fixed year for the table rows (Table 5 is "2018 area and population"); otherwise see {@link yearOf}. */
  readonly tableYear?: number;
  /** Region ids by a pattern on the row's first cell. */
  readonly regions?: readonly (readonly [RegExp, string])[];
  /** Prose blocks: kind by a pattern on the block's start (default positioning). */
  readonly proseKinds?: readonly (readonly [RegExp, Kind])[];
  /** Split prose paragraphs at sentences that open with a bold name (the "Other metros" section). */
  readonly splitAtBoldLeads?: boolean;
}

const gbt = classificationIds.gbt4754;
const jsic = classificationIds.jsic13;
const naics = classificationIds.naics2017;

/** The sections of knowledge.md and how their entries are read. */
export const knowledgeSections: readonly SectionRule[] = [
  {
    heading: /^Table 2 — Tokyo/,
    slug: 'tokyo-areas',
    metro: 'tokyo',
    tableKind: 'positioning',
    classification: jsic,
    industriesCell: 2,
    regions: [
      [/^Kanagawa — Yokohama/, 'JP-14100'],
      [/^Kanagawa — Kawasaki/, 'JP-14130'],
      [/^Saitama/, 'JP-11'],
      [/^Chiba/, 'JP-12'],
      [/^Ibaraki/, 'JP-08'],
    ],
  },
  {
    heading: /^Japan's National Capital Region plans/,
    slug: 'tokyo-plans',
    metro: 'tokyo',
    tableKind: 'plan',
    classification: null,
    industriesCell: null,
  },
  {
    heading: /^Table 3 — New York/,
    slug: 'nyc-plans',
    metro: 'nyc',
    tableKind: 'plan',
    classification: null,
    industriesCell: null,
  },
  {
    heading: /^Table 4 — Boston–Washington/,
    slug: 'boswash-cities',
    metro: 'boswash',
    tableKind: 'positioning',
    classification: naics,
    industriesCell: 2,
    regions: [
      [/^New York/, 'US-CBSA-35620'],
      [/^Boston/, 'US-CBSA-14460'],
      [/^Philadelphia/, 'US-CBSA-37980'],
      [/^Baltimore/, 'US-CBSA-12580'],
      [/^Washington/, 'US-CBSA-47900'],
    ],
  },
  {
    heading: /^Table 5 — Beijing–Tianjin–Hebei/,
    slug: 'jjj-units',
    metro: 'jjj',
    tableKind: 'positioning',
    classification: null,
    industriesCell: null,
    tableYear: 2018,
    regions: [
      [/^Beijing/, 'CN-110000'],
      [/^Tianjin/, 'CN-120000'],
      [/^Hebei/, 'CN-130000'],
    ],
  },
  {
    heading: /^Beijing non-capital function relocation/,
    slug: 'jjj-relocation',
    metro: 'jjj',
    tableKind: 'project',
    classification: gbt,
    industriesCell: 1,
    regions: [
      [/^Shougang/, 'CN-130200'],
      [/^Caofeidian/, 'CN-130200'],
      [/Caofeidian/, 'CN-130200'],
      [/Hyundai/, 'CN-130900'],
      [/Cangzhou|Bohai New Area/, 'CN-130900'],
      [/^Dahongmen/, 'CN-110000'],
      [/Beichen/, 'CN-120000'],
      [/^Hebei parks/, 'CN-130000'],
    ],
  },
  {
    heading: /^Table 6\/7 — Yangtze River Delta/,
    slug: 'yrd-cities',
    metro: 'yrd',
    tableKind: 'positioning',
    classification: gbt,
    industriesCell: 2,
    regions: [
      [/^Shanghai/, 'CN-310000'],
      [/^Nanjing/, 'CN-320100'],
      [/^Hangzhou/, 'CN-330100'],
      [/^Hefei/, 'CN-340100'],
      [/^Suzhou/, 'CN-320500'],
      [/^Ningbo/, 'CN-330200'],
      [/^Wuxi/, 'CN-320200'],
    ],
    proseKinds: [
      [/^Plans:/, 'plan'],
      [/^Homogenisation/, 'mechanism'],
    ],
  },
  {
    heading: /^Other metros/,
    slug: 'other-metros',
    metro: null,
    tableKind: 'positioning',
    classification: null,
    industriesCell: null,
    splitAtBoldLeads: true,
  },
];

/** Sections that hold no facts. */
const skippedSections = [/^Sources/, /^Gaps/];

/** Keyword → industry code rules, per classification. Only terms that name one section/sector clearly. */
export const industryKeywords: Readonly<Record<string, readonly (readonly [RegExp, string])[]>> = {
  [gbt]: [
    [/agricultur/i, 'A'],
    [
      /manufactur|steel|petrochemical|chemical|automobile|\bautos?\b|\bNEV\b|vehicles|\bICs?\b|integrated circuit|biomedic|bio-pharmaceutical|drug makers|electronics|equipment|textile|\bship\b|offshore engineering|flat-panel display|appliances|batter|\bPV\b|robot|carbon fibre|graphene|new materials|components|laptops|nano-tech/i,
      'C',
    ],
    [/thermal power/i, 'D'],
    [/wholesale|\btrade\b|e-commerce/i, 'F'],
    [/shipping|logistics/i, 'G'],
    [/software|\bICT\b|information|digital economy|\bIoT\b|\bcloud\b/i, 'I'],
    [/financ|insurance/i, 'J'],
    [/real estate/i, 'K'],
    [/\bR&D\b|research|quantum/i, 'M'],
    [/universit|education/i, 'P'],
    [/health care|hospital/i, 'Q'],
    [/cultur/i, 'R'],
  ],
  [jsic]: [
    [/agricultur/i, 'A'],
    [
      /manufactur|steel|petrochemical|chemical|oil refining|automobile|electrical|electronic|machinery|instruments|food processing|cement|rubber|printing/i,
      'E',
    ],
    [/thermal power/i, 'F'],
    [/\bICT\b|information|media|publishing/i, 'G'],
    [/logistics|\bport\b|warehousing|airport/i, 'H'],
    [/wholesale|\btrade\b/i, 'I'],
    [/financ|insurance/i, 'J'],
    [/\bR&D\b|research|professional services/i, 'L'],
    [/universit|education/i, 'O'],
    [/government/i, 'S'],
  ],
  [naics]: [
    [/manufactur|steel|shipbuilding|pharmaceutical|chemicals|aerospace|electronics|oil refining|\bautos?\b/i, '31-33'],
    [/\bport\b|shipping|logistics/i, '48-49'],
    [/media|publishing/i, '51'],
    [/financ|insurance|mutual funds/i, '52'],
    [/real estate/i, '53'],
    [/professional|\blaw\b|consulting|lobbying/i, '54'],
    [/universit|education|\beds\b/i, '61'],
    [/health care|hospital|medicine|\bmeds\b/i, '62'],
    [/tourism|hospitality/i, '72'],
    [/government/i, '92'],
  ],
};

/** Industry codes named by a text, in the order of the rules, as `CLASSIFICATION:code`. */
export function industriesOf(text: string, classification: string | null): string[] {
  if (classification === null) return [];
  const rules = industryKeywords[classification] ?? [];
  const codes: string[] = [];
  for (const [pattern, code] of rules) if (pattern.test(text) && !codes.includes(code)) codes.push(code);
  return codes.map((code) => `${classification}:${code}`);
}

/** The first year 1900–2100 a text names, or null. */
export function yearOf(text: string): number | null {
  const match = /\b(19\d\d|20\d\d|2100)\b/.exec(text);
  return match ? Number(match[1]) : null;
}

const stripBold = (text: string): string => text.replaceAll('**', '');
const sourceTags = (text: string): string[] => [...text.matchAll(/\[S(\d+)\]/g)].map((m) => `S${m[1]}`);
const isUnverified = (text: string): boolean => /\[K[\]:]/.test(text);

/** Dataset source id of a knowledge-base tag (`S12` → `kb-S12`). */
export const knowledgeSourceId = (tag: string): string => `kb-${tag}`;

/** The source row of the knowledge file itself (for entries without an [S#] tag). */
export const knowledgeFileSourceId = 'kb-knowledge-md';

interface Block {
  readonly kind: 'table' | 'prose';
  readonly lines: string[];
}

function blocksOf(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.trim() === '---') {
      current = null;
      continue;
    }
    const kind = line.startsWith('|') ? 'table' : 'prose';
    if (current === null || current.kind !== kind) {
      current = { kind, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  return blocks;
}

const cellsOf = (line: string): string[] =>
  line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

export interface ParsedKnowledge {
  readonly items: KnowledgeItem[];
  readonly sources: Source[];
  /** Table rows read (the file's own count is 49). */
  readonly tableRows: number;
  /** Prose blocks read. */
  readonly proseBlocks: number;
}

/**
 * Parse knowledge.md text into items and sources.
 *
 * @throws {InvalidInputError} for a section the table {@link knowledgeSections} does not know, or an [S#] tag
 *   missing from the file's source list.
 */
export function parseKnowledge(markdown: string): ParsedKnowledge {
  const fn = 'parseKnowledge';
  const lines = markdown.split(/\r?\n/);
  const sections: { heading: string; lines: string[] }[] = [];
  for (const line of lines) {
    if (line.startsWith('## ')) sections.push({ heading: line.slice(3).trim(), lines: [] });
    else sections[sections.length - 1]?.lines.push(line);
  }

  // sources
  const sourceLines = sections.filter((s) => /^Sources/.test(s.heading)).flatMap((s) => s.lines);
  const sources: Source[] = [];
  let addedInCheck = false;
  for (const line of sourceLines) {
    if (/^Added in the .*fact-check/.test(line)) addedInCheck = true;
    const match = /^- (S\d+) (.+)$/.exec(line.trim());
    if (!match) continue;
    const tag = match[1] as string;
    const rest = (match[2] as string).trim();
    const urls = [...rest.matchAll(/https?:\/\/[^\s;,)]+/g)].map((m) => m[0]);
    const dash = rest.indexOf(' — ');
    const citation = dash > 0 && /https?:\/\//.test(rest.slice(dash)) ? rest.slice(0, dash).trim() : rest;
    sources.push({
      id: knowledgeSourceId(tag),
      citation: `Knowledge base ${tag}: ${citation}`,
      publisher: 'as named in the citation (web page read as an excerpt)',
      table: null,
      whereFound: 'packages/data/raw/knowledge/knowledge.md, source list (excerpts read via stored public pages when compiled)',
      url: urls[0] ?? null,
      licence: null,
      notes:
        [urls.length > 1 ? `further pages: ${urls.slice(1).join(' ; ')}` : null, addedInCheck ? 'added in the 2026-11-28 fact-check' : null]
          .filter((x) => x !== null)
          .join('; ') || null,
    });
  }
  const knownTags = new Set(sources.map((s) => s.id));
  sources.push({
    id: knowledgeFileSourceId,
    citation: "metrocoop knowledge base for the paper's Tables 1–7 (metro areas, plans, relocations), fact-checked 2026-11-28",
    publisher: 'metrocoop project (compiled from the sources kb-S1 … kb-S117)',
    table: null,
    whereFound: 'packages/data/raw/knowledge/knowledge.md',
    url: null,
    licence: null,
    notes: 'Paraphrased facts; [K] = background knowledge not re-verified when compiled (loaded with verified = false).',
  });

  const items: KnowledgeItem[] = [];
  let tableRows = 0;
  let proseBlocks = 0;
  const sourceOf = (text: string, id: string): string => {
    const tags = [...new Set(sourceTags(text))];
    for (const tag of tags) {
      if (!knownTags.has(knowledgeSourceId(tag))) throw new InvalidInputError(commonMessages.unknownSourceTag(fn, tag, id));
    }
    return tags.length > 0 ? tags.map(knowledgeSourceId).join('|') : knowledgeFileSourceId;
  };
  const regionOf = (rule: SectionRule, first: string): string | null => {
    for (const [pattern, region] of rule.regions ?? []) if (pattern.test(first)) return region;
    return null;
  };

  for (const section of sections) {
    if (skippedSections.some((p) => p.test(section.heading))) continue;
    const rule = knowledgeSections.find((r) => r.heading.test(section.heading));
    if (rule === undefined) throw new InvalidInputError(commonMessages.unknownKnowledgeSection(fn, section.heading));
    let row = 0;
    let prose = 0;
    for (const block of blocksOf(section.lines)) {
      if (block.kind === 'table') {
        const [header, , ...body] = block.lines;
        const names = cellsOf(header ?? '');
        for (const line of body) {
          const cells = cellsOf(line).map(stripBold);
          row++;
          tableRows++;
          const id = `kb-${rule.slug}-${String(row).padStart(2, '0')}`;
          const sourceCell = cells[cells.length - 1] ?? '';
          const content = cells.slice(0, -1);
          const first = content[0] ?? '';
          const parts = content.slice(1).map((c, k) => (c === '' ? null : `${names[k + 1] ?? ''}: ${c}`));
          const qualifier = sourceCell
            .replace(/\[S\d+\]/g, '')
            .replace(/[()\s;]+/g, ' ')
            .trim();
          let textEn = `${first} — ${parts.filter((p) => p !== null).join('. ')}`;
          if (qualifier !== '') textEn += ` (sources: ${sourceCell})`;
          let industriesText = '';
          if (rule.industriesCell !== null) {
            industriesText = content[rule.industriesCell] ?? '';
            if (industriesText === '') industriesText = content[rule.industriesCell - 1] ?? '';
          }
          const whole = cells.join(' ');
          items.push({
            id,
            metro: rule.metro,
            region: regionOf(rule, first),
            kind: rule.tableKind,
            year: rule.tableYear ?? (rule.tableKind === 'positioning' ? null : yearOf(content.slice(1).join(' '))),
            textZh: null,
            textEn,
            industries: industriesOf(industriesText, rule.classification),
            source: sourceOf(whole, id),
            verified: !isUnverified(whole),
            modes: [],
          });
        }
      } else {
        const paragraph = stripBold(block.lines.map((l) => l.trim()).join(' '));
        const pieces = rule.splitAtBoldLeads
          ? block.lines
              .map((l) => l.trim())
              .join(' ')
              .split(/(?<=[.\]]) (?=\*\*)/)
              .map(stripBold)
          : [paragraph];
        for (const piece of pieces) {
          prose++;
          proseBlocks++;
          const id = `kb-${rule.slug}-p${prose}`;
          const kind = rule.proseKinds?.find(([pattern]) => pattern.test(piece))?.[1] ?? 'positioning';
          items.push({
            id,
            metro: rule.metro,
            region: null,
            kind,
            year: yearOf(piece),
            textZh: null,
            textEn: piece,
            industries: [],
            source: sourceOf(piece, id),
            verified: !isUnverified(piece),
            modes: [],
          });
        }
      }
    }
  }
  for (const item of items) item.modes = modesOf(item);
  // An entry for an item of another kind is an error; the real file's items all being projects is a test (a partial
  // file, as in the tests, need not hold every project).
  for (const item of items)
    if (item.kind !== 'project' && projectModes[item.id] !== undefined) throw new InvalidInputError(commonMessages.modesForNonProject(fn, item.id));
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sources.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items, sources, tableRows, proseBlocks };
}
