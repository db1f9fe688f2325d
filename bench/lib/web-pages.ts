/**
 * The web dashboard's pages, measured like a browser uses them: signed in once through the sign-in form
 * (session cookie + CSRF token), then sequential GETs from the bench process with that cookie (kept up to
 * date from every `set-cookie`, as a browser would). Four targets, measured alike so they can be compared:
 *
 *  - plan:         GET /plannen/actieplan-pleegzorg-2017-2018
 *  - action:       GET /acties/<the action with the most events of the plans that existed mid-history>
 *  - actionAsOf:   the same page with ?peildatum=<the middle of the history>
 *  - graphql:      POST /graphql partnerStatuses(planId: the same plan) with the bearer token (the baseline)
 *
 * Warm-up per target, then blocks of WEB_BLOCK requests rotating over the targets until each has
 * WEB_REQUESTS (or its time budget is spent), so drift and noise fall on every target alike.
 * Every answer is checked (status, content type, a marker in the body); a wrong answer fails the run.
 */
import Database from 'better-sqlite3';
import { log, percentile, round } from './common';
import type { HistoryManifest } from './generate';

const PLAN_ID = 'actieplan-pleegzorg-2017-2018';
const SESSION_COOKIE = 'actiemonitor_sessie';
const WEB_WARMUP = 200;
const WEB_REQUESTS = 500;
const WEB_BLOCK = 100;
const WEB_MIN_REQUESTS = 20;
const PARTNER_STATUSES = `{ partnerStatuses(planId: "${PLAN_ID}") { partner { id name } total overdue byStatus { status count } } }`;

type TargetName = 'planPage' | 'actionPage' | 'actionPageAsOf' | 'graphqlPartnerStatuses';

interface Target {
  run: () => Promise<{ ms: number; bytes: number }>;
  samples: number[];
  bytes: number;
  measuredMs: number;
}

export interface WebFigure {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  kib: number;
}

export type WebResult = {
  planPageP95Ms: number;
  actionPageP95Ms: number;
  actionPageAsOfP95Ms: number;
  graphqlPartnerStatusesP95Ms: number;
  p95RatioToGraphql: { planPage: number; actionPage: number; actionPageAsOf: number };
} & Record<TargetName, WebFigure> & {
    planId: string;
    actionId: string;
    actionEvents: number;
    actionPlanId: string;
    peildatum: string;
    warmupRequests: number;
    method: string;
  };

/**
 * @param server   the running product server (its `url` is …/graphql)
 * @param token    a coordinator token
 * @param manifest the generated history's manifest
 * @param dbFile   the server's database, read (read-only) to find the action with the most events
 * @param budgetMs the most measured time per target once WEB_MIN_REQUESTS are done
 */
