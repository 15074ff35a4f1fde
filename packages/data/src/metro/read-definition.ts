/**
 * Read and check a metro definition file: the JSON against {@link metroDefinitionSchema}, then against the store
 * (which regions are new, what a new region needs, ids that are taken) and the travel-time CSV beside it. Every
 * problem is collected — never only the first — with the file and its JSON path (`$.members[3].point.lon`) or CSV
 * row and column, in English and Chinese.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LocalizedText } from '@metrocoop/core';
import { idPattern } from '../model/schemas.ts';
import type { Store } from '../store/store.ts';
import { type MetroDefinition, metroDefinitionSchema } from './definition-schema.ts';
import { metroMessages as m, type SchemaIssueLike, schemaIssueText } from './messages.ts';

/** One problem of a definition file. */
export interface MetroDefinitionIssue {
  /** The file it is in (the definition, or its travel-time CSV), as given. */
  readonly file: string;
  /** JSON path in the definition (`$.members[0].ring`), or `row N, column C` in the CSV; `$` for the whole file. */
  readonly path: string;
  readonly code: string;
  readonly message: LocalizedText;
}

/** One row of the travel-time matrix. */
export interface TravelTimeRow {
  readonly origin: string;
  readonly destination: string;
  readonly minutes: number | null;
  readonly mode: string;
  readonly source: string;
}

/** A checked definition (issues empty when it can be added). */
export interface CheckedMetroDefinition {
  readonly file: string;
  readonly definition: MetroDefinition | null;
  /** Members the store does not know yet (to be added as regions). */
  readonly newRegions: readonly string[];
  readonly travelTimes: readonly TravelTimeRow[];
  readonly travelFile: string | null;
  readonly issues: readonly MetroDefinitionIssue[];
}

/** `['members', 0, 'point']` → `$.members[0].point`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path)
    out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`;
  return out;
}

/** Split CSV text into rows of fields (RFC 4180 quoting; a BOM dropped). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let k = 0; k < s.length; k++) {
    const c = s[k] as string;
    if (quoted) {
      if (c === '"' && s[k + 1] === '"') {
        field += '"';
        k++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[k + 1] === '\n') k++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0]?.trim() === ''));
}

const travelColumns = ['from', 'to', 'minutes', 'mode', 'source'] as const;

function readTravelTimes(file: string, shown: string, members: ReadonlySet<string>, issues: MetroDefinitionIssue[]): TravelTimeRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
    issues.push({ file: shown, path: '$', code: 'TRAVEL_FILE_UNREADABLE', message: m.travelFileMissing(shown, reason) });
    return [];
  }
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = travelColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    issues.push({ file: shown, path: 'row 1', code: 'TRAVEL_MISSING_COLUMN', message: m.travelMissingColumns(missing, header) });
    return [];
  }
  const at = Object.fromEntries(travelColumns.map((c) => [c, header.indexOf(c)])) as Record<(typeof travelColumns)[number], number>;
  const out: TravelTimeRow[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((fields, k) => {
    const row = k + 2;
    const issue = (column: string, code: string, message: LocalizedText) => issues.push({ file: shown, path: `row ${row}, column ${column}`, code, message });
    if (fields.length !== header.length) {
      issues.push({ file: shown, path: `row ${row}`, code: 'TRAVEL_FIELD_COUNT', message: m.travelColumns(fields.length, header.length) });
      return;
    }
    const get = (c: (typeof travelColumns)[number]): string => (fields[at[c]] ?? '').trim();
    let ok = true;
    for (const c of ['from', 'to'] as const) {
      if (!members.has(get(c))) {
        issue(c, 'TRAVEL_UNKNOWN_REGION', m.travelUnknownRegion(get(c)));
        ok = false;
      }
    }
    if (ok && get('from') === get('to')) {
      issue('to', 'TRAVEL_SELF', m.travelSelf(get('to')));
      ok = false;
    }
    const raw = get('minutes');
    const minutes = raw === '' ? null : Number(raw);
    if (minutes !== null && !(Number.isFinite(minutes) && minutes > 0)) {
      issue('minutes', 'TRAVEL_BAD_MINUTES', m.travelBadMinutes(raw));
      ok = false;
    }
    for (const c of ['mode', 'source'] as const) {
      if (!idPattern.test(get(c))) {
        issue(c, 'TRAVEL_BAD_ID', m.travelBadId(get(c)));
        ok = false;
      }
    }
    if (!ok) return;
    const key = `${get('from')}\u0000${get('to')}\u0000${get('mode')}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issue('from', 'TRAVEL_DUPLICATE', m.travelSamePair(get('from'), get('to'), get('mode'), first));
      return;
    }
    seen.set(key, row);
    out.push({ origin: get('from'), destination: get('to'), minutes, mode: get('mode'), source: get('source') });
  });
  return out;
}

/**
 * Read and check a definition file against the store. Never throws for a problem of the file: every problem is in
 * `issues` (an unreadable or non-JSON file is one issue at `$`).
 */
