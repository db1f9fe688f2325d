/**
 * The load generator, always run in its own process (fork with IPC) so it never shares an event loop
 * with a server it measures. Two modes:
 *
 *  - `autocannon`: one fixed GraphQL request under autocannon (used as a library), N connections,
 *    pipelining 1. Every response body must equal `expectBody` (checked by autocannon: mismatches),
 *    so a server that answers fast with errors cannot look good.
 *  - `mutations`: a closed loop of changeActionStatus from C concurrent clients. Each client owns its
 *    own actions and sends the version it last read as expectedVersion (as the README tells
 *    coordinators to), so clients never conflict with each other. autocannon cannot keep per-client
 *    state across requests (its context resets on every request), hence this small client on
 *    node:http with a keep-alive agent, one socket per client.
 */
import http from 'node:http';
import autocannon from 'autocannon';
import { answerParent, percentile, sleep } from './common';

export interface FixedLoadMessage {
  mode: 'autocannon';
  url: string;
  headers: Record<string, string>;
  body: string;
  expectBody: string;
  seconds: number;
  connections: number;
}

export interface FixedLoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  seconds: number;
}

export interface MutationsMessage {
  mode: 'mutations';
  url: string;
  token: string;
  clients: number;
  actionsPerClient: number;
  actions: { id: string; version: number }[];
  warmupSeconds: number;
  seconds: number;
  runId: string;
}

export interface MutationsResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  ok: number;
  conflicts: number;
  graphqlErrors: number;
  httpErrors: number;
  firstError: string | null;
  seconds: number;
  clients: number;
}

export type LoadMessage = FixedLoadMessage | MutationsMessage;

answerParent<LoadMessage, FixedLoadResult | MutationsResult>((message) =>
  message.mode === 'mutations' ? mutations(message) : fixed(message),
);

function fixed({ url, headers, body, connections, seconds, expectBody }: FixedLoadMessage): Promise<FixedLoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, method: 'POST', headers, body, connections, pipelining: 1, duration: seconds, expectBody, timeout: 30 },
      (error, r) => {
        if (error) return reject(error);
        const secondsRun = r.duration || seconds;
        resolve({
          rps: r.requests.total / secondsRun,
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          maxMs: r.latency.max,
          total: r.requests.total,
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
          mismatches: r.mismatches,
          seconds: secondsRun,
        });
      },
    );
  });
}

const MUTATION = `mutation Change($input: ChangeActionStatusInput!) { changeActionStatus(input: $input) { id status version } }`;

/** The parts of a GraphQL answer the mutation loop reads. */
interface MutationAnswer {
  data?: { changeActionStatus?: { id: string; status: string; version: number } | null } | null;
  errors?: { message?: string; extensions?: { code?: string; currentVersion?: unknown } }[];
}

async function mutations({
  url,
  token,
  clients,
  actionsPerClient,
  actions,
  warmupSeconds,
  seconds,
  runId,
}: MutationsMessage): Promise<MutationsResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const versions = new Map(actions.map((a) => [a.id, a.version]));
  const owned = Array.from({ length: clients }, (_, c) => actions.slice(c * actionsPerClient, (c + 1) * actionsPerClient).map((a) => a.id));
  let phase: 'warmup' | 'measure' | 'done' = 'warmup';
  let sequence = 0;
  const latencies: number[] = [];
  const counts = { ok: 0, graphqlErrors: 0, httpErrors: 0, conflicts: 0, firstError: null as string | null };

  async function client(c: number): Promise<void> {
    let turn = 0;
    while (phase !== 'done') {
      const actionId = owned[c][turn % owned[c].length];
      turn += 1;
      const flip = Math.floor(turn / owned[c].length) % 2 === 0;
      const input = {
        actionId,
        status: flip ? 'IN_PROGRESS' : 'AT_RISK',
        note: `Benchmark-rapportage ${runId} nr. ${++sequence}`,
        expectedVersion: versions.get(actionId),
        commandId: `bench-${runId}-${sequence}`,
      };
      const started = process.hrtime.bigint();
      const { status, body } = await post(target, agent, token, JSON.stringify({ query: MUTATION, variables: { input } }));
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const measuring = phase === 'measure';
      let parsed: MutationAnswer | null = null;
      try {
        parsed = JSON.parse(body) as MutationAnswer;
      } catch {
        /* counted below */
      }
      const answer = parsed && parsed.data && parsed.data.changeActionStatus;
      if (status === 200 && answer && !parsed?.errors) {
        versions.set(actionId, answer.version);
        if (measuring) {
          counts.ok += 1;
          latencies.push(ms);
        }
        continue;
      }
      const conflict = parsed && parsed.errors && parsed.errors.find((e) => e.extensions && e.extensions.code === 'CONFLICT');
      const currentVersion = conflict?.extensions?.currentVersion;
      if (typeof currentVersion === 'number') versions.set(actionId, currentVersion);
      if (measuring) {
        latencies.push(ms);
        if (conflict) counts.conflicts += 1;
        else if (status === 200) counts.graphqlErrors += 1;
        else counts.httpErrors += 1;
        counts.firstError ??= `${status} ${body.slice(0, 300)}`;
      }
    }
  }

  const loops = Array.from({ length: clients }, (_, c) => client(c));
  await sleep(warmupSeconds * 1000);
  phase = 'measure';
  const started = process.hrtime.bigint();
  await sleep(seconds * 1000);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const okCount = counts.ok;
  const measured = latencies.slice();
  phase = 'done';
  await Promise.all(loops);
  agent.destroy();
  return {
    rps: okCount / elapsed,
    p50Ms: percentile(measured, 50),
    p99Ms: percentile(measured, 99),
    maxMs: percentile(measured, 100),
    ok: okCount,
    conflicts: counts.conflicts,
    graphqlErrors: counts.graphqlErrors,
    httpErrors: counts.httpErrors,
    firstError: counts.firstError,
    seconds: elapsed,
    clients,
  };
}

function post(target: URL, agent: http.Agent, token: string, payload: string): Promise<{ status: number | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
