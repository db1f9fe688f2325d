import Database from 'better-sqlite3';
import { SqliteEventStore } from '@actiemonitor/event-store';
import type { Actor } from '@actiemonitor/event-store';
import { SqliteProjector, SqliteReadModelQueries } from '@actiemonitor/read-models';
import { ProjectionFollower } from './projection-follower';

const actor: Actor = { id: 'cli', partnerId: null, role: 'SYSTEM' };
let commands = 0;

/** The server's store and projector, and a second writer on the same file (the CLI, another process). */
function setup() {
  const db = new Database(':memory:');
  const clock = () => new Date('2026-11-23T10:00:00Z');
  const serverStore = new SqliteEventStore({ database: db, clock, subscriptionPollMs: 20 });
  const otherWriter = new SqliteEventStore({ database: db, clock });
  const projector = new SqliteProjector(db, serverStore);
  const errors: string[] = [];
  const daemon = new ProjectionFollower(projector, serverStore, 20, { log: () => undefined, error: (message) => errors.push(message) });
  const registerPartner = (id: string) =>
    otherWriter.append({
      streamId: `partner-${id}`,
      events: [
        { type: 'PartnerRegistered', schemaVersion: 1, data: { partnerId: id, name: `Partner ${id}`, kind: 'organisation', aliases: [] } },
      ],
      expectedVersion: 0,
      commandId: `c${++commands}`,
      correlationId: 'x',
      actor,
    });
  return { db, serverStore, projector, daemon, errors, queries: new SqliteReadModelQueries(db, serverStore), registerPartner };
}

async function eventually(what: string, check: () => boolean, ms = 3000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the projection follower (the daemon behind the server)', () => {
  it('projects what another process appended, through the store subscription', async () => {
    const { daemon, projector, queries, registerPartner } = setup();
    await registerPartner('VWS');
    await daemon.start();
    try {
      expect(queries.partner('VWS')).not.toBeNull(); // what was there before start
      await registerPartner('VNG');
      await eventually('VNG is projected', () => queries.partner('VNG') !== null);
      expect(projector.checkpoint()).toBe(2n);
    } finally {
      await daemon.stop();
    }
  });

  it('stops at an event that fails, skips nothing, reports it, and resumes after the fix', async () => {
    const { db, daemon, projector, queries, registerPartner, errors } = setup();
    await daemon.start();
    try {
      await registerPartner('VWS');
      await eventually('VWS is projected', () => projector.checkpoint() === 1n);
      db.exec("CREATE TRIGGER broken BEFORE UPDATE ON rm_checkpoints BEGIN SELECT RAISE(ABORT, 'projection broken'); END");
      await registerPartner('VNG');
      await registerPartner('JN');
      await eventually('the failure is reported', () => daemon.failure !== null);
      expect(daemon.failure).toMatch(/projection broken/);
      expect(errors).toEqual([expect.stringMatching(/^Projection stopped after position 1: .*projection broken/)]); // once, not per retry
      await new Promise((resolve) => setTimeout(resolve, 100)); // several retries
      expect(projector.checkpoint()).toBe(1n);
      expect(queries.partner('VNG')).toBeNull();

      db.exec('DROP TRIGGER broken');
      await eventually('the projection resumes', () => daemon.failure === null && projector.checkpoint() === 3n);
      expect(queries.partners().map((p) => p.id)).toEqual(['JN', 'VNG', 'VWS']);
    } finally {
      await daemon.stop();
    }
  });
});
