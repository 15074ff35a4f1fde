/** Regenerate packages/data/schemas/metro-analysis.schema.json from the zod schema (run with tsx). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { metroAnalysisJsonSchemaText } from '../src/analysis/result-schema.ts';

const target = fileURLToPath(new URL('../schemas/metro-analysis.schema.json', import.meta.url));
writeFileSync(target, metroAnalysisJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
