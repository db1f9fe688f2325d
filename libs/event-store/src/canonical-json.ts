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
  const text = new CanonicalWriter().serialise(value);
  if (text === undefined) {
    throw new TypeError('canonicalJson: the value is undefined and has no JSON form');
  }
  return text;
}

/**
 * One serialisation. It runs for every appended event (sealing) and every event a verify reads, so it
 * keeps one stack of the objects it is inside (cycles) and one of the keys that led there, and spells a
 * path out only for an error, instead of copying arrays and building path strings for every member.
 */
class CanonicalWriter {
  private readonly ancestors: object[] = [];
  private readonly keys: (string | number)[] = [];

  /** Returns undefined for values an object property should omit (undefined, like JSON.stringify). */
  serialise(value: unknown): string | undefined {
    switch (typeof value) {
      case 'string':
        return JSON.stringify(value);
      case 'number':
        if (!Number.isFinite(value)) {
          throw new TypeError(`canonicalJson: ${String(value)} at ${this.path()} has no JSON form`);
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
        throw new TypeError(`canonicalJson: a ${typeof value} at ${this.path()} has no JSON form`);
      case 'object':
        return value === null ? 'null' : this.serialiseObject(value);
    }
  }

  private serialiseObject(value: object): string | undefined {
    if (this.ancestors.includes(value)) {
      throw new TypeError(`canonicalJson: circular reference at ${this.path()}`);
    }
    this.ancestors.push(value);
    try {
      return this.serialiseInside(value);
    } finally {
      this.ancestors.pop();
    }
  }

  private serialiseInside(value: object): string | undefined {
    if (hasToJson(value)) {
      // Dates (and value objects that define toJSON) serialise the way JSON.stringify would store them.
      return this.serialise(value.toJSON());
    }
    if (value instanceof Map || value instanceof Set) {
      throw new TypeError(`canonicalJson: a ${value.constructor.name} at ${this.path()} would serialise as {}; convert it first`);
    }
    if (Array.isArray(value)) {
      // Inside arrays undefined becomes null, as JSON.stringify does, so positions are kept.
      let text = '[';
      for (let index = 0; index < value.length; index++) {
        this.keys.push(index);
        text += `${index > 0 ? ',' : ''}${this.serialise(value[index]) ?? 'null'}`;
        this.keys.pop();
      }
      return `${text}]`;
    }
    const record = value as Record<string, unknown>;
    let text = '{';
    for (const key of sortedKeys(record)) {
      this.keys.push(key);
      const member = this.serialise(record[key]);
      this.keys.pop();
      if (member !== undefined) text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${member}`;
    }
    return `${text}}`;
  }

  /** Where the serialisation is, as `$.a.b[2]`: built only for an error message. */
  private path(): string {
    return this.keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`), '$');
  }
}

/**
 * The keys in code-point order. Without surrogates (nearly always: field names) that is the order of
 * JavaScript's default sort, which compares UTF-16 code units natively; only keys with characters above
 * U+FFFF need compareByCodePoint.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  for (const key of keys) {
    if (SURROGATE.test(key)) return keys.sort(compareByCodePoint);
  }
  return keys.sort();
}

const SURROGATE = /[\uD800-\uDFFF]/;

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