export async function measureWebPages(
  server: { readonly url: string },
  token: string,
  manifest: HistoryManifest,
  dbFile: string,
  budgetMs: number,
): Promise<WebResult> {
  const origin = new URL(server.url).origin;
  const middle = new Date((Date.parse(manifest.historyStart) + Date.parse(manifest.historyEnd)) / 2);
  const action = busiestAction(dbFile, manifest, middle);
  const peildatum = middle.toISOString();
  log(`web: action ${action.id} (${action.events} events, plan ${action.planId}); peildatum ${peildatum}`);

  const jar = new SessionJar();
  await signIn(origin, token, jar);

  const page = (path: string, marker: string) => async () => {
    const t = process.hrtime.bigint();
    const res = await fetch(origin + path, { headers: { cookie: jar.header(), accept: 'text/html' }, redirect: 'manual' });
    const body = await res.text();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    jar.update(res);
    const type = res.headers.get('content-type') || '';
    if (res.status !== 200 || !type.startsWith('text/html') || !body.includes(marker)) {
      throw new Error(`GET ${path} answered ${res.status} ${type} ${res.headers.get('location') || ''}: ${body.slice(0, 300)}`);
    }
    return { ms, bytes: Buffer.byteLength(body) };
  };
  const graphqlBody = JSON.stringify({ query: PARTNER_STATUSES });
  const graphql = async () => {
    const t = process.hrtime.bigint();
    const res = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: graphqlBody,
    });
    const text = await res.text();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const json = JSON.parse(text) as { data?: { partnerStatuses?: unknown } | null; errors?: unknown };
    if (res.status !== 200 || json.errors || !json.data || !json.data.partnerStatuses)
      throw new Error(`partnerStatuses answered ${res.status} ${text.slice(0, 300)}`);
    return { ms, bytes: Buffer.byteLength(text) };
  };

  const target = (run: Target['run']): Target => ({ run, samples: [], bytes: 0, measuredMs: 0 });
  const targets: Record<TargetName, Target> = {
    planPage: target(page(`/plannen/${PLAN_ID}`, `/plannen/${PLAN_ID}`)),
    actionPage: target(page(`/acties/${encodeURIComponent(action.id)}`, action.id)),
    actionPageAsOf: target(page(`/acties/${encodeURIComponent(action.id)}?peildatum=${encodeURIComponent(peildatum)}`, action.id)),
    graphqlPartnerStatuses: target(graphql),
  };
  const entries = Object.entries(targets) as [TargetName, Target][];

  for (const [name, t] of entries) {
    const until = Date.now() + budgetMs / 2;
    let n = 0;
    for (; n < WEB_WARMUP && (n < WEB_MIN_REQUESTS || Date.now() < until); n++) t.bytes = (await t.run()).bytes;
    log(`web: ${name} warmed up with ${n} requests (${Math.round(t.bytes / 1024)} KiB per answer)`);
  }
  for (;;) {
    let progressed = false;
    for (const t of Object.values(targets)) {
      for (
        let i = 0;
        i < WEB_BLOCK && t.samples.length < WEB_REQUESTS && (t.samples.length < WEB_MIN_REQUESTS || t.measuredMs < budgetMs);
        i++
      ) {
        const r = await t.run();
        t.samples.push(r.ms);
        t.measuredMs += r.ms;
        progressed = true;
      }
    }
    if (!progressed) break;
  }

  const figureOf = (name: TargetName, t: Target): WebFigure => {
    const figure = {
      p50Ms: round(percentile(t.samples, 50), 2),
      p95Ms: round(percentile(t.samples, 95), 2),
      p99Ms: round(percentile(t.samples, 99), 2),
      maxMs: round(percentile(t.samples, 100), 2),
      requests: t.samples.length,
      kib: round(t.bytes / 1024, 1),
    };
    log(`web: ${name} p50 ${figure.p50Ms} ms, p95 ${figure.p95Ms} ms, p99 ${figure.p99Ms} ms (${t.samples.length} requests)`);
    return figure;
  };
  const figures: Record<TargetName, WebFigure> = {
    planPage: figureOf('planPage', targets.planPage),
    actionPage: figureOf('actionPage', targets.actionPage),
    actionPageAsOf: figureOf('actionPageAsOf', targets.actionPageAsOf),
    graphqlPartnerStatuses: figureOf('graphqlPartnerStatuses', targets.graphqlPartnerStatuses),
  };
  const base = figures.graphqlPartnerStatuses.p95Ms;
  return {
    planPageP95Ms: figures.planPage.p95Ms,
    actionPageP95Ms: figures.actionPage.p95Ms,
    actionPageAsOfP95Ms: figures.actionPageAsOf.p95Ms,
    graphqlPartnerStatusesP95Ms: base,
    p95RatioToGraphql: {
      planPage: round(figures.planPage.p95Ms / base, 2),
      actionPage: round(figures.actionPage.p95Ms / base, 2),
      actionPageAsOf: round(figures.actionPageAsOf.p95Ms / base, 2),
    },
    ...figures,
    planId: PLAN_ID,
    actionId: action.id,
    actionEvents: action.events,
    actionPlanId: action.planId,
    peildatum,
    warmupRequests: WEB_WARMUP,
    method: `sequential, one client, ${WEB_WARMUP} warm-up requests per target, then blocks of ${WEB_BLOCK} rotating over the targets up to ${WEB_REQUESTS} each`,
  };
}

/**
 * The action with the most events (its stream version) among the actions of plans registered before
 * `instant`, so that the page at that peildatum shows it too.
 */
export function busiestAction(dbFile: string, manifest: HistoryManifest, instant: Date): { id: string; events: number; planId: string } {
  const planOf = new Map<string, string>();
  for (const plan of manifest.plans) {
    if (Date.parse(plan.registeredAt ?? '') > instant.getTime()) continue;
    for (const id of plan.actionIds) if (!planOf.has(id)) planOf.set(id, plan.id);
  }
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[], { id: string; version: number }>(
        "SELECT substr(stream_id, 8) AS id, max(version) AS version FROM events WHERE stream_id LIKE 'action-%' GROUP BY stream_id ORDER BY version DESC, stream_id LIMIT 1000",
      )
      .all();
    const row = rows.find((r) => planOf.has(r.id));
    const planId = row && planOf.get(row.id);
    if (!row || planId === undefined)
      throw new Error('no action of a plan registered before the middle of the history among the 1,000 with the most events');
    return { id: row.id, events: Number(row.version), planId };
  } finally {
    db.close();
  }
}

/** The session cookie, replaced whenever the server sends a new one (as a browser does). */
class SessionJar {
  value: string | null = null;

  update(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      if (pair.slice(0, eq).trim() === SESSION_COOKIE) this.value = pair.slice(eq + 1).trim();
    }
  }

  header(): string {
    if (!this.value) throw new Error(`no ${SESSION_COOKIE} cookie`);
    return `${SESSION_COOKIE}=${this.value}`;
  }
}

/** GET /inloggen (cookie + CSRF token), POST /inloggen with the token: 303 and a signed-in session cookie. */
async function signIn(origin: string, token: string, jar: SessionJar): Promise<void> {
  const form = await fetch(`${origin}/inloggen`, { redirect: 'manual' });
  const html = await form.text();
  jar.update(form);
  const input = /<input\b[^>]*\bname="_csrf"[^>]*>/.exec(html);
  const csrf = input && /\bvalue="([^"]*)"/.exec(input[0]);
  if (form.status !== 200 || !csrf) throw new Error(`GET /inloggen answered ${form.status} without a _csrf field: ${html.slice(0, 300)}`);
  const before = jar.value;
  const res = await fetch(`${origin}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ _csrf: unescapeHtml(csrf[1]), terug: '/', token }).toString(),
  });
  const text = await res.text();
  jar.update(res);
  if (res.status !== 303 || jar.value === before)
    throw new Error(`POST /inloggen answered ${res.status} (new cookie: ${jar.value !== before}): ${text.slice(0, 300)}`);
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
