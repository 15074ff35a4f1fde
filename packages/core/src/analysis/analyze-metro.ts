/**
 * `analyzeMetro`: the paper's framework as one reproducible analysis of a whole metro area — overview, structure
 * and gradient, specialisation, homogenisation, IO complementarity, linkage, the Table-1 typology of every pair,
 * the four drivers, the benchmark and typed findings. Pure: data comes in as matrices and tables; the result is
 * one plain, deterministic JSON document (units and industries in code-point order; no timestamps).
 *
 * Reference: docs/methodology/from-measures-to-diagnosis.md (every rule and threshold); docs/spec/methods.md.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { locationQuotient } from '../specialisation/location-quotient.ts';
import { compareMetros } from './benchmark.ts';
import { complementarityPart } from './complementarity.ts';
import { driversPart } from './drivers.ts';
import { findingsPart } from './findings/index.ts';
import { homogenisationPart } from './homogenisation.ts';
import { byCode } from './internal.ts';
import { linkagePart } from './linkage.ts';
import { analysisMessages as msg } from './messages.ts';
import { defaultMetroAnalysisOptions, type MetroAnalysisOptions, metroAnalysisSchemaVersion } from './options.ts';
import { overviewPart } from './overview.ts';
import { specialisationPart } from './specialisation.ts';
import { structurePart } from './structure.ts';
import { tradedMapping } from './traded.ts';
import type { AnalysisIndustry, AnalysisUnit, MetroAnalysis, MetroAnalysisInput } from './types.ts';
import { typologyPart } from './typology.ts';

/** The matrix with regions and industries in code-point order (a copy only when the order differs). */
function lexicalMatrix(m: RegionIndustryMatrix): RegionIndustryMatrix {
  const regions = [...m.regions].sort(byCode);
  const industries = [...m.industries].sort(byCode);
  if (regions.every((r, k) => r === m.regions[k]) && industries.every((i, k) => i === m.industries[k])) return m;
  const nI = industries.length;
  const values = new Float64Array(regions.length * nI);
  regions.forEach((r, a) => {
    const src = m.regionIndex(r);
    industries.forEach((i, b) => {
      values[a * nI + b] = m.at(src, m.industryIndex(i));
    });
  });
  return RegionIndustryMatrix.fromWide(regions, industries, values, { zeroTotals: 'keep' });
}

/** Merge and check the options (numbers finite and ≥ 0; near < far). */
export function resolveAnalysisOptions(options: MetroAnalysisOptions = {}): Required<MetroAnalysisOptions> {
  const fn = 'analyzeMetro';
  const o = {
    ...defaultMetroAnalysisOptions,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as Required<MetroAnalysisOptions>;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'includeOwnIndustry') {
      if (typeof v !== 'boolean') throw new InvalidInputError(msg.invalidOption(fn, k, v, 'true or false'), { option: k }, 'INVALID_OPTION');
    } else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new InvalidInputError(msg.invalidOption(fn, k, v, 'a finite number ≥ 0'), { option: k }, 'INVALID_OPTION');
    }
  }
  if (!(o.nearMinutes < o.farMinutes))
    throw new InvalidInputError(msg.invalidOption(fn, 'nearMinutes', o.nearMinutes, `less than farMinutes (${o.farMinutes})`), undefined, 'INVALID_OPTION');
  if (!(o.nearKm < o.farKm))
    throw new InvalidInputError(msg.invalidOption(fn, 'nearKm', o.nearKm, `less than farKm (${o.farKm})`), undefined, 'INVALID_OPTION');
  if (!Number.isInteger(o.topLinks) || !Number.isInteger(o.leadingIndustries) || !Number.isInteger(o.hotSpotMinUnits))
    throw new InvalidInputError(
      msg.invalidOption(fn, 'topLinks/leadingIndustries/hotSpotMinUnits', [o.topLinks, o.leadingIndustries, o.hotSpotMinUnits], 'integers'),
      undefined,
      'INVALID_OPTION',
    );
  return o;
}

/**
 * Analyse one metro. Units and industries come out in code-point order whatever order they came in, so the result
 * does not depend on the input order.
 *
 * Throws `InvalidInputError`: `UNIT_MISMATCH` (units ≠ matrix rows), `TOO_FEW_UNITS` (< 2), `INVALID_OPTION`,
 * `SHAPE_MISMATCH` (IO coefficients), and the errors of the measures it calls.
 *
 * @example
 * const result = analyzeMetro(await loadMetroAnalysisInput(store, 'jjj'));
 * result.typology.counts; // { vertical: 2, horizontal: 0, mixed: 0, competing: 1, undetermined: 0 }
 */
