import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neutraliseCell } from '../src/safe-cell.ts';

describe('neutraliseCell', () => {
  it('prefixes an apostrophe to text that starts with =, +, -, @, tab or carriage return', () => {
    for (const text of [
      '=HYPERLINK("http://evil.example","x")',
      '+1+2',
      '-2+3',
      '@SUM(A1:A9)',
      '\tcmd',
      '\r=1',
      '=',
      '-',
      '--',
      '+-1',
      '-1,5',
      '-1e',
      '- note',
    ]) {
      assert.equal(neutraliseCell(text), `'${text}`, JSON.stringify(text));
    }
  });

  it('leaves plain numbers alone, negative ones included', () => {
    for (const text of ['-12.5', '+3', '-1e-3', '-.5', '+0.25', '1E6', '42', '-7.', "'-3"]) assert.equal(neutraliseCell(text), text, text);
  });

  it('leaves other text alone, including a formula character that is not first', () => {
    for (const text of ['北京', 'Beijing', ' =1', "'abc", 'a=b', '1-2', '', '（=）', 'Tianjin–Hebei'])
      assert.equal(neutraliseCell(text), text, JSON.stringify(text));
  });
});
