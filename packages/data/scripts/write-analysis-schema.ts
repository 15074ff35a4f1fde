/**
 * Regenerate packages/data/schemas/metro-analysis.schema.json from the one zod schema of the analysis result
 * (packages/core/src/analysis/result-schema.ts). Run on the sources (not the built dist):
 * `npm run schema:write -w @metrocoop/data`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { metroAnalysisJsonSchemaText } from '../src/analysis/result-schema.ts';

const target = fileURLToPath(new URL('../schemas/metro-analysis.schema.json', import.meta.url));
writeFileSync(target, metroAnalysisJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
