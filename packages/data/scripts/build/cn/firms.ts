/**
 * China's firm relocations (dataset table `firm_relocations`, file cn.csv): listed firms whose registered
 * prefecture-level city changed between two consecutive years of the CSMAR listed-company panel 2011–2023, read from
 * <raw>/firms/ (firm_city_year_cn.csv, firm_industry.csv, firms.csv, industry_codes_cn.csv; see raw/firms/SOURCES.md).
 *
 * Rules (each written into the row's note or counted in the summary, nothing dropped silently):
 * - A panel row's place is the region `CN-<prefecture_code>` of the dataset's regions. The compilers' pseudo-prefecture
 *   codes of county-level units directly under a province (`419000`, `429000`, `469000`, `659000` 省直辖县级行政区划)
 *   are no regions: such a row takes the county-level region of the same province whose Chinese name equals the raw
 *   city name (石河子市 → `CN-659001`), when exactly one does. Rows without a prefecture code (old 地区 names, places
 *   outside the mainland) or with a code no region has stay unmapped and are counted.
 * - A move = two consecutive years in which the firm is observed (in this panel always adjacent calendar years) with
 *   two different mapped regions. A pair with an unmapped side is not judged; it is counted, and listed when the raw
 *   city text differs (a possible move nobody can place).
 * - Industry: the firm's code in `year_to` (CSRC 2012 divisions for 2012–2022, CAPCO 2023 divisions in 2023); its
 *   first letter is the section. Both classifications use the GB/T 4754 section letters A–R; S is 综合
 *   (conglomerates), which GB/T 4754 does not have. The CSRC 2001 letters of 2011 differ (F transport, G IT, H trade,
 *   …) and are never used: `year_to` is 2012 or later by construction; if a firm had no 2012+ code in `year_to`, the
 *   nearest later year with one would be used and the note would say so.
 * - Name: the firm's short name in firms.csv (the Shenzhen exchange's list of 2025-08-12 or CSMAR's latest year), not
 *   necessarily the name at the time of the move; the note names its source.
 */
import { join } from 'node:path';
import { InvalidInputError } from '@metrocoop/core';
import type { FirmRelocationRow, Region } from '../../../src/model/schemas.ts';
import { buildMessages } from '../messages.ts';
import { type LocatedRecord, readRawRecords } from '../shared.ts';

const fn = 'buildFirmRelocations';

/** The classifications whose first letter is a GB/T 4754-style section (A–R; S = 综合). */
const sectionClassifications = new Set(['CSRC-2012-division', 'CAPCO-2023-division']);

/** What the firms part built: the rows, the source ids they name, and the summary the build prints. */
export interface FirmRelocationsBuild {
  readonly rows: FirmRelocationRow[];
  /** Source ids named by the rows (in `source` or in the note's name source). */
  readonly sources: ReadonlySet<string>;
  /** Counts of the panel and of what was not judged, one line each (printed by the build; written in SOURCES.md). */
  readonly summary: readonly string[];
  /** The same figures as numbers. */
  readonly figures: FirmRelocationFigures;
}

/** The counts behind {@link FirmRelocationsBuild.summary}. */
export interface FirmRelocationFigures {
  readonly panelRows: number;
  readonly firms: number;
  readonly years: readonly [number, number];
  /** Panel rows mapped to a region (directly by code, or by name for pseudo-prefecture codes). */
  readonly mapped: number;
  readonly mappedByName: number;
  /** Panel rows without a region, by reason. */
  readonly unmapped: Readonly<Record<string, number>>;
  /** Consecutive-year pairs of a firm; judged = both sides mapped. */
  readonly pairs: number;
  readonly judged: number;
  /** Pairs not judged whose raw city text differs (possible moves that cannot be placed): `firm year→year from→to`. */
  readonly unplaced: readonly string[];
  readonly moves: number;
  readonly movers: number;
}

const need = (rec: LocatedRecord, column: string): string => {
  const v = rec.record[column];
  if (v === undefined || v === '') throw new InvalidInputError(buildMessages.badSourceValue(fn, rec.file, rec.line, column, v ?? null, 'a non-empty cell'));
  return v;
};

const yearOf = (rec: LocatedRecord): number => {
  const text = need(rec, 'year');
  if (!/^(19|20)\d\d$/.test(text)) throw new InvalidInputError(buildMessages.badSourceValue(fn, rec.file, rec.line, 'year', text, 'a year 1900–2099'));
  return Number(text);
};

