/**
 * Writes a realistic synthetic history into a fresh SQLite file with the product's own code:
 *
 *  1. the two real plans and the 40 partners, through the product's PlanImporter on the command bus
 *     (exactly the events and command ids `npm start` would record), then
 *  2. many more plans (200 at 1,000,000 events: 5 action lines × 50 actions, 2 targets per line), each
 *     registered in a burst, and between them a stream of status changes, corrections, reschedules,
 *     owner changes, plan adoptions, measurements, corrections of measurements and baselines on random
 *     actions and targets, spread over two simulated years (2024-01-01 .. 2025-12-31).
 *
 * Every event goes through SqliteEventStore.append (hash chain, positions, commands table, stream
 * versions), with the data shapes of libs/domain/src/** (the domain's event types), valid for the
 * deciders (previousStatus, correctsVersion, owners, ...), many appends per SQLite transaction for
 * speed. Read models are not built here: the bench measures that as replay.
 *
 * Usage: node <build>/bench/lib/generate.js <events> <out.sqlite> <manifest.json>
 */
import 'reflect-metadata';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApplicationModule, PlanImporter, readPlanData } from '@actiemonitor/application';
import { loadConfiguration } from '@actiemonitor/config';
import { parsePeriod, upcast } from '@actiemonitor/domain';
import type { ActionRegistered, ActionStatus, AnyDomainEvent, InvolvementRole, Period } from '@actiemonitor/domain';
import { SqliteEventStore } from '@actiemonitor/event-store';
import type { AppendRequest, AppendResult } from '@actiemonitor/event-store';
import { PersistenceModule } from '@actiemonitor/platform';
import { GENERATOR_VERSION, log, PLANS_DIR, rng } from './common';
import type { Random } from './common';

const HISTORY_START = Date.parse('2024-01-01T07:00:00.000Z');
const HISTORY_END = Date.parse('2025-12-31T17:00:00.000Z');
const LINES_PER_PLAN = 5;
const ACTIONS_PER_LINE = 50;
const TARGETS_PER_LINE = 2;
const EVENTS_PER_PLAN_OF_HISTORY = 5000; // 1,000,000 events → 200 plans, 50,000 actions (~19 changes each)
const APPENDS_PER_TRANSACTION = 5000;

/** What run.ts gets besides the file: the history's extent and the plans and actions it may ask about. */
export interface HistoryManifest {
  generatorVersion: number;
  events: number;
  historyStart: string;
  historyEnd: string;
  realPlanIds: string[];
  partners: string[];
  plans: { id: string; registeredAt: string | null; real: boolean; actionIds: string[] }[];
  actions: number;
  counts: Record<string, number>;
}

interface PlanState {
  id: string;
  version: number;
  lines: string[];
  registeredAt: string | null;
  real: boolean;
  actionIds: string[];
}

interface ActionState {
  id: string;
  version: number;
  status: ActionStatus;
  note: string | null;
  lastStatusReportVersion: number;
  owners: string[];
  involved: string[];
  deadline: Period | null;
  planIds: string[];
}

interface TargetState {
  id: string;
  version: number;
  quantitative: boolean;
  measurements: number;
  baseline: number | null;
}

interface World {
  head: number;
  partners: string[];
  realPlanIds: string[];
  plans: Map<string, PlanState>;
  actions: Map<string, ActionState>;
  targets: Map<string, TargetState>;
}

type EventType = AnyDomainEvent['type'];
type DataOf<T extends EventType> = Extract<AnyDomainEvent, { type: T }>['data'];

/** The simulated clock the store records with; measurement dates follow it. */
let simulatedNow = HISTORY_START;
const now = () => simulatedNow;