export function analyzeMetro(input: MetroAnalysisInput, options: MetroAnalysisOptions = {}): MetroAnalysis {
  const fn = 'analyzeMetro';
  const o = resolveAnalysisOptions(options);
  const matrix = lexicalMatrix(input.matrix);
  if (matrix.regionCount < 2) throw new InvalidInputError(msg.tooFewUnits(fn, matrix.regionCount), undefined, 'TOO_FEW_UNITS');
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  for (const u of input.units) if (!matrix.regions.includes(u.id)) throw new InvalidInputError(msg.unitMismatch(fn, u.id), { unit: u.id }, 'UNIT_MISMATCH');
  const units: AnalysisUnit[] = matrix.regions.map((id) => {
    const u = unitById.get(id);
    if (u === undefined) throw new InvalidInputError(msg.unitMismatch(fn, id), { unit: id }, 'UNIT_MISMATCH');
    return u;
  });
  const io = input.inputOutput;
  if (io !== undefined && (io.coefficients.length !== io.industries.length ** 2 || io.output.length !== io.industries.length))
    throw new InvalidInputError(msg.ioShape(fn, io.coefficients.length, io.industries.length ** 2), undefined, 'SHAPE_MISMATCH');
  const industryByCode = new Map(input.industries.map((i) => [i.code, i]));
  const industries: AnalysisIndustry[] = matrix.industries.map((code) => industryByCode.get(code) ?? { code, nameEn: null, nameZh: null, isicSections: [] });
  const earlier = (input.earlier ?? [])
    .filter((e) => e.year !== input.year && e.matrix.regionCount >= 2)
    .map((e) => ({ year: e.year, matrix: lexicalMatrix(e.matrix) }));

  const traded = tradedMapping(input.unitSet.classification, industries);
  const overview = overviewPart(input, units, matrix);
  const structure = structurePart({ ...input, industries }, units, matrix, overview);
  // One location quotient for specialisation, homogenisation and complementarity.
  const lq = locationQuotient(matrix).values;
  const specialisation = specialisationPart(matrix, earlier, input.year, traded, o, lq);
  const link = linkagePart(units, matrix, overview, input.travelTimes ?? [], structure.industryGroups, input.unitSet.measure, o);
  const { part: homogenisation, pairs: tradedPairs } = homogenisationPart(matrix, traded, link.proximity, earlier, input.year, o, lq);
  const complementarity = complementarityPart(matrix, lq, io, traded, o, (code) => structure.industryGroups[code] === 'primary');
  const rdCodes = industries.filter((i) => i.isicSections[0] === 'M').map((i) => matrix.industries.indexOf(i.code));
  const rdShare = units.map((_, r) => (rdCodes.length === 0 ? null : rdCodes.reduce((s, i) => s + ((structure.composition[r] as number[])[i] as number), 0)));
  const typology = typologyPart(matrix.regionTotals(), structure, traded, tradedPairs, complementarity, link.part, rdShare, o);
  const knowledge = [...(input.knowledge ?? [])].sort((a, b) => byCode(a.id, b.id));
  const drivers = driversPart(matrix.regions, homogenisation, complementarity, link.part, link.proximityOf, knowledge, o);
  const gaps = [...(input.gaps ?? [])].sort((a, b) => byCode(a.unit, b.unit) || byCode(a.industry ?? '', b.industry ?? '') || byCode(a.what, b.what));
  const findings = findingsPart(
    {
      units,
      industries,
      structure,
      specialisation,
      homogenisation,
      complementarity,
      linkage: link.part,
      matrix,
      measure: input.unitSet.measure,
      traded,
      typology,
      proximityOf: link.proximityOf,
      knowledge,
      gaps,
      inputOutput: io,
    },
    o,
  );
  const years = [...new Set([input.year, ...earlier.map((e) => e.year)])].sort((a, b) => a - b);
  const result: MetroAnalysis = {
    schemaVersion: metroAnalysisSchemaVersion,
    metro: input.metro,
    unitSet: {
      ...input.unitSet,
      year: input.year,
      years,
      source: input.unitSet.source ?? null,
      dropped: input.unitSet.dropped ?? { units: [], industries: [] },
    },
    units,
    industries,
    options: o,
    overview,
    structure,
    specialisation,
    homogenisation,
    complementarity,
    linkage: link.part,
    typology,
    drivers,
    benchmark: null,
    findings,
    gaps,
    notes: [...(input.notes ?? [])],
  };
  if (input.benchmark !== undefined && input.benchmark.length > 1) {
    return { ...result, benchmark: compareMetros(input.benchmark) };
  }
  return result;
}
