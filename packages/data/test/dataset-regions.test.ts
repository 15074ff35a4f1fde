/**
 * Every region of the three countries (issue 9, point 7): the official code lists of raw/regions/ in the regions
 * table of the embedded dataset — exact counts per country and level, parents, sources, and the rows the country
 * parts had before the lists came in, unchanged.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { officialRegionCounts, officialRegionSources } from '../scripts/build/official-regions.ts';
import { packageRawDir } from '../scripts/build/raw-dir.ts';
import { readPartCsv } from '../scripts/build/shared.ts';
import type { Region } from '../src/model/schemas.ts';
import { datasetDir } from './dataset-part.ts';

const parts = ['cn', 'jp', 'us'] as const;
const regions = new Map(parts.map((p) => [p, readPartCsv(datasetDir, 'regions', p).rows as Region[]]));
const all = [...regions.values()].flat();
const byId = new Map(all.map((r) => [r.id, r]));

function countByLevel(rows: readonly Region[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.level] = (out[r.level] ?? 0) + 1;
  return out;
}

describe('regions: every region of the three countries', () => {
  it('has the exact count of each level', () => {
    assert.deepEqual(countByLevel(regions.get('cn') ?? []), { country: 1, province: 31, city: 333, county: 2844 });
    assert.deepEqual(countByLevel(regions.get('jp') ?? []), { country: 1, prefecture: 47, municipality: 1741, ward: 175 });
    assert.deepEqual(countByLevel(regions.get('us') ?? []), { country: 1, state: 52, msa: 5, county: 3220 });
    assert.equal(all.length, 3209 + 1964 + 3278);
    assert.deepEqual(officialRegionCounts, {
      CN: { province: 31, city: 333, county: 2844 },
      JP: { prefecture: 47, municipality: 1741, ward: 175 },
      US: { state: 52, county: 3220 },
    });
  });

  it('gives every region but the countries a parent that exists, of a higher level', () => {
    const higher: Record<string, readonly string[]> = {
      province: ['country'],
      city: ['province'],
      county: ['city', 'province', 'state', 'msa'],
      prefecture: ['country'],
      municipality: ['prefecture'],
      ward: ['municipality'],
      state: ['country'],
      msa: ['country'],
    };
    for (const r of all) {
      if (r.level === 'country') {
        assert.equal(r.parent, null);
        continue;
      }
      const parent = byId.get(r.parent ?? '');
      assert.ok(parent !== undefined, `${r.id}: parent ${r.parent}`);
      assert.ok(higher[r.level]?.includes(parent.level), `${r.id} (${r.level}) under ${parent.id} (${parent.level})`);
    }
  });

  it('keeps the rows the country parts had (ids, names, points, parents, sources) and adds the others from the lists', () => {
    assert.deepEqual(byId.get('CN-130100'), {
      id: 'CN-130100',
      nameZh: '石家庄市',
      nameEn: 'Shijiazhuang',
      nameLocal: null,
      level: 'city',
      parent: 'CN-130000',
      lon: byId.get('CN-130100')?.lon,
      lat: byId.get('CN-130100')?.lat,
      areaKm2: byId.get('CN-130100')?.areaKm2,
      source: 'CN_REGIONS_GBT2260',
    });
    assert.equal(byId.get('US-36061')?.parent, 'US-CBSA-35620');
    assert.equal(byId.get('US-36061')?.source, 'us_census_gazetteer2019');
    assert.equal(byId.get('JP-13')?.source, 'jp_dataofjapan_land');
    assert.equal(byId.get('JP-13')?.nameZh, '东京都');
    // New rows, in the same namespaces.
    assert.deepEqual(
      ['CN-510100', 'CN-510104', 'CN-500000', 'CN-419001'].map((id) => [id, byId.get(id)?.nameZh, byId.get(id)?.level, byId.get(id)?.parent]),
      [
        ['CN-510100', '成都市', 'city', 'CN-510000'],
        ['CN-510104', '锦江区', 'county', 'CN-510100'],
        ['CN-500000', '重庆市', 'province', 'CN'],
        ['CN-419001', '济源市', 'county', 'CN-410000'],
      ],
    );
    assert.deepEqual(
      ['US-10001', 'US-10', 'US-39049', 'US-72001'].map((id) => [id, byId.get(id)?.nameEn, byId.get(id)?.level, byId.get(id)?.parent]),
      [
        ['US-10001', 'Kent County, Delaware', 'county', 'US-10'],
        ['US-10', 'Delaware', 'state', 'US'],
        ['US-39049', 'Franklin County, Ohio', 'county', 'US-39'],
        ['US-72001', 'Adjuntas Municipio, Puerto Rico', 'county', 'US-72'],
      ],
    );
    assert.deepEqual(
      ['JP-27', 'JP-27100', 'JP-27127', 'JP-01101'].map((id) => [id, byId.get(id)?.nameLocal, byId.get(id)?.level, byId.get(id)?.parent]),
      [
        ['JP-27', '大阪府', 'prefecture', 'JP'],
        ['JP-27100', '大阪市', 'municipality', 'JP-27'],
        ['JP-27127', '大阪市北区', 'ward', 'JP-27100'],
        ['JP-01101', '札幌市中央区', 'ward', 'JP-01100'],
      ],
    );
  });

  it('names the source of every added row, and writes that source with the part', () => {
    for (const [part, country] of [
      ['cn', 'CN'],
      ['jp', 'JP'],
      ['us', 'US'],
    ] as const) {
      const source = officialRegionSources[country];
      const sources = readPartCsv(datasetDir, 'sources', part).rows.map((s) => s.id);
      assert.ok(sources.includes(source.id), `${part}: ${source.id}`);
      assert.ok((regions.get(part) ?? []).some((r) => r.source === source.id));
    }
  });

  it('reads the raw lists that are byte copies of the shared ones (their SOURCES.md beside them)', () => {
    for (const file of ['cn_admin_divisions.csv', 'us_counties.csv', 'jp_municipalities.csv', 'SOURCES.md']) {
      assert.ok(readFileSync(join(packageRawDir(), 'regions', file)).length > 1000, file);
    }
  });
});
