/**
 * Regenerate packages/data/schemas/metro-definition.schema.json from the zod schema of the metro definition file
 * (packages/data/src/metro/definition-schema.ts). Run on the sources:
 * `npx tsx --conditions=development packages/data/scripts/write-metro-definition-schema.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { metroDefinitionJsonSchemaText } from '../src/metro/definition-schema.ts';

const target = fileURLToPath(new URL('../schemas/metro-definition.schema.json', import.meta.url));
writeFileSync(target, metroDefinitionJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
