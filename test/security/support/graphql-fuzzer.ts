import {
  getNamedType,
  getNullableType,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { prng } from './hostile';

export type FuzzCaller = 'auditor' | 'partner' | 'coordinator' | 'anonymous' | 'forged';

/** One generated request: a GraphQL document with variables, or a raw body of any shape. */
export interface FuzzCase {
  index: number;
  kind: string;
  caller: FuzzCaller;
  contentType: string;
  body: string;
}

const GARBAGE = [
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  '-Infinity',
  '1e400',
  '0x1F',
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\u0007\u001b[2J',
  '\u202Egnp.exe',
  '\ud800',
  '💥🔥'.repeat(50),
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '{"$gt":""}',
  '__proto__',
  'constructor',
  'pleegzorg-1-1',
  'NJi',
  'VWS',
  'action-pleegzorg-3-4',
  '2017-02-30',
  '2017-12-31',
  '9999-99-99',
  '2026-11-23T09:00:00Z',
  '9223372036854775808',
];
const NUMBERS = [0, -1, 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, 1.5, 0.1, 5e-324, 123456789012345];
const NAMES = ['id', 'title', 'secret', '__schema', '__type', 'password', 'token', 'x', 'constructor', '__proto__'];

/**
 * Random and mutated GraphQL documents and variables, built from the served schema: real fields with
 * arguments of right and wrong types, unknown fields, deep nesting, aliases, fragments, directives,
 * garbage strings, random bytes and broken JSON. Case `i` depends only on (seed, i), so any failure
 * reproduces with the same seed.
 */
export class GraphQLFuzzer {
  private rnd: () => number = Math.random;
  private variables: Record<string, unknown> = {};
  private definitions: string[] = [];
  private poisonIds = false;
  private maxDepth = 14;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly seed: number,
    private readonly seedQueries: string[],
  ) {}

  generate(index: number): FuzzCase {
    this.rnd = prng((this.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    this.variables = {};
    this.definitions = [];
    const roll = this.rnd();
    const caller = this.pick<FuzzCaller>([
      'auditor',
      'auditor',
      'auditor',
      'partner',
      'partner',
      'coordinator',
      'coordinator',
      'anonymous',
      'forged',
    ]);
    const json = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, variables: this.variables, ...extra });
    if (roll < 0.45) {
      const mutation = this.rnd() < 0.35 && this.schema.getMutationType();
      // A coordinator may write: its mutations get ids no edge check accepts, so a write is a finding.
      this.poisonIds = mutation ? caller === 'coordinator' : false;
      this.maxDepth = this.int(2, 14);
      const root = mutation ? this.schema.getMutationType()! : this.schema.getQueryType()!;
      const selection = this.selection(root, 0, this.int(1, 3));
      const defs = this.definitions.length ? `(${this.definitions.join(', ')})` : '';
      const op = `${mutation ? 'mutation' : 'query'} Fuzz${index}${defs} ${selection}`;
      return this.case(index, 'schema', caller, json(op));
    }
    this.poisonIds = false;
    if (roll < 0.7)
      return this.case(index, 'mutated', caller === 'coordinator' ? 'auditor' : caller, json(this.mutate(this.pick(this.seedQueries))));
    if (roll < 0.78) return this.case(index, 'deep', caller, json(this.deep(this.int(5, 40))));
    if (roll < 0.84)
      return this.case(
        index,
        'aliases',
        caller,
        json(
          `{ ${Array.from({ length: this.int(10, 400) }, (_, i) => `a${i}: ${this.pick(['plans { id }', 'partners { id }', '__typename'])}`).join(' ')} }`,
        ),
      );
    if (roll < 0.9) return this.case(index, 'bytes', caller, json(this.bytes(this.int(1, 300))));
    if (roll < 0.95) return this.case(index, 'body', caller === 'coordinator' ? 'auditor' : caller, this.brokenBody());
    return this.case(
      index,
      'content-type',
      caller === 'coordinator' ? 'auditor' : caller,
      this.bytes(this.int(0, 200)),
      this.pick([
        'text/plain',
        'application/graphql',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'application/json; charset=utf-16',
        '',
      ]),
    );
  }

  private case(index: number, kind: string, caller: FuzzCaller, body: string, contentType = 'application/json'): FuzzCase {
    return { index, kind, caller, contentType, body };
  }

  private selection(type: GraphQLObjectType, depth: number, width: number): string {
    const fields = Object.values(type.getFields());
    const parts: string[] = [];
    const used = new Set<string>();
    for (let i = 0; i < width; i++) {
      const r = this.rnd();
      if (r < 0.02) parts.push(this.pick(NAMES));
      else if (r < 0.05) parts.push('__typename');
      else if (r < 0.08) parts.push(`... on ${type.name} ${this.selection(type, depth + 1, 1)}`);
      else {
        const field = this.pick(fields);
        const alias = used.has(field.name) || this.rnd() < 0.1 ? `a${i}x${depth}: ` : '';
        used.add(field.name);
        const args = this.arguments(field.args.map((a) => ({ name: a.name, type: a.type })));
        const directive =
          this.rnd() < 0.02
            ? ` @${this.pick(['include', 'skip', 'deprecated', 'nope'])}(if: ${this.pick(['true', 'false', '"x"', '1'])})`
            : '';
        const named = getNamedType(field.type);
        const deeper =
          depth < this.maxDepth && isObjectType(named)
            ? ` ${this.rnd() < 0.01 ? '{ }' : this.selection(named, depth + 1, this.int(1, 3))}`
            : this.rnd() < 0.01
              ? ' { id }'
              : '';
        parts.push(`${alias}${field.name}${args}${directive}${deeper}`);
      }
    }
    return `{ ${parts.join(' ')} }`;
  }

  private arguments(args: Array<{ name: string; type: GraphQLInputType }>): string {
    const given = args.filter((a) => (isNonNullType(a.type) ? this.rnd() < 0.95 : this.rnd() < 0.4));
    if (this.rnd() < 0.02)
      given.push({ name: this.pick(NAMES), type: args[0]?.type ?? (this.schema.getType('String') as GraphQLInputType) });
    if (given.length === 0) return '';
    return `(${given
      .map((a) => {
        if (this.rnd() < 0.35) {
          const name = `v${this.definitions.length}`;
          const declared = this.rnd() < 0.95 ? String(a.type) : this.pick(['Int', 'String!', 'Foo', '[ID!]!', 'Date']);
          this.definitions.push(`$${name}: ${declared}`);
          this.variables[name] = this.rnd() < 0.9 ? this.value(a.type, 0) : this.wrongValue();
          return `${a.name}: $${name}`;
        }
        return `${a.name}: ${this.rnd() < 0.93 ? this.literal(this.value(a.type, 0)) : this.literal(this.wrongValue())}`;
      })
      .join(', ')})`;
  }

  /** A value of (mostly) the right type, with edge cases and garbage mixed in. */
  private value(type: GraphQLInputType, depth: number): unknown {
    if (isNonNullType(type)) return this.rnd() < 0.01 ? null : this.value(type.ofType, depth);
    if (this.rnd() < 0.05) return null;
    if (isListType(type)) return Array.from({ length: this.int(0, this.rnd() < 0.05 ? 200 : 3) }, () => this.value(type.ofType, depth + 1));
    const named = getNullableType(type) as GraphQLNamedType;
    if (isEnumType(named))
      return { enum: this.rnd() < 0.85 ? this.pick(named.getValues()).name : this.pick(['DONE', 'admin', 'in_progress']) };
    if (isInputObjectType(named)) {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const f of Object.values(named.getFields()))
        if (isNonNullType(f.type) ? this.rnd() < 0.93 : this.rnd() < 0.5) out[f.name] = this.value(f.type, depth + 1);
      if (this.rnd() < 0.05) out[this.pick(NAMES)] = this.wrongValue();
      return out;
    }
    if (isScalarType(named)) {
      switch (named.name) {
        case 'ID':
          return this.poisonIds
            ? `${this.pick(['!', ' ', 'x y', '../', '\u0000', 'A_b'])}${this.pick(GARBAGE).slice(0, 20)}`
            : this.pick([...GARBAGE, 'pleegzorg-3-4', 'NVP']);
        case 'String':
          return this.rnd() < 0.1 ? 'x'.repeat(this.int(1000, 6000)) : this.pick(GARBAGE);
        case 'Int':
          return this.rnd() < 0.7 ? this.int(-5, 600) : this.pick(NUMBERS);
        case 'Float':
          return this.pick(NUMBERS);
        case 'Boolean':
          return this.rnd() < 0.5;
        case 'Date':
          return this.pick(['2017-12-31', '2018-06-30', '2017-02-29', '2016-02-29', '0000-00-00', '1899-12-31', '2200-01-01', '2017-1-1']);
        case 'DateTime':
          return this.pick([
            '2026-11-23T09:00:00Z',
            '2017-01-01T00:00:00.000Z',
            '2017-13-01T00:00:00Z',
            'yesterday',
            '1970-01-01T00:00:00Z',
            '+275760-09-13T00:00:00Z',
          ]);
        default:
          return this.wrongValue();
      }
    }
    return this.wrongValue();
  }

  private wrongValue(): unknown {
    return this.pick<() => unknown>([
      () => this.pick(GARBAGE),
      () => this.pick(NUMBERS),
      () => this.rnd() < 0.5,
      () => null,
      () => [this.pick(GARBAGE), this.pick(NUMBERS)],
      () => ({ [this.pick(NAMES)]: this.pick(GARBAGE) }),
      () => this.bytes(this.int(1, 40)),
    ])();
  }

  /** A JS value as a GraphQL literal; `{ enum: NAME }` marks an enum value. */
  private literal(value: unknown): string {
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '1e400';
    if (typeof value === 'boolean') return String(value);
    if (Array.isArray(value)) return `[${value.map((v) => this.literal(v)).join(', ')}]`;
    const record = value as Record<string, unknown>;
    if (Object.keys(record).length === 1 && typeof record.enum === 'string') return record.enum;
    return `{ ${Object.entries(record)
      .filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k))
      .map(([k, v]) => `${k}: ${this.literal(v)}`)
      .join(', ')} }`;
  }

  private deep(levels: number): string {
    const path = this.pick([
      ['actions', 'plans', 'actionLines'],
      ['partnerStatuses', 'actions', 'targets'],
    ]);
    let q = 'id';
    for (let i = levels - 1; i >= 0; i--) q = `${path[i % path.length]} { ${q} }`;
    return `{ ${q} }`;
  }

  /** A known-good query with a few random edits: deletions, insertions, duplications, byte flips. */
  private mutate(source: string): string {
    let s = source;
    for (let i = 0, n = this.int(1, 6); i < n; i++) {
      const at = this.int(0, s.length);
      const edit = this.int(0, 5);
      if (edit === 0) s = s.slice(0, at) + s.slice(at + this.int(1, 8));
      else if (edit === 1)
        s = s.slice(0, at) + this.pick(['{', '}', '(', ')', '$', '"', '...', '@', '#', ':', '!', '[', ']', '\\', '\n']) + s.slice(at);
      else if (edit === 2) s = s.slice(0, at) + s.slice(at, at + this.int(1, 30)).repeat(this.int(2, 30)) + s.slice(at);
      else if (edit === 3) s = s.slice(0, at) + this.bytes(this.int(1, 5)) + s.slice(at);
      else s = s.slice(0, at) + this.pick(GARBAGE) + s.slice(at);
    }
    return s;
  }

  private brokenBody(): string {
    return this.pick<() => string>([
      () => '{"query": "{ plans { id } }"',
      () => this.bytes(this.int(1, 100)),
      () => JSON.stringify({ query: this.wrongValue(), variables: this.wrongValue(), operationName: this.wrongValue() }),
      () => JSON.stringify([{ query: '{ plans { id } }' }, { query: '{ partners { id } }' }]),
      () => JSON.stringify({ query: '{ plans { id } }', variables: { a: '['.repeat(5000) } }),
      () => `{"query":"{ plans { id } }","variables":${'['.repeat(3000)}${']'.repeat(3000)}}`,
      () => '{"query":"{ plans { id } }","__proto__":{"admin":true}}',
      () => JSON.stringify({ query: '{ plans { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }),
      () => JSON.stringify({ query: 'query A { plans { id } } query B { partners { id } }' }),
      () => JSON.stringify({ query: 'query A { plans { id } } query B { partners { id } }', operationName: this.pick(['A', 'C', '']) }),
      () => JSON.stringify({ query: 'subscription { plans { id } }' }),
    ])();
  }

  private bytes(n: number): string {
    return Array.from({ length: n }, () => String.fromCharCode(this.rnd() < 0.8 ? this.int(0, 127) : this.int(128, 0xffff))).join('');
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rnd() * items.length)];
  }
}
