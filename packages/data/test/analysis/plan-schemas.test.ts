import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { metroPlanJsonSchemaText, scenarioJsonSchemaTexts } from '@metrocoop/core';

const regenerate = 'npm run schema:write -w @metrocoop/data';
const committed = (name: string): string => readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8');

describe('the plan and scenario schemas', () => {
  it('match the committed JSON Schema files byte for byte', () => {
    assert.equal(committed('metro-plan.schema.json'), metroPlanJsonSchemaText(), `metro-plan.schema.json is out of date; run ${regenerate}`);
    assert.equal(committed('scenario-file.schema.json'), scenarioJsonSchemaTexts().file, `scenario-file.schema.json is out of date; run ${regenerate}`);
    assert.equal(committed('scenario-result.schema.json'), scenarioJsonSchemaTexts().result, `scenario-result.schema.json is out of date; run ${regenerate}`);
  });

  it('describe the four recommendation headings and a scenario file’s moves', () => {
    const plan = JSON.parse(committed('metro-plan.schema.json')) as { properties: Record<string, unknown> };
    assert.ok(['sections', 'positions', 'opportunities', 'transport', 'relocations'].every((k) => k in plan.properties));
    const file = JSON.parse(committed('scenario-file.schema.json')) as { properties: Record<string, unknown> };
    assert.ok('moves' in file.properties);
  });
});
