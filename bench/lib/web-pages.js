'use strict';
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
const { percentile, round, log } = require('./common');

const PLAN_ID = 'actieplan-pleegzorg-2017-2018';
const SESSION_COOKIE = 'actiemonitor_sessie';
const WEB_WARMUP = 200;
const WEB_REQUESTS = 500;
const WEB_BLOCK = 100;
const WEB_MIN_REQUESTS = 20;
const PARTNER_STATUSES = `{ partnerStatuses(planId: "${PLAN_ID}") { partner { id name } total overdue byStatus { status count } } }`;

/**
 * @param server   the running ProductServer (its `url` is …/graphql)
 * @param token    a coordinator token
 * @param manifest the generated history's manifest
 * @param dbFile   the server's database, read (read-only) to find the action with the most events
 * @param budgetMs the most measured time per target once WEB_MIN_REQUESTS are done
 */
async function measureWebPages(server, token, manifest, dbFile, budgetMs) {
  const origin = new URL(server.url).origin;
  const middle = new Date((Date.parse(manifest.historyStart) + Date.parse(manifest.historyEnd)) / 2);
  const action = busiestAction(dbFile, manifest, middle);
  const peildatum = middle.toISOString();
  log(`web: action ${action.id} (${action.events} events, plan ${action.planId}); peildatum ${peildatum}`);

  const jar = new SessionJar();
  await signIn(origin, token, jar);

  const page = (path, marker) => async () => {
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
    const json = JSON.parse(text);
    if (res.status !== 200 || json.errors || !json.data || !json.data.partnerStatuses)
      throw new Error(`partnerStatuses answered ${res.status} ${text.slice(0, 300)}`);
    return { ms, bytes: Buffer.byteLength(text) };
  };

  const targets = {
    planPage: { run: page(`/plannen/${PLAN_ID}`, `/plannen/${PLAN_ID}`) },
    actionPage: { run: page(`/acties/${encodeURIComponent(action.id)}`, action.id) },
    actionPageAsOf: { run: page(`/acties/${encodeURIComponent(action.id)}?peildatum=${encodeURIComponent(peildatum)}`, action.id) },
    graphqlPartnerStatuses: { run: graphql },
  };
  for (const t of Object.values(targets)) {
    t.samples = [];
    t.bytes = 0;
    t.measuredMs = 0;
  }

  for (const [name, t] of Object.entries(targets)) {
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

  const figures = {};
  for (const [name, t] of Object.entries(targets)) {
    figures[name] = {
      p50Ms: round(percentile(t.samples, 50), 2),
      p95Ms: round(percentile(t.samples, 95), 2),
      p99Ms: round(percentile(t.samples, 99), 2),
      maxMs: round(percentile(t.samples, 100), 2),
      requests: t.samples.length,
      kib: round(t.bytes / 1024, 1),
    };
    log(
      `web: ${name} p50 ${figures[name].p50Ms} ms, p95 ${figures[name].p95Ms} ms, p99 ${figures[name].p99Ms} ms (${t.samples.length} requests)`,
    );
  }
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
function busiestAction(dbFile, manifest, instant) {
  const planOf = new Map();
  for (const plan of manifest.plans) {
    if (Date.parse(plan.registeredAt) > instant.getTime()) continue;
    for (const id of plan.actionIds) if (!planOf.has(id)) planOf.set(id, plan.id);
  }
  const Database = require('better-sqlite3');
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        "SELECT substr(stream_id, 8) AS id, version FROM streams WHERE stream_id LIKE 'action-%' ORDER BY version DESC, stream_id LIMIT 1000",
      )
      .all();
    const row = rows.find((r) => planOf.has(r.id));
    if (!row) throw new Error('no action of a plan registered before the middle of the history among the 1,000 with the most events');
    return { id: row.id, events: Number(row.version), planId: planOf.get(row.id) };
  } finally {
    db.close();
  }
}

/** The session cookie, replaced whenever the server sends a new one (as a browser does). */
class SessionJar {
  constructor() {
    this.value = null;
  }

  update(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      if (pair.slice(0, eq).trim() === SESSION_COOKIE) this.value = pair.slice(eq + 1).trim();
    }
  }

  header() {
    if (!this.value) throw new Error(`no ${SESSION_COOKIE} cookie`);
    return `${SESSION_COOKIE}=${this.value}`;
  }
}

/** GET /inloggen (cookie + CSRF token), POST /inloggen with the token: 303 and a signed-in session cookie. */
async function signIn(origin, token, jar) {
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

function unescapeHtml(s) {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

module.exports = { measureWebPages, busiestAction };