export async function checkMetroDefinition(store: Store, file: string): Promise<CheckedMetroDefinition> {
  const shown = file;
  const issues: MetroDefinitionIssue[] = [];
  const fail = (): CheckedMetroDefinition => ({ file: shown, definition: null, newRegions: [], travelTimes: [], travelFile: null, issues });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (code ?? 'unreadable');
    issues.push({ file: shown, path: '$', code: 'FILE_UNREADABLE', message: m.notReadable(reason) });
    return fail();
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    issues.push({ file: shown, path: '$', code: 'NOT_JSON', message: m.notJson((error as Error).message) });
    return fail();
  }
  const parsed = metroDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // The input at the path, for the message.
      let input: unknown = json;
      for (const p of issue.path) input = input !== null && typeof input === 'object' ? (input as Record<PropertyKey, unknown>)[p] : undefined;
      issues.push({
        file: shown,
        path: jsonPath(issue.path),
        code: `SCHEMA_${issue.code.toUpperCase()}`,
        message: schemaIssueText({ ...(issue as unknown as SchemaIssueLike), input }),
      });
    }
    return fail();
  }
  const def = parsed.data;
  const metroId = def.id.toLowerCase();
  const existing = await store.rows(`SELECT DISTINCT dataset FROM metros WHERE lower(id) = $1`, [metroId]);
  if (existing.some((r) => r.dataset === 'default')) issues.push({ file: shown, path: '$.id', code: 'EMBEDDED_METRO', message: m.embeddedMetro(metroId) });
  else if (existing.length > 0) issues.push({ file: shown, path: '$.id', code: 'METRO_EXISTS', message: m.existingMetro(metroId) });

  const ids = def.members.map((x) => x.id);
  const known = new Set<string>();
  const rows = ids.length === 0 ? [] : await store.rows(`SELECT DISTINCT id FROM regions WHERE id IN (${ids.map((_, k) => `$${k + 1}`).join(', ')})`, ids);
  for (const r of rows) known.add(String(r.id));
  const firstAt = new Map<string, number>();
  const newRegions: string[] = [];
  const memberSet = new Set(ids);
  const parents = [...new Set(def.members.map((x) => x.parent).filter((p): p is string => p !== undefined && !memberSet.has(p)))];
  const knownParents = new Set(
    parents.length === 0
      ? []
      : (await store.rows(`SELECT DISTINCT id FROM regions WHERE id IN (${parents.map((_, k) => `$${k + 1}`).join(', ')})`, parents)).map((r) => String(r.id)),
  );
  def.members.forEach((member, k) => {
    const at = `$.members[${k}]`;
    const first = firstAt.get(member.id);
    if (first !== undefined) {
      issues.push({ file: shown, path: `${at}.id`, code: 'DUPLICATE_MEMBER', message: m.duplicateMember(member.id, `$.members[${first}]`) });
      return;
    }
    firstAt.set(member.id, k);
    if (!known.has(member.id)) {
      newRegions.push(member.id);
      if (member.names === undefined) issues.push({ file: shown, path: `${at}.names`, code: 'NEW_REGION_NAMES', message: m.newRegionNeedsNames(member.id) });
      if (member.point === undefined && member.boundary === undefined)
        issues.push({ file: shown, path: at, code: 'NEW_REGION_PLACE', message: m.newRegionNeedsPlace(member.id) });
      if (!member.id.startsWith(`${def.country}-`))
        issues.push({ file: shown, path: `${at}.id`, code: 'NEW_REGION_PREFIX', message: m.newRegionPrefix(member.id, def.country) });
    }
    if (member.parent !== undefined && !memberSet.has(member.parent) && !knownParents.has(member.parent))
      issues.push({ file: shown, path: `${at}.parent`, code: 'UNKNOWN_PARENT', message: m.unknownParent(member.parent) });
    if (member.boundary !== undefined) {
      const polygons = member.boundary.type === 'Polygon' ? [member.boundary.coordinates] : member.boundary.coordinates;
      polygons.forEach((polygon, p) =>
        polygon.forEach((ring, r) => {
          const a = ring[0];
          const b = ring[ring.length - 1];
          if (a === undefined || b === undefined || a[0] !== b[0] || a[1] !== b[1]) {
            const where = member.boundary?.type === 'Polygon' ? `[${r}]` : `[${p}][${r}]`;
            issues.push({ file: shown, path: `${at}.boundary.coordinates${where}`, code: 'RING_NOT_CLOSED', message: m.ringNotClosed() });
          }
        }),
      );
    }
  });

  const setIds = new Set<string>();
  (def.unitSets ?? []).forEach((set, k) => {
    const at = `$.unitSets[${k}]`;
    if (setIds.has(set.id)) issues.push({ file: shown, path: `${at}.id`, code: 'DUPLICATE_UNIT_SET', message: m.duplicateUnitSet(set.id) });
    setIds.add(set.id);
    (set.members ?? []).forEach((id, j) => {
      if (!memberSet.has(id)) issues.push({ file: shown, path: `${at}.members[${j}]`, code: 'UNIT_SET_MEMBER', message: m.unitSetMemberUnknown(id) });
    });
  });
  const defaults = (def.unitSets ?? []).map((s, k) => (s.default === true ? k : -1)).filter((k) => k >= 0);
  if (defaults.length > 1) issues.push({ file: shown, path: `$.unitSets[${defaults[1]}].default`, code: 'SEVERAL_DEFAULTS', message: m.severalDefaults() });

  let travelTimes: TravelTimeRow[] = [];
  let travelFile: string | null = null;
  if (def.travelTimes !== undefined) {
    travelFile = resolve(dirname(file), def.travelTimes.file);
    const shownTravel = join(dirname(shown), def.travelTimes.file);
    travelTimes = readTravelTimes(travelFile, shownTravel, memberSet, issues);
  }
  return { file: shown, definition: def, newRegions, travelTimes, travelFile, issues };
}
