import { findBadText, findUnstorable, jsonDepthExceeds, MAX_JSON_DEPTH } from '../../src/common/http/input-guard';

describe('JSON depth check before parsing', () => {
  it('allows nesting up to the limit and refuses one level more', () => {
    expect(jsonDepthExceeds('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonDepthExceeds('['.repeat(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  it('counts over raw bytes and ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(Buffer.from(JSON.stringify({ a: '['.repeat(100), b: '\\"{{{{' + '{'.repeat(100), c: 'ä😀' })))).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('{"a":' + '[{"é":'.repeat(20)))).toBe(true);
  });

  it('counts siblings as one level', () => {
    expect(jsonDepthExceeds(JSON.stringify(Array.from({ length: 1000 }, () => [[{}]])))).toBe(false);
  });
});

describe('text PostgreSQL cannot store', () => {
  it('finds NUL characters and lone surrogates by field path, keys included', () => {
    expect(findBadText({ a: 'ok 😀', b: ['x', 'y\u0000'], c: { d: '\ud800' }, e: '\udc00x', ['k\u0000']: 1 })).toEqual(['b[1]', 'c.d', 'e', 'k\\u0000']);
    expect(findBadText('\u0000')).toEqual(['(body)']);
    expect(findBadText({ n: 1, m: null, t: true })).toEqual([]);
  });
});

describe('numbers no field holds', () => {
  it('finds exponent forms by field path, and leaves plain numbers alone', () => {
    expect(findUnstorable({ a: 1e-7, b: [1, 2.5, 1e21], c: { d: 0, e: -3.25, f: 123456789 }, g: 2e1 })).toEqual([
      { field: 'a', kind: 'number' },
      { field: 'b[2]', kind: 'number' },
    ]);
    expect(findUnstorable(5e-324)).toEqual([{ field: '(body)', kind: 'number' }]);
  });
});

describe('keys no request may carry', () => {
  it('finds __proto__, constructor and prototype at any depth, as parsed from JSON', () => {
    expect(findUnstorable(JSON.parse('{"a":{"__proto__":{"x":1}},"b":[{"constructor":{"prototype":2}}],"prototypeName":"ok"}'))).toEqual([
      { field: 'a.__proto__', kind: 'key' },
      { field: 'b[0].constructor', kind: 'key' },
    ]);
  });
});
