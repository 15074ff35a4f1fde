/**
 * Regenerate packages/data/schemas/metro-analysis.schema.json from the one zod schema of the analysis result
 * (packages/core/src/analysis/result-schema.ts). Run from the repository root, on the sources (not the built dist):
 * `node --conditions=development --import tsx packages/data/scripts/write-analysis-schema.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { metroAnalysisJsonSchemaText } from '../src/analysis/result-schema.ts';

const target = fileURLToPath(new URL('../schemas/metro-analysis.schema.json', import.meta.url));
writeFileSync(target, metroAnalysisJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