async function main(): Promise<void> {
  const total = Number(process.argv[2]);
  const out = process.argv[3];
  const manifestFile = process.argv[4];
  if (!Number.isSafeInteger(total) || total < 2000 || !out || !manifestFile) {
    throw new Error('usage: generate.js <events ≥ 2000> <out.sqlite> <manifest.json>');
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(out + suffix, { force: true });

  const random = rng(20261123);
  const meanGap = (HISTORY_END - HISTORY_START) / total;
  /** Simulated time: every event is recorded a little later than the one before (mean gap 2 years / N). */
  const tick = () => {
    simulatedNow += meanGap * (0.2 + 1.6 * random());
    return new Date(Math.floor(simulatedNow));
  };

  await importRealPlans(out, tick);

  const db = SqliteEventStore.openDatabase(out);
  // Generation speed only (the file's format is unchanged): a big page cache, and no fsync per
  // transaction; the file is checkpointed and closed cleanly at the end, before anything reads it.
  db.pragma('cache_size = -262144');
  db.pragma('synchronous = OFF');
  const store = new SqliteEventStore({ database: db, clock: tick });
  const world = readImportedWorld(store);
  log(`generate: imported ${world.head} events of the real plans; generating up to ${total}`);

  const g = new HistoryGenerator(random, world, total);
  let pending: Promise<AppendResult>[] = [];
  let written = world.head;
  const started = Date.now();
  while (written < total) {
    const chunk = Math.min(APPENDS_PER_TRANSACTION, total - written);
    db.transaction(() => {
      for (let i = 0; i < chunk; i++) pending.push(store.append(g.next(written + i + 1)));
    })();
    // append() is async but does its work synchronously; a failure would reject here and stop the run.
    await Promise.all(pending);
    pending = [];
    written += chunk;
    if (written % 100_000 < APPENDS_PER_TRANSACTION)
      log(`generate: ${written} events (${Math.round((written - world.head) / ((Date.now() - started) / 1000))}/s)`);
  }
  const head = Number(await store.headPosition());
  const lastRecordedAt = db.prepare<[], string>('SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1').pluck().get() ?? '';
  const planRegisteredAt = new Map(
    db
      .prepare<[], { id: string; at: string }>(
        "SELECT json_extract(data, '$.planId') AS id, recorded_at AS at FROM events WHERE type = 'PlanRegistered'",
      )
      .all()
      .map((row) => [row.id, row.at]),
  );
  for (const plan of g.plans) plan.registeredAt = planRegisteredAt.get(plan.id) ?? null;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  const manifest: HistoryManifest = {
    generatorVersion: GENERATOR_VERSION,
    events: head,
    historyStart: new Date(HISTORY_START).toISOString(),
    historyEnd: lastRecordedAt,
    realPlanIds: world.realPlanIds,
    partners: world.partners,
    plans: g.plans.map((p) => ({ id: p.id, registeredAt: p.registeredAt, real: p.real, actionIds: p.actionIds })),
    actions: g.actions.length,
    counts: g.counts,
  };
  writeFileSync(manifestFile, JSON.stringify(manifest));
  log(
    `generate: done, ${head} events, ${g.plans.length} plans, ${g.actions.length} actions in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** The product's own importer on the command bus, with the simulated clock, into the new file. */
async function importRealPlans(file: string, tick: () => Date): Promise<void> {
  const config = loadConfiguration({ DATA_DIR: dirname(file), LOG_LEVEL: 'silent', IMPORT_ON_START: 'false' });
  class GenerateModule {}
  Module({ imports: [PersistenceModule.forRoot({ config, clock: { now: tick }, databaseFile: file }), ApplicationModule] })(GenerateModule);
  const app = await NestFactory.createApplicationContext(GenerateModule, { logger: false });
  try {
    const report = await app.get(PlanImporter).import(readPlanData(PLANS_DIR));
    if (report.applied === 0) throw new Error('the importer recorded nothing');
  } finally {
    await app.close();
  }
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the import recorded no ${what}`);
  return value;
}

/** What the import recorded: partners, plans with their lines, actions and targets with their versions. */
function readImportedWorld(store: SqliteEventStore): World {
  const world: World = { head: 0, partners: [], realPlanIds: [], plans: new Map(), actions: new Map(), targets: new Map() };
  for (const e of store.iterateAll(0n, 5000)) {
    world.head = Number(e.position);
    const event = upcast(e);
    switch (event.type) {
      case 'PartnerRegistered':
        world.partners.push(event.data.partnerId);
        break;
      case 'PlanRegistered': {
        const d = event.data;
        world.realPlanIds.push(d.planId);
        world.plans.set(d.planId, { id: d.planId, version: 1, lines: [], registeredAt: e.metadata.recordedAt, real: true, actionIds: [] });
        break;
      }
      case 'ActionLineRegistered': {
        const plan = found(world.plans.get(event.data.planId), `plan ${event.data.planId}`);
        plan.lines.push(event.data.actionLineId);
        plan.version += 1;
        break;
      }
      case 'ActionRegistered': {
        const d = event.data;
        world.actions.set(d.actionId, newActionState(d));
        found(world.plans.get(d.planId), `plan ${d.planId}`).actionIds.push(d.actionId);
        break;
      }
      case 'ActionAddedToPlan': {
        const action = found(world.actions.get(event.data.actionId), `action ${event.data.actionId}`);
        action.version += 1;
        action.planIds.push(event.data.planId);
        break;
      }
      case 'ActionLevelSet': {
        // The importer sets the level of actions the plan files classify (issue 15): one more version.
        found(world.actions.get(event.data.actionId), `action ${event.data.actionId}`).version += 1;
        break;
      }
      case 'TargetDefined': {
        const d = event.data;
        world.targets.set(d.targetId, {
          id: d.targetId,
          version: 1,
          quantitative: d.direction !== 'QUALITATIVE',
          measurements: 0,
          baseline: d.baseline,
        });
        break;
      }
      case 'ParliamentaryReferenceRegistered':
      case 'ParliamentaryReferenceLinked':
      case 'ThemeDefined':
      case 'ActionLinkedToTheme':
      case 'ContextSeriesDefined':
      case 'ContextFigureRecorded':
        // The plans' context (issue 15) lives in streams of its own: no action, target or plan version moves.
        break;
      default:
        throw new Error(`unexpected imported event ${e.type}`);
    }
  }
  return world;
}

function newActionState(d: ActionRegistered['data']): ActionState {
  return {
    id: d.actionId,
    version: 1,
    status: 'NOT_REPORTED',
    note: null,
    lastStatusReportVersion: 0,
    owners: [...d.owners],
    involved: d.involved.map((i) => i.partnerId),
    deadline: d.deadline,
    planIds: [d.planId],
  };
}

const NEXT_STATUSES: Record<ActionStatus, readonly ActionStatus[]> = {
  NOT_REPORTED: ['NOT_STARTED', 'IN_PROGRESS', 'IN_PROGRESS'],
  NOT_STARTED: ['IN_PROGRESS', 'IN_PROGRESS', 'DELAYED'],
  IN_PROGRESS: ['IN_PROGRESS', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED'],
  AT_RISK: ['IN_PROGRESS', 'DELAYED', 'STOPPED'],
  DELAYED: ['IN_PROGRESS', 'AT_RISK', 'STOPPED'],
  COMPLETED: ['IN_PROGRESS', 'COMPLETED'],
  STOPPED: ['IN_PROGRESS', 'NOT_STARTED'],
};

const STATUS_NOTES = [
  'Eerste goede voorbeelden verzameld',
  'Startbijeenkomst met de regio’s gehouden; werkgroep samengesteld',
  'Conceptrapport ligt ter bespreking bij de stuurgroep',
  'Vertraging door wisseling van projectleider bij de uitvoerende partij',
  'Financiering voor het tweede jaar nog niet rond; gesprek met VWS gepland',
  'Pilot loopt in vier regio’s, tussenevaluatie in het volgende kwartaal',
  'Handreiking gepubliceerd en verspreid onder gemeenten en aanbieders',
  'Minder aanmeldingen dan verwacht; wervingscampagne verlengd',
  'Afgerond: eindrapport aangeboden aan de Tweede Kamer',
  'Gestopt: opgegaan in de Hervormingsagenda Jeugd',
  'Knelpuntenanalyse afgerond, verbetervoorstellen in voorbereiding',
  'Scholing van gezinshuisouders gestart met 120 deelnemers',
  'Monitor pleegzorg uitgebreid met de uitstroomcijfers',
  'Afstemming met de inspectie over het toetsingskader loopt',
];
const REASONS = [
  'Afhankelijk van de uitkomst van het landelijke onderzoek',
  'Capaciteit bij de uitvoerende partij tijdelijk te beperkt',
  'Besluit van de stuurgroep op basis van de voortgangsrapportage',
  'Gemeenten vroegen om meer tijd voor de implementatie',
  'Samengevoegd met een verwante actie in een ander plan',
];
const TITLE_HEADS = [
  'Onderzoek naar',
  'Pilot',
  'Handreiking',
  'Kennisdossier',
  'Landelijke campagne voor',
  'Implementatie van',
  'Monitor',
  'Expertteam',
  'Scholingsaanbod',
  'Werkagenda',
];
const TITLE_TAILS = [
  'continuïteit en stabiliteit van plaatsingen',
  'werving en behoud van pleegouders',
  'ondersteuning van gezinshuisouders',
  'perspectief voor jongeren na hun 18e',
  'samenwerking tussen gemeenten en aanbieders',
  'kleinschalige voorzieningen in de regio',
  'inspraak van jeugdigen en ouders',
  'de kwaliteit van residentiële jeugdhulp',
  'het terugdringen van uithuisplaatsingen',
  'regionale inkoop van jeugdhulp',
];
const PLAN_NAMES = [
  'actieplan-pleegzorg',
  'koers-gezinshuizen',
  'programma-jeugdhulp',
  'actieagenda-residentieel',
  'werkagenda-gezinsvormen',
  'regioplan-jeugd',
];
const SOURCES = ['CBS Jeugdmonitor', 'Pleegzorg Nederland', 'Nederlands Jeugdinstituut', 'Jeugdzorg Nederland', 'Gezinshuis.com'];
const INVOLVEMENT_ROLES: readonly InvolvementRole[] = ['FINANCIER', 'COLLABORATOR', 'CONSULTED', 'CONTRIBUTOR', 'SUPPORTER'];
const COORDINATORS = ['VWS', 'VNG', 'JN'];

function periodOf(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(`not a period: ${text}: ${parsed.message.en}`);
  return parsed.period;
}

class HistoryGenerator {
  private readonly partners: string[];
  private readonly likelyOwners: string[];
  private readonly deadlines: Period[] = [];
  private readonly planPeriod: Period;
  readonly plans: PlanState[];
  readonly actions: ActionState[];
  private readonly targets: TargetState[];
  private readonly quantitativeTargets: TargetState[];
  private readonly syntheticPlans: number;
  private readonly planEvery: number;
  private burst: (() => AppendRequest)[] = [];
  private planCount = 0;
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly random: Random,
    world: World,
    total: number,
  ) {
    this.partners = world.partners;
    // The big organisations own most actions, as in the real plans.
    this.likelyOwners = ['VWS', 'VNG', 'JN', 'NJI', 'NVP', 'GEMEENTEN', 'ZORGAANBIEDERS', 'PLEEGZORG-NEDERLAND'].filter((p) =>
      this.partners.includes(p),
    );
    for (const year of [2024, 2025, 2026, 2027]) {
      for (const text of [
        `medio ${year}`,
        `eind ${year}`,
        `begin ${year}`,
        `Q1 ${year}`,
        `Q2 ${year}`,
        `Q3 ${year}`,
        `Q4 ${year}`,
        `${year}`,
        `${year}/${year + 1}`,
        `voorjaar ${year}`,
        `najaar ${year}`,
      ]) {
        const parsed = parsePeriod(text);
        if (parsed.ok) this.deadlines.push(parsed.period);
      }
    }
    this.planPeriod = periodOf('2024-2026');
    this.plans = [...world.plans.values()];
    this.actions = [...world.actions.values()];
    this.targets = [...world.targets.values()];
    this.quantitativeTargets = this.targets.filter((t) => t.quantitative);
    this.syntheticPlans = Math.max(1, Math.round(total / EVENTS_PER_PLAN_OF_HISTORY));
    // Plans are registered over the first 60% of the history; the rest is updates on what exists.
    this.planEvery = Math.max(1, Math.floor((total * 0.6) / this.syntheticPlans));
  }

  /** The next append request (one command, one event, as the product's commands are). */
  next(position: number): AppendRequest {
    if (this.burst.length === 0 && this.planCount < this.syntheticPlans && position >= this.planCount * this.planEvery) {
      this.burst = this.planBurst(++this.planCount);
    }
    const step = this.burst.shift();
    const request = step ? step() : this.update();
    this.counts[request.events[0].type] = (this.counts[request.events[0].type] ?? 0) + 1;
    return request;
  }

  private request<T extends EventType>(streamId: string, expectedVersion: number, type: T, data: DataOf<T>): AppendRequest {
    const r = this.random;
    const coordinator = r.pick(COORDINATORS);
    return {
      streamId,
      // The store keeps event data as plain JSON objects.
      events: [{ type, schemaVersion: 1, data: data as unknown as Record<string, unknown> }],
      expectedVersion,
      commandId: uuid(r),
      correlationId: uuid(r),
      actor: { id: `tok-bench-${coordinator.toLowerCase()}`, partnerId: coordinator, role: 'COORDINATOR' },
    };
  }

  /** A new plan with its lines, actions and targets, as a coordinator's import of a new plan would record it. */
  private planBurst(n: number): (() => AppendRequest)[] {
    const r = this.random;
    const id = `${r.pick(PLAN_NAMES)}-${String(n).padStart(3, '0')}-2024-2026`;
    const plan: PlanState = { id, version: 0, lines: [], registeredAt: null, real: false, actionIds: [] };
    const steps: (() => AppendRequest)[] = [];
    steps.push(() => {
      plan.version = 1;
      this.plans.push(plan);
      return this.request(`plan-${id}`, 0, 'PlanRegistered', {
        planId: id,
        title: `${r.pick(['Actieplan', 'Programma', 'Actieagenda', 'Werkagenda'])} ${r.pick(TITLE_TAILS)} ${n} (2024-2026)`,
        period: this.planPeriod,
        sourceDocument: `bench-${n}.pdf`,
      });
    });
    for (let l = 1; l <= LINES_PER_PLAN; l++) {
      const lineId = `${id.slice(0, 40)}-l${l}`;
      steps.push(() => {
        plan.lines.push(lineId);
        return this.request(`plan-${id}`, plan.version++, 'ActionLineRegistered', {
          planId: id,
          actionLineId: lineId,
          code: String(l),
          title: capitalise(r.pick(TITLE_TAILS)),
        });
      });
    }
    for (let l = 1; l <= LINES_PER_PLAN; l++) {
      const lineId = `${id.slice(0, 40)}-l${l}`;
      for (let a = 1; a <= ACTIONS_PER_LINE; a++) {
        steps.push(() => this.registerAction(plan, lineId, `${id.slice(0, 40)}-${l}-${a}`));
      }
    }
    for (let l = 1; l <= LINES_PER_PLAN; l++) {
      for (let t = 1; t <= TARGETS_PER_LINE; t++) steps.push(() => this.defineTarget(plan, l, t));
    }
    return steps;
  }

  private registerAction(plan: PlanState, lineId: string, actionId: string): AppendRequest {
    const r = this.random;
    const owners = this.someOwners(1 + (r() < 0.5 ? 0 : r() < 0.7 ? 1 : 2));
    const involved: { partnerId: string; role: InvolvementRole }[] = [];
    for (let i = r.int(3); i > 0; i--) {
      const partnerId = r.pick(this.partners);
      if (!owners.includes(partnerId) && !involved.some((x) => x.partnerId === partnerId))
        involved.push({ partnerId, role: r.pick(INVOLVEMENT_ROLES) });
    }
    const tail = r.pick(TITLE_TAILS);
    const data: ActionRegistered['data'] = {
      actionId,
      planId: plan.id,
      actionLineId: lineId,
      title: `${r.pick(TITLE_HEADS)} ${tail}`,
      result: `Resultaat: ${tail} is verbeterd en geborgd; de aanpak is beschreven in een handreiking die gemeenten, aanbieders en cliëntorganisaties samen hebben opgesteld en getoetst in de praktijk.`,
      owners,
      ownerScope: r() < 0.1 ? 'samen met de regio’s' : null,
      involved,
      deadline: r() < 0.05 ? null : r.pick(this.deadlines),
      provenance: { origin: 'TABLE', sourceText: `${owners.join(', ')} ${tail}`, note: null },
    };
    const state = newActionState(data);
    this.actions.push(state);
    plan.actionIds.push(actionId);
    return this.request(`action-${actionId}`, 0, 'ActionRegistered', data);
  }

  private defineTarget(plan: PlanState, line: number, t: number): AppendRequest {
    const r = this.random;
    const lineId = plan.lines[line - 1];
    const targetId = `${plan.id.slice(0, 40)}-${line}-doel-${t}`;
    const quantitative = t === 1;
    const actionIds = plan.actionIds.filter((id) => id.startsWith(`${plan.id.slice(0, 40)}-${line}-`)).slice(0, 3);
    const target: TargetState = { id: targetId, version: 1, quantitative, measurements: 0, baseline: quantitative ? 100 : null };
    this.targets.push(target);
    if (quantitative) this.quantitativeTargets.push(target);
    return this.request(`target-${targetId}`, 0, 'TargetDefined', {
      targetId,
      planId: plan.id,
      actionLineId: lineId,
      actionIds,
      owners: this.someOwners(1),
      description: quantitative
        ? `Meer ${r.pick(['pleeggezinnen', 'gezinshuizen', 'jongeren met een vast perspectief'])} in 2026`
        : `Partijen werken samen aan ${r.pick(TITLE_TAILS)}`,
      sourceText: null,
      unit: quantitative ? 'aantal' : null,
      baseline: quantitative ? 100 : null,
      baselineDate: quantitative ? '2023-12-31' : null,
      baselineNote: null,
      targetValue: quantitative ? 150 : null,
      dueDate: quantitative ? '2026-12-31' : null,
      direction: quantitative ? 'INCREASE' : 'QUALITATIVE',
      note: null,
    });
  }

  private update(): AppendRequest {
    const r = this.random;
    const x = r();
    if (x < 0.78) return this.changeStatus();
    if (x < 0.8) return this.correctStatus();
    if (x < 0.86) return this.reschedule();
    if (x < 0.89) return this.assignOwner();
    if (x < 0.91) return this.removeOwner();
    if (x < 0.915) return this.addToPlan();
    if (x < 0.985) return this.recordMeasurement();
    if (x < 0.995) return this.correctMeasurement();
    return this.recordBaseline();
  }

  private changeStatus(action: ActionState = this.random.pick(this.actions)): AppendRequest {
    const r = this.random;
    const status = r.pick(NEXT_STATUSES[action.status]);
    const note = `${r.pick(STATUS_NOTES)} (stand ${action.version + 1})`;
    const data = { actionId: action.id, status, previousStatus: action.status, note };
    action.status = status;
    action.note = note;
    action.lastStatusReportVersion = action.version + 1;
    return this.request(`action-${action.id}`, action.version++, 'ActionStatusChanged', data);
  }

  private correctStatus(): AppendRequest {
    const r = this.random;
    const action = r.pick(this.actions);
    if (action.lastStatusReportVersion === 0) return this.changeStatus(action);
    const choices = NEXT_STATUSES[action.status].filter((s) => s !== action.status);
    const status = choices.length > 0 ? r.pick(choices) : 'IN_PROGRESS';
    const data = {
      actionId: action.id,
      correctsVersion: action.lastStatusReportVersion,
      status,
      previousStatus: action.status,
      note: `${r.pick(STATUS_NOTES)} (gecorrigeerd)`,
      reason: 'Melding stond bij de verkeerde actie; gecorrigeerd na controle door de coördinator',
    };
    action.status = status;
    action.lastStatusReportVersion = action.version + 1;
    return this.request(`action-${action.id}`, action.version++, 'ActionStatusCorrected', data);
  }

  private reschedule(): AppendRequest {
    const r = this.random;
    const action = r.pick(this.actions);
    let deadline = r.pick(this.deadlines);
    if (action.deadline && deadline.text === action.deadline.text)
      deadline = this.deadlines[(this.deadlines.indexOf(deadline) + 1) % this.deadlines.length];
    const data = { actionId: action.id, deadline, previousDeadline: action.deadline, reason: r.pick(REASONS) };
    action.deadline = deadline;
    return this.request(`action-${action.id}`, action.version++, 'ActionRescheduled', data);
  }

  private assignOwner(): AppendRequest {
    const r = this.random;
    const action = r.pick(this.actions);
    const partnerId = r.pick(this.partners);
    if (action.owners.includes(partnerId) || action.owners.length >= 30) return this.changeStatus(action);
    action.owners.push(partnerId);
    return this.request(`action-${action.id}`, action.version++, 'OwnerAssigned', {
      actionId: action.id,
      partnerId,
      reason: r() < 0.5 ? r.pick(REASONS) : null,
    });
  }

  private removeOwner(): AppendRequest {
    const r = this.random;
    const action = r.pick(this.actions);
    if (action.owners.length < 2) return this.changeStatus(action);
    const partnerId = r.pick(action.owners);
    action.owners = action.owners.filter((o) => o !== partnerId);
    return this.request(`action-${action.id}`, action.version++, 'OwnerRemoved', {
      actionId: action.id,
      partnerId,
      reason: r.pick(REASONS),
    });
  }

  private addToPlan(): AppendRequest {
    const r = this.random;
    const action = r.pick(this.actions);
    const plan = r.pick(this.plans);
    if (plan.lines.length === 0 || action.planIds.includes(plan.id) || action.planIds.length >= 3) return this.changeStatus(action);
    action.planIds.push(plan.id);
    return this.request(`action-${action.id}`, action.version++, 'ActionAddedToPlan', {
      actionId: action.id,
      planId: plan.id,
      actionLineId: r.pick(plan.lines),
      note: 'Deze actie draagt ook bij aan dit plan',
    });
  }

  private recordMeasurement(): AppendRequest {
    const r = this.random;
    const target = r.pick(this.quantitativeTargets);
    const measurementId = `${target.id}-m${++target.measurements}`;
    const day = new Date(now()).toISOString().slice(0, 10);
    return this.request(`target-${target.id}`, target.version++, 'MeasurementRecorded', {
      targetId: target.id,
      measurementId,
      value: Math.round((90 + r() * 70) * 10) / 10,
      measuredAt: day,
      source: r.pick(SOURCES),
    });
  }

  private correctMeasurement(): AppendRequest {
    const r = this.random;
    const target = r.pick(this.quantitativeTargets);
    if (target.measurements === 0) return this.recordMeasurement();
    return this.request(`target-${target.id}`, target.version++, 'MeasurementCorrected', {
      targetId: target.id,
      measurementId: `${target.id}-m${1 + r.int(target.measurements)}`,
      value: Math.round((90 + r() * 70) * 10) / 10,
      measuredAt: new Date(now()).toISOString().slice(0, 10),
      source: r.pick(SOURCES),
      reason: 'Cijfer herzien na definitieve publicatie',
    });
  }

  private recordBaseline(): AppendRequest {
    const r = this.random;
    const target = r.pick(this.quantitativeTargets);
    const baseline = Math.round(80 + r() * 40);
    const data = {
      targetId: target.id,
      baseline,
      baselineDate: '2023-12-31',
      previousBaseline: target.baseline,
      note: 'Nulmeting vastgesteld op basis van de CBS-cijfers',
    };
    target.baseline = baseline;
    return this.request(`target-${target.id}`, target.version++, 'BaselineRecorded', data);
  }

  private someOwners(n: number): string[] {
    const r = this.random;
    const owners: string[] = [];
    while (owners.length < n) {
      const partnerId = r() < 0.7 ? r.pick(this.likelyOwners) : r.pick(this.partners);
      if (!owners.includes(partnerId)) owners.push(partnerId);
    }
    return owners;
  }
}

function uuid(r: Random): string {
  const hex = () =>
    Math.floor(r() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  const a = hex() + hex() + hex() + hex();
  return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${a.slice(13, 16)}-a${a.slice(17, 20)}-${a.slice(20, 32)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
