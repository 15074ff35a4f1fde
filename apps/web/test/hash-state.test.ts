import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatHash, parseHash, withParams } from '../src/hash-state.ts';

const defaults = { metro: 'jjj', view: 'overview', lang: 'zh' as const, views: ['overview', 'structure', 'pairs'] };

describe('parseHash', () => {
  it('reads the metro, the view, the language and the view parameters', () => {
    const s = parseHash('#/Tokyo/structure?industry=C&lang=en&units=municipalities', defaults);
    assert.equal(s.metro, 'tokyo');
    assert.equal(s.view, 'structure');
    assert.equal(s.lang, 'en');
    assert.equal(s.params.get('industry'), 'C');
    assert.equal(s.params.get('units'), 'municipalities');
    assert.equal(s.params.has('lang'), false);
  });

  it('falls back to the defaults for an empty hash, an unknown view, a bad language or an id that is not one', () => {
    assert.deepEqual({ ...parseHash('', defaults), params: null }, { metro: 'jjj', view: 'overview', lang: 'zh', params: null });
    const s = parseHash('#/yrd/nope?lang=fr', defaults);
    assert.equal(s.metro, 'yrd');
    assert.equal(s.view, 'overview');
    assert.equal(s.lang, 'zh');
    assert.equal(parseHash('#/..%2Fetc/structure', defaults).metro, 'jjj');
    assert.equal(parseHash('#/%E0%A4%A/structure', defaults).metro, 'jjj');
    assert.equal(parseHash('#/a%20b/structure', defaults).metro, 'jjj');
  });

  it('round-trips through formatHash, parameters in a stable order', () => {
    const s = parseHash('#/nyc/pairs?drivers=pairs&lang=en&b=2&a=1', defaults);
    const hash = formatHash(s);
    assert.equal(hash, '#/nyc/pairs?lang=en&a=1&b=2&drivers=pairs');
    const again = parseHash(hash, defaults);
    assert.deepEqual([again.metro, again.view, again.lang, again.params.toString()], ['nyc', 'pairs', 'en', 'a=1&b=2&drivers=pairs']);
  });

  it('encodes parameter values that need it', () => {
    const s = parseHash('#/jjj/overview', defaults);
    const hash = formatHash({ ...s, params: withParams(s.params, { q: 'a&b=c 中' }) });
    assert.equal(parseHash(hash, defaults).params.get('q'), 'a&b=c 中');
  });
});

describe('withParams', () => {
  it('sets and removes parameters without changing its input', () => {
    const before = new URLSearchParams('a=1&b=2');
    const after = withParams(before, { a: null, c: '3' });
    assert.equal(after.toString(), 'b=2&c=3');
    assert.equal(before.toString(), 'a=1&b=2');
  });
});
