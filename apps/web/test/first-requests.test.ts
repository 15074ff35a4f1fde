import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Api } from '../src/api.ts';
import { startFirstRequests } from '../src/first-requests.ts';
import { requestMetroData } from '../src/kit.tsx';

/** A client whose fetch answers `{}`-like documents and records the paths asked for. */
function recordingApi() {
  const paths: string[] = [];
  const fetch = async (url: string) => {
    paths.push(url);
    const body = url.includes('/geometries') ? { geometries: { type: 'FeatureCollection', features: [] } } : url === '/api/metros' ? { metros: [] } : {};
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { api: new Api({ fetch }), paths };
}

describe('startFirstRequests', () => {
  it('asks for the metros, the analysis and the boundaries of the overview at once, and the view then asks for nothing more', async () => {
    const { api, paths } = recordingApi();
    startFirstRequests(api, '#/tokyo/overview?lang=en&units=prefectures');
    assert.deepEqual(paths.sort(), [
      '/api/metros',
      '/api/metros/tokyo/analysis?units=prefectures',
      '/api/metros/tokyo/geometries?units=prefectures&detail=screen',
    ]);
    await requestMetroData(api, 'tokyo', 'prefectures', true);
    await api.metros();
    assert.equal(paths.length, 3);
  });

  it('asks for the overview of the default metro when the hash is empty', () => {
    const { api, paths } = recordingApi();
    startFirstRequests(api, '');
    assert.deepEqual(paths.sort(), ['/api/metros', '/api/metros/jjj/analysis', '/api/metros/jjj/geometries?detail=screen']);
  });

  it('asks for the analysis without boundaries for a view without a map, and only the metros for a view that loads its own', () => {
    const a = recordingApi();
    startFirstRequests(a.api, '#/jjj/homogenisation');
    assert.deepEqual(a.paths.sort(), ['/api/metros', '/api/metros/jjj/analysis']);
    const b = recordingApi();
    startFirstRequests(b.api, '#/jjj/data');
    assert.deepEqual(b.paths, ['/api/metros']);
  });
});
