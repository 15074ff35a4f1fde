/**
 * The file formats of imports and exports: plain constants with no dependencies, so that a command line can offer
 * them as choices without loading the store or the importers (`@metrocoop/data/formats`).
 */

/** The formats the importers read. */
export const importFormats = ['canonical-csv', 'wide-csv', 'xlsx-yearbook', 'parquet', 'json', 'cbp-county', 'qcew-csv'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Export formats. */
export const exportFormats = ['csv', 'xlsx', 'parquet', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];
