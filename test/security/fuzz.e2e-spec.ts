import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { ROOT, startTestServer, TestServer } from '../support/test-server';
import { FuzzCaller, FuzzCase, GraphQLFuzzer } from './support/graphql-fuzzer';
import { eventCountAsAuditor, healthEvents, leaksIn } from './support/hostile';

/**
 * Thousands of random and mutated GraphQL requests against the running server in production mode.
 * Nothing may answer 5xx or INTERNAL_SERVER_ERROR, leak a stack, path, SQL or driver message, stop the
 * server answering, or write an event. Bounded in count and time; FUZZ_SEED=<n> replays a run,
 * FUZZ_SEED=random explores, FUZZ_ITERATIONS and FUZZ_SECONDS change the bounds.
 */
const SEED = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 32) : Number(process.env.FUZZ_SEED ?? 20261123);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 5000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 35);
const CONCURRENCY = 4;

const SEED_QUERIES = [
  '{ plans { id title period { text start end } actionLines { id code title actions { id status } targets { id } } } }',
  '{ partners { id name kind aliases } }',
  'query ($p: ID) { actions(partnerId: $p) { id title status overdue deadline { text start end } owners { id } plan { title } actionLine { code } } }',
  '{ action(id: "pleegzorg-3-4") { id status statusNote version overdue involved { partnerId role partner { name } } targets { id attainment measurements { id value } } } }',
  '{ partnerStatuses(planId: "actieplan-pleegzorg-2017-2018") { partner { id } total overdue byStatus { status count } actions { id } } }',
  '{ target(id: "pleegzorg-3-inschrijvingen-2017") { id description baseline targetValue unit direction measurements { id value measuredAt source correction { reason } } } }',
  '{ events(first: 20, streamId: "action-pleegzorg-3-4") { nextAfter events { position streamId version type recordedAt actor { id partnerId role } commandId correlationId data hash } } }',
  '{ action(id: "pleegzorg-1-1", asOf: "2026-11-23T09:00:00Z") { status version } }',
  'mutation { changeActionStatus(input: { actionId: "pleegzorg-1-2", status: STOPPED, note: "x", expectedVersion: 1 }) { id } }',
];

interface Finding {
  seed: number;
  index: number;
  kind: string;
  caller: FuzzCaller;
  status: number;
  problem: string;
  body: string;
  answer: string;
}

describe(`fuzzing the GraphQL API (seed ${SEED})`, () => {
  let server: TestServer;
  const tokens: Partial<Record<FuzzCaller, string>> = { forged: 'am_' + 'Z'.repeat(43) };
  let eventsBefore: number;
  let healthBefore: string;

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    server = await startTestServer({ env: { NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0' } });
    tokens.auditor = await server.token('AUDITOR', null);
    tokens.partner = await server.token('PARTNER', 'NJI');
    tokens.coordinator = await server.token('COORDINATOR', 'VWS');
    eventsBefore = await eventCountAsAuditor(server, tokens.auditor);
    healthBefore = await healthEvents(server);
  });
  afterAll(() => server.close());

  it('answers every request without 5xx, leaks or writes, and keeps answering', async () => {
    const schema = buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));
    const fuzzer = new GraphQLFuzzer(schema, SEED, SEED_QUERIES);
    const findings: Finding[] = [];
    const kinds: Record<string, number> = {};
    const statuses: Record<number, number> = {};
    const deadline = Date.now() + SECONDS * 1000;
    let next = 0;
    let sent = 0;

    async function send(c: FuzzCase): Promise<void> {
      const headers: Record<string, string> = {};
      if (c.contentType) headers['content-type'] = c.contentType;
      const token = tokens[c.caller];
      if (token) headers.authorization = `Bearer ${token}`;
      let status = 0;
      let answer: string;
      try {
        const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: c.body, signal: AbortSignal.timeout(10_000) });
        status = res.status;
        answer = await res.text();
      } catch (error) {
        answer = `no answer: ${error instanceof Error ? error.message : String(error)}`;
      }
      sent += 1;
      kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
      statuses[status] = (statuses[status] ?? 0) + 1;
      const problems = [
        status === 0 || status >= 500 ? `HTTP ${status}` : null,
        /"INTERNAL_SERVER_ERROR"/.test(answer) ? 'INTERNAL_SERVER_ERROR' : null,
        ...leaksIn(answer).map((p) => `leak ${p}`),
      ].filter((p): p is string => p !== null);
      if (problems.length > 0 && findings.length < 20) {
        findings.push({
          seed: SEED,
          index: c.index,
          kind: c.kind,
          caller: c.caller,
          status,
          problem: problems.join(', '),
          body: c.body.slice(0, 600),
          answer: answer.slice(0, 600),
        });
      }
    }

    async function worker(): Promise<void> {
      while (next < ITERATIONS && Date.now() < deadline) {
        const index = next++;
        await send(fuzzer.generate(index));
        if (index % 250 === 0) {
          const health = await fetch(`${server.url}/health`);
          if (health.status !== 200)
            findings.push({
              seed: SEED,
              index,
              kind: 'health',
              caller: 'anonymous',
              status: health.status,
              problem: 'health check failed',
              body: '',
              answer: await health.text(),
            });
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    console.log(`fuzz seed ${SEED}: ${sent} requests; kinds ${JSON.stringify(kinds)}; statuses ${JSON.stringify(statuses)}`);
    expect(findings).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(Math.min(ITERATIONS, 500));
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(await eventCountAsAuditor(server, tokens.auditor!)).toBe(eventsBefore);
    expect(await healthEvents(server)).toBe(healthBefore);
  }, 120_000);
});