/**
 * Build the firm relocations of China from `<rawDir>/firms/` against the China part's regions.
 *
 * @param rawDir - the raw-data folder holding `firms/` (packages/data/raw, or a folder of the same layout).
 * @param regions - the regions of the China part (ids `CN-<code>`, parents, Chinese names).
 * @param sourceIds - the source ids the part defines; a row naming another one throws.
 * @throws {NotFoundError} when a raw file is missing; {@link InvalidInputError} on a duplicate firm-year, an unknown
 *   industry code or classification, or an unknown source id.
 */
export function buildFirmRelocations(rawDir: string, regions: readonly Region[], sourceIds: ReadonlySet<string>): FirmRelocationsBuild {
  const dir = join(rawDir, 'firms');
  const read = (rel: string): LocatedRecord[] => readRawRecords(join(dir, rel), fn, `firms/${rel}`);
  const checkSource = (rec: LocatedRecord, id: string): string => {
    if (!sourceIds.has(id)) throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, 'source_id', id));
    return id;
  };

  // ---- places
  const regionIds = new Set(regions.map((r) => r.id));
  const byProvinceAndName = new Map<string, string[]>();
  for (const r of regions) {
    if (r.level !== 'county' || r.parent === null || r.nameZh === null) continue;
    const key = `${r.parent}|${r.nameZh}`;
    byProvinceAndName.set(key, [...(byProvinceAndName.get(key) ?? []), r.id]);
  }
  /** The region of a panel row, or the reason there is none. */
  const placeOf = (rec: LocatedRecord): { region: string; byName: boolean } | { reason: string } => {
    const code = rec.record.prefecture_code ?? '';
    if (code === '') return { reason: `no prefecture code (${need(rec, 'match_basis')})` };
    if (regionIds.has(`CN-${code}`)) return { region: `CN-${code}`, byName: false };
    if (/^\d\d9000$/.test(code)) {
      const found = byProvinceAndName.get(`CN-${code.slice(0, 2)}0000|${need(rec, 'city_name_source')}`) ?? [];
      if (found.length === 1) return { region: found[0] as string, byName: true };
      return { reason: `pseudo-prefecture code ${code} (省直辖县级行政区划) whose city name matches no single county-level region` };
    }
    return { reason: `prefecture code ${code} is not a region of the dataset` };
  };

  // ---- industries and names
  const knownCodes = new Map<string, string>();
  for (const rec of read('industry_codes_cn.csv'))
    knownCodes.set(`${need(rec, 'classification')}|${need(rec, 'industry_code')}`, rec.record.industry_name ?? '');
  const industryOf = new Map<string, { classification: string; code: string; source: string; rec: LocatedRecord }>();
  for (const rec of read('firm_industry.csv')) {
    const classification = need(rec, 'classification');
    if (!sectionClassifications.has(classification)) continue;
    const code = need(rec, 'industry_code');
    if (!knownCodes.has(`${classification}|${code}`) || !/^[A-S]\d\d$/.test(code))
      throw new InvalidInputError(buildMessages.unknownCode(fn, rec.file, rec.line, `${classification} industry code`, code));
    const key = `${need(rec, 'firm_id')}|${yearOf(rec)}`;
    if (industryOf.has(key)) throw new InvalidInputError(buildMessages.duplicateKey(fn, rec.file, key));
    industryOf.set(key, { classification, code, source: need(rec, 'source_id'), rec });
  }
  const nameOf = new Map<string, { name: string | null; source: string; asOf: string; rec: LocatedRecord }>();
  for (const rec of read('firms.csv')) {
    if (rec.record.country !== 'CN') continue;
    nameOf.set(need(rec, 'firm_id'), { name: rec.record.name_short || null, source: need(rec, 'source_id'), asOf: rec.record.as_of ?? '', rec });
  }

  // ---- the panel, by firm
  const panel = read('firm_city_year_cn.csv');
  const byFirm = new Map<string, { year: number; rec: LocatedRecord }[]>();
  const seen = new Set<string>();
  let minYear = Number.POSITIVE_INFINITY;
  let maxYear = Number.NEGATIVE_INFINITY;
  for (const rec of panel) {
    const firm = need(rec, 'firm_id');
    const year = yearOf(rec);
    const key = `${firm}|${year}`;
    if (seen.has(key)) throw new InvalidInputError(buildMessages.duplicateKey(fn, rec.file, key));
    seen.add(key);
    minYear = Math.min(minYear, year);
    maxYear = Math.max(maxYear, year);
    const list = byFirm.get(firm) ?? [];
    list.push({ year, rec });
    byFirm.set(firm, list);
  }

  const unmapped: Record<string, number> = {};
  let mapped = 0;
  let mappedByName = 0;
  let pairs = 0;
  let judged = 0;
  const unplaced: string[] = [];
  const rows: FirmRelocationRow[] = [];
  const used = new Set<string>();
  for (const [firm, list] of [...byFirm].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    list.sort((a, b) => a.year - b.year);
    const places = list.map(({ rec }) => placeOf(rec));
    for (const p of places) {
      if ('region' in p) {
        mapped++;
        if (p.byName) mappedByName++;
      } else unmapped[p.reason] = (unmapped[p.reason] ?? 0) + 1;
    }
    for (let k = 1; k < list.length; k++) {
      pairs++;
      const before = list[k - 1] as (typeof list)[number];
      const after = list[k] as (typeof list)[number];
      const from = places[k - 1] as ReturnType<typeof placeOf>;
      const to = places[k] as ReturnType<typeof placeOf>;
      const cityText = (rec: LocatedRecord): string => `${rec.record.prefecture_code ?? ''}|${rec.record.city_name_source ?? ''}`;
      if (!('region' in from) || !('region' in to)) {
        if (cityText(before.rec) !== cityText(after.rec))
          unplaced.push(`${firm} ${before.year}→${after.year} ${before.rec.record.city_name_source}→${after.rec.record.city_name_source}`);
        continue;
      }
      judged++;
      if (from.region === to.region) continue;
      const source = checkSource(after.rec, need(after.rec, 'source_id'));
      checkSource(before.rec, need(before.rec, 'source_id'));
      used.add(source);
      // Industry in year_to, else the nearest later year with a CSRC 2012 / CAPCO 2023 code.
      let industry = industryOf.get(`${firm}|${after.year}`);
      let industryYear = after.year;
      for (let y = after.year + 1; industry === undefined && y <= maxYear; y++) {
        industry = industryOf.get(`${firm}|${y}`);
        industryYear = y;
      }
      if (industry !== undefined) used.add(checkSource(industry.rec, industry.source));
      const name = nameOf.get(firm);
      if (name !== undefined) used.add(checkSource(name.rec, name.source));
      const seat = (rec: LocatedRecord): string => `${rec.record.city_name_source} (${rec.record.match_basis})`;
      const notes = [
        `registered city in ${source}: ${seat(before.rec)} → ${seat(after.rec)}`,
        industry === undefined
          ? 'no CSRC 2012 / CAPCO 2023 industry code in or after year_to'
          : `industry ${industry.classification} ${industry.code} ${knownCodes.get(`${industry.classification}|${industry.code}`)}${industryYear === after.year ? '' : ` (from ${industryYear}: no code in year_to)`}${industry.code.startsWith('S') ? '; S = 综合 (conglomerates), not GB/T 4754 section S' : ''}`,
        name === undefined ? 'no name in firms.csv' : `name: ${name.source}${name.asOf === '' ? '' : ` as of ${name.asOf}`}`,
      ];
      rows.push({
        firmId: firm,
        name: name?.name ?? null,
        yearFrom: before.year,
        yearTo: after.year,
        origin: from.region,
        destination: to.region,
        section: industry === undefined ? null : industry.code.slice(0, 1),
        industryCode: industry?.code ?? null,
        source,
        note: notes.join('; '),
      });
    }
  }
  const movers = new Set(rows.map((r) => r.firmId)).size;
  const figures: FirmRelocationFigures = {
    panelRows: panel.length,
    firms: byFirm.size,
    years: [minYear, maxYear],
    mapped,
    mappedByName,
    unmapped,
    pairs,
    judged,
    unplaced,
    moves: rows.length,
    movers,
  };
  return { rows, sources: used, summary: summaryLines(figures), figures };
}

/** The build's printed summary of the firms part. */
export function summaryLines(f: FirmRelocationFigures): string[] {
  const n = (x: number): string => x.toLocaleString('en-US');
  const notMapped = f.panelRows - f.mapped;
  return [
    `firms: panel ${n(f.panelRows)} firm-years of ${n(f.firms)} firms, ${f.years[0]}–${f.years[1]}; ${n(f.mapped)} placed in a region (${n(f.mappedByName)} of them by name: county-level units under a province), ${n(notMapped)} not:`,
    ...Object.entries(f.unmapped)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([reason, count]) => `firms:   ${n(count)} × ${reason}`),
    `firms: ${n(f.pairs)} consecutive-year pairs, ${n(f.judged)} judged (both years placed), ${n(f.pairs - f.judged)} not judged; ${n(f.unplaced.length)} of those have a different city text in the two years (possible moves that cannot be placed)${f.unplaced.length === 0 ? '' : `: ${f.unplaced.join('; ')}`}`,
    `firms: ${n(f.moves)} moves of ${n(f.movers)} firms → firm_relocations/cn.csv`,
  ];
}
