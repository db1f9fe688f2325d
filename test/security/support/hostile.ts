import { rawRequest, TestServer } from '../../support/test-server';

/**
 * What an error body must never carry in production: stack frames, file paths, module names, SQL or
 * driver messages, JavaScript's own error names.
 */
export const LEAK_PATTERNS: RegExp[] = [
  /\bat [\w$.<>[\]]+ \(/, // a V8 stack frame: "at fn (file:line:col)"
  /(\\n|\n)\s+at /, // a stack trace's next line
  /\/work\//,
  /node_modules/,
  /file:\/\//,
  /\.[cm]?[jt]s:\d+/,
  /SQLITE/i,
  /better-sqlite3/,
  /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError: Unexpected token)\b/,
  /"stack"/,
];

export function leaksIn(text: string): string[] {
  return LEAK_PATTERNS.filter((p) => p.test(text)).map((p) => p.source);
}

/** The number of events in the log as an auditor sees it, paging through `events`. */
export async function eventCountAsAuditor(server: TestServer, auditorToken: string): Promise<number> {
  let count = 0;
  let after: string | null = null;
  for (;;) {
    const res: any = await server.gql(
      `query ($after: String) { events(after: $after, first: 500) { nextAfter events { position } } }`,
      { after },
      auditorToken,
    );
    if (res.errors) throw new Error(`events as auditor failed: ${JSON.stringify(res.errors)}`);
    count += res.data.events.events.length;
    after = res.data.events.nextAfter;
    if (after === null) return count;
  }
}

export async function healthEvents(server: TestServer): Promise<string> {
  return (await rawRequest(server, { method: 'GET', path: '/health' })).body.events;
}

/** A seeded PRNG (mulberry32): the same seed gives the same sequence, so a failure reproduces. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
