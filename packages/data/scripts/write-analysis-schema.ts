/**
 * Regenerate the committed JSON Schemas in packages/data/schemas from their one zod definition each, in the core:
 * metro-analysis.schema.json (packages/core/src/analysis/result-schema.ts), metro-plan.schema.json
 * (packages/core/src/planning/plan-schema.ts), scenario-file.schema.json and scenario-result.schema.json
 * (packages/core/src/planning/scenario-schema.ts). Run on the sources (not the built dist):
 * `npm run schema:write -w @metrocoop/data`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { metroPlanJsonSchemaText, scenarioJsonSchemaTexts } from '@metrocoop/core';
import { metroAnalysisJsonSchemaText } from '../src/analysis/result-schema.ts';

const files: Record<string, string> = {
  'metro-analysis.schema.json': metroAnalysisJsonSchemaText(),
  'metro-plan.schema.json': metroPlanJsonSchemaText(),
  'scenario-file.schema.json': scenarioJsonSchemaTexts().file,
  'scenario-result.schema.json': scenarioJsonSchemaTexts().result,
};
for (const [name, text] of Object.entries(files)) {
  const target = fileURLToPath(new URL(`../schemas/${name}`, import.meta.url));
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
