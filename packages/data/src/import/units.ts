/**
 * Units as published → canonical units of the data model (persons, CNY, JPY, USD, km2, CNY/person, JPY/person,
 * USD/person, percent) with the factor that converts one to the other. Matched case-insensitively after trimming.
 * The original unit is kept in `unit_original`, the original number in `value_original`.
 */

/** `[unit as published, canonical unit, factor]`. */
export const unitConversions: readonly (readonly [string, string, number])[] = [
  // persons
  ['persons', 'persons', 1],
  ['person', 'persons', 1],
  ['人', 'persons', 1],
  ['名', 'persons', 1],
  ['人数', 'persons', 1],
  ['万人', 'persons', 1e4],
  ['千人', 'persons', 1e3],
  ['thousand persons', 'persons', 1e3],
  ['10k persons', 'persons', 1e4],
  ['employees', 'persons', 1],
  // CNY
  ['cny', 'CNY', 1],
  ['元', 'CNY', 1],
  ['千元', 'CNY', 1e3],
  ['万元', 'CNY', 1e4],
  ['百万元', 'CNY', 1e6],
  ['亿元', 'CNY', 1e8],
  ['10k cny', 'CNY', 1e4],
  ['100 million cny', 'CNY', 1e8],
  ['million cny', 'CNY', 1e6],
  ['billion cny', 'CNY', 1e9],
  // JPY
  ['jpy', 'JPY', 1],
  ['円', 'JPY', 1],
  ['千円', 'JPY', 1e3],
  ['百万円', 'JPY', 1e6],
  ['億円', 'JPY', 1e8],
  ['thousand jpy', 'JPY', 1e3],
  ['million jpy', 'JPY', 1e6],
  ['billion jpy', 'JPY', 1e9],
  // USD
  ['usd', 'USD', 1],
  ['$', 'USD', 1],
  ['dollars', 'USD', 1],
  ['thousand usd', 'USD', 1e3],
  ['$1,000', 'USD', 1e3],
  ['thousands of dollars', 'USD', 1e3],
  ['million usd', 'USD', 1e6],
  ['millions of dollars', 'USD', 1e6],
  ['billion usd', 'USD', 1e9],
  // area
  ['km2', 'km2', 1],
  ['km²', 'km2', 1],
  ['平方公里', 'km2', 1],
  ['平方千米', 'km2', 1],
  ['km2 (land)', 'km2', 1],
  // per person
  ['cny/person', 'CNY/person', 1],
  ['元/人', 'CNY/person', 1],
  ['万元/人', 'CNY/person', 1e4],
  ['jpy/person', 'JPY/person', 1],
  ['円/人', 'JPY/person', 1],
  ['千円/人', 'JPY/person', 1e3],
  ['usd/person', 'USD/person', 1],
  ['$/person', 'USD/person', 1],
  // percent
  ['percent', 'percent', 1],
  ['%', 'percent', 1],
  ['百分比', 'percent', 1],
];

/** Canonical units each known indicator may have (an indicator not listed may have any known unit). */
export const indicatorUnits: Readonly<Record<string, readonly string[]>> = {
  population: ['persons'],
  population_registered: ['persons'],
  employment_urban_units: ['persons'],
  employment_private_selfemployed: ['persons'],
  employment_total: ['persons'],
  persons_engaged_private: ['persons'],
  employees: ['persons'],
  gdp: ['CNY', 'JPY', 'USD'],
  value_added: ['CNY', 'JPY', 'USD'],
  gdp_per_capita: ['CNY/person', 'JPY/person', 'USD/person'],
  average_wage: ['CNY/person', 'JPY/person', 'USD/person'],
  land_area: ['km2'],
};

/** Canonical units that may be negative (shares and growth rates). */
export const signedUnits: readonly string[] = ['percent'];

/**
 * Withheld-cell markers as publishers print them: Census `D`/`(D)` (disclosure), `S` (not meeting standards),
 * BLS `N` (not disclosable), `(NA)`, `X`, and yearbooks' `…`, `...`, `-`, `—`. A marker is never 0.
 */
export const withheldMarkers: readonly string[] = ['D', '(D)', 'S', '(S)', 'N', '(N)', '(NA)', 'X', '(X)', '…', '...', '-', '—', '–', '*'];
