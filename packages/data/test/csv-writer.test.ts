import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InvalidInputError } from '@metrocoop/core';
import { z } from 'zod';
import { csvHeader, quoteCsvField, tableCsvText, toSnakeCase, writeGeoJson, writeTableCsv } from '../scripts/build/csv-writer.ts';
import { classificationSchema, observationSchema, regionSchema } from '../src/model/schemas.ts';

describe('toSnakeCase', () => {
  it('converts the schema keys to snake_case column names', () => {
    assert.equal(toSnakeCase('nameZh'), 'name_zh');
    assert.equal(toSnakeCase('valueOriginal'), 'value_original');
    assert.equal(toSnakeCase('areaKm2'), 'area_km2');
    assert.equal(toSnakeCase('id'), 'id');
    assert.equal(toSnakeCase('breakInSeries'), 'break_in_series');
  });
});

describe('csvHeader', () => {
  it('lists the schema keys in schema order', () => {
    assert.deepEqual(csvHeader(regionSchema), ['id', 'name_zh', 'name_en', 'name_local', 'level', 'parent', 'lon', 'lat', 'area_km2', 'source']);
  });
});

describe('quoteCsvField', () => {
  it('quotes commas, quotes, newlines and edge spaces only', () => {
    assert.equal(quoteCsvField('plain'), 'plain');
    assert.equal(quoteCsvField('a,b'), '"a,b"');
    assert.equal(quoteCsvField('say "hi"'), '"say ""hi"""');
    assert.equal(quoteCsvField('two\nlines'), '"two\nlines"');
    assert.equal(quoteCsvField(' lead'), '" lead"');
    assert.equal(quoteCsvField('北京，市'), '北京，市');
  });
});

describe('tableCsvText', () => {
  it('writes nulls empty, booleans as words and arrays joined with |', () => {
    const text = tableCsvText('t.csv', classificationSchema, [{ id: 'X', nameEn: 'An, example', nameZh: '例', levels: ['section', 'division'], source: null }]);
    assert.equal(text, 'id,name_en,name_zh,levels,source\nX,"An, example",例,section|division,\n');
    const obs = tableCsvText('o.csv', observationSchema, [
      {
        region: 'CN-110000',
        year: 2019,
        indicator: 'gdp',
        classification: null,
        industry: null,
        value: 3.5e12,
        unit: 'CNY',
        valueOriginal: 35000,
        unitOriginal: '亿元',
        source: 's',
        vintage: 'first',
        vintageDate: null,
        withheld: false,
        breakInSeries: true,
        estimated: false,
        note: null,
      },
    ]);
    assert.equal(obs.split('\n')[1], 'CN-110000,2019,gdp,,,3500000000000,CNY,35000,亿元,s,first,,false,true,false,');
  });

  it('throws InvalidInputError naming the row when a row does not match', () => {
    assert.throws(
      () =>
        tableCsvText('r.csv', regionSchema, [
          { id: 'A', nameZh: null, nameEn: 'a', nameLocal: null, level: 'city', parent: null, lon: null, lat: null, areaKm2: null, source: null },
          { id: 'has space', nameZh: null, nameEn: 'b', nameLocal: null, level: 'city', parent: null, lon: null, lat: null, areaKm2: null, source: null },
        ]),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_INPUT' && /row 1/.test(e.message),
    );
  });

  it('rejects keys the schema lacks and | inside array elements', () => {
    const s = z.object({ a: z.string(), b: z.array(z.string()) });
    assert.throws(() => tableCsvText('x', s, [{ a: 'x', b: [], c: 1 } as never]), InvalidInputError);
    assert.throws(() => tableCsvText('x', s, [{ a: 'x', b: ['p|q'] }]), InvalidInputError);
  });
});

describe('writeTableCsv and writeGeoJson', () => {
  it('create the folder and write the files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csvw-'));
    const path = join(dir, 'sub', 'x.csv');
    writeTableCsv(path, z.object({ aB: z.number() }), [{ aB: 1 }, { aB: 2.5 }]);
    assert.equal(readFileSync(path, 'utf8'), 'a_b\n1\n2.5\n');
    const g = join(dir, 'g', 'x.geojson');
    writeGeoJson(
      g,
      {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { region: 'R', source: 's' }, geometry: { type: 'Point', coordinates: [116.123456789, 39.987654321] } }],
      },
      { decimals: 5 },
    );
    const parsed = JSON.parse(readFileSync(g, 'utf8'));
    assert.deepEqual(parsed.features[0].geometry.coordinates, [116.12346, 39.98765]);
    assert.throws(() => writeGeoJson(g, { type: 'Feature' } as never), InvalidInputError);
  });
});
