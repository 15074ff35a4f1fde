import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as core from '@metrocoop/core';
import * as data from '../../src/index.ts';

const schemaFile = new URL('../../schemas/metro-analysis.schema.json', import.meta.url);
const regenerate = 'node --conditions=development --import tsx packages/data/scripts/write-analysis-schema.ts';

describe('the analysis result schema', () => {
  it('is one definition: the data package re-exports the core’s schema and generators, not a copy', () => {
    assert.equal(data.metroAnalysisSchema, core.metroAnalysisSchema);
    assert.equal(data.metroAnalysisJsonSchema, core.metroAnalysisJsonSchema);
    assert.equal(data.metroAnalysisJsonSchemaText, core.metroAnalysisJsonSchemaText);
  });

  it('matches the committed JSON Schema file byte for byte', () => {
    const committed = readFileSync(schemaFile, 'utf8');
    assert.equal(committed, core.metroAnalysisJsonSchemaText(), `packages/data/schemas/metro-analysis.schema.json is out of date; run ${regenerate}`);
  });

  it('lists every analysis option, with the type of its default, as required', () => {
    const options = (core.metroAnalysisJsonSchema() as { properties: { options: { properties: Record<string, { type: string }>; required: string[] } } })
      .properties.options;
    const defaults = Object.entries(core.defaultMetroAnalysisOptions);
    assert.deepEqual(
      Object.entries(options.properties).map(([k, v]) => [k, v.type]),
      defaults.map(([k, v]) => [k, typeof v]),
    );
    assert.deepEqual(options.required, Object.keys(core.defaultMetroAnalysisOptions));
  });

  it('rejects a document with a key it does not know', () => {
    const result = core.metroAnalysisSchema.safeParse({ schemaVersion: '1.0.0', unexpected: true });
    assert.equal(result.success, false);
    assert.ok(result.error?.issues.some((i) => i.code === 'unrecognized_keys'));
  });
});
