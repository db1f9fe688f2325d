/**
 * Deterministic JSON: the same value gives the same bytes on every platform and every store adapter,
 * so an event hashes identically whether it was written to SQLite, PostgreSQL or KurrentDB.
 *
 * Rules: object keys sorted by Unicode code point, no whitespace, arrays in order, bigint as a decimal
 * string, undefined properties omitted, numbers and strings exactly as JSON.stringify writes them.
 * Values JSON cannot represent faithfully (NaN, ±Infinity, functions, symbols, Map, Set, cycles) throw
 * instead of being silently dropped: a hash over a lossy serialisation would not prove anything.
 *
 * canonicalJson(JSON.parse(canonicalJson(x))) === canonicalJson(x), which is what lets a store
 * hash an event on write and get the same hash when it re-reads the stored text.
 */
export function canonicalJson(value: unknown): string {
  const text = serialise(value, [], '$');
  if (text === undefined) {
    throw new TypeError('canonicalJson: the value is undefined and has no JSON form');
  }
  return text;
}

/** Returns undefined for values an object property should omit (undefined, like JSON.stringify). */
function serialise(value: unknown, ancestors: object[], path: string): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(`canonicalJson: ${String(value)} at ${path} has no JSON form`);
      }
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      // A string, not a bare number: other JSON readers would round a large bigint to a double.
      return JSON.stringify(value.toString());
    case 'undefined':
      return undefined;
    case 'function':
    case 'symbol':
      throw new TypeError(`canonicalJson: a ${typeof value} at ${path} has no JSON form`);
    case 'object':
      return value === null ? 'null' : serialiseObject(value, ancestors, path);
  }
}

function serialiseObject(value: object, ancestors: object[], path: string): string | undefined {
  if (ancestors.includes(value)) {
    throw new TypeError(`canonicalJson: circular reference at ${path}`);
  }
  if (hasToJson(value)) {
    // Dates (and value objects that define toJSON) serialise the way JSON.stringify would store them.
    return serialise(value.toJSON(), [...ancestors, value], path);
  }
  if (value instanceof Map || value instanceof Set) {
    throw new TypeError(`canonicalJson: a ${value.constructor.name} at ${path} would serialise as {}; convert it first`);
  }
  const inner = [...ancestors, value];
  if (Array.isArray(value)) {
    // Inside arrays undefined becomes null, as JSON.stringify does, so positions are kept.
    const items = value.map((item: unknown, index) => serialise(item, inner, `${path}[${index}]`) ?? 'null');
    return `[${items.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort(compareByCodePoint)) {
    const member = serialise(record[key], inner, `${path}.${key}`);
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${members.join(',')}}`;
}

function hasToJson(value: object): value is { toJSON: () => unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/**
 * JavaScript's default sort compares UTF-16 code units, which puts characters above U+FFFF (stored as
 * surrogates D800–DFFF) before U+E000–U+FFFF. Code point order is what a byte-wise UTF-8 sort gives in
 * Go, Rust or PostgreSQL's C collation, so another implementation can reproduce it without UTF-16.
 */
export function compareByCodePoint(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(j) as number;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}
