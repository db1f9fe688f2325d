import { canonicalJson, compareByCodePoint } from './canonical-json';

describe('canonicalJson', () => {
  it('does not depend on key insertion order', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ c: 3, a: 2, b: 1 })).toBe(canonicalJson({ a: 2, b: 1, c: 3 }));
  });

  it('sorts nested objects, keeps array order and writes no whitespace', () => {
    const value = { z: { y: [3, 1, { b: true, a: null }], x: 'tekst' }, a: [] };
    expect(canonicalJson(value)).toBe('{"a":[],"z":{"x":"tekst","y":[3,1,{"a":null,"b":true}]}}');
  });

  it('writes bigints as decimal strings', () => {
    expect(canonicalJson({ position: 9007199254740993n })).toBe('{"position":"9007199254740993"}');
    expect(canonicalJson(-5n)).toBe('"-5"');
  });

  it('omits undefined properties and writes undefined array items as null, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('writes numbers and strings exactly as JSON.stringify does', () => {
    for (const n of [0, -0, 1.5, 1e21, 1e-7, -123456789.125, Number.MAX_SAFE_INTEGER]) {
      expect(canonicalJson(n)).toBe(JSON.stringify(n));
    }
    const text = 'ë ï “ ” – ’ \n "quoted" \\ \u0001 \ud800 🇳🇱';
    expect(canonicalJson(text)).toBe(JSON.stringify(text));
  });

  it('sorts keys by code point, not by UTF-16 code unit', () => {
    // U+1F600 is a surrogate pair (D83D …), which a default JS sort would put before U+FF01.
    expect(canonicalJson({ '😀': 1, '！': 2, a: 3 })).toBe('{"a":3,"！":2,"😀":1}');
    expect(compareByCodePoint('ab', 'a')).toBeGreaterThan(0);
    expect(compareByCodePoint('a', 'ab')).toBeLessThan(0);
  });

  it('serialises dates through toJSON', () => {
    expect(canonicalJson({ at: new Date('2025-03-01T09:00:00Z') })).toBe('{"at":"2025-03-01T09:00:00.000Z"}');
  });

  it('gives the same text after a JSON round trip, which is what lets a store re-hash what it read', () => {
    const value = { n: 1e21, big: 12n, when: new Date(0), nested: { b: [1, undefined], a: 'ë' }, skip: undefined };
    const text = canonicalJson(value);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it.each([
    ['NaN', { n: NaN }],
    ['Infinity', { n: Infinity }],
    ['-Infinity', [-Infinity]],
    ['a function', { f: () => 1 }],
    ['a symbol', { s: Symbol('s') }],
    ['a Map', { m: new Map() }],
    ['a Set', { s: new Set([1]) }],
    ['undefined at the top', undefined],
  ])('rejects %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('names where the value it cannot write is', () => {
    expect(() => canonicalJson({ a: [1, { b: NaN }] })).toThrow('canonicalJson: NaN at $.a[1].b has no JSON form');
    expect(() => canonicalJson({ x: { m: new Map() } })).toThrow('a Map at $.x.m would serialise');
  });

  it('sorts keys with and without characters above U+FFFF alike, at every level', () => {
    const value = { b: { '😀': 1, z: 2, '！': 3 }, a: [{ d: 1, c: 2 }] };
    expect(canonicalJson(value)).toBe('{"a":[{"c":2,"d":1}],"b":{"z":2,"！":3,"😀":1}}');
  });

  it('rejects circular structures instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});
