import { join } from 'node:path';
import Database from 'better-sqlite3';
import { READ_MODEL_TABLES } from '../libs/read-models/src/read-model-tables';
import { CHANGE_STATUS, RECORD_MEASUREMENT } from './support/queries';
import { startTestServer, TestServer } from './support/test-server';

type Row = Record<string, unknown>;

/**
 * `replay --verify` must notice a change to any read-model table, whichever way: a row the live tables
 * lost, and a row they gained. Each table is broken in turn (and mended by hand, so the next one starts
 * clean), so a verify that skipped a table or stopped reporting one direction fails here.
 */
describe('replay --verify sees every read-model table, both ways', () => {
  let server: TestServer;
  const database = () => new Database(join(server.dataDir, 'actiemonitor.sqlite'));

  beforeAll(async () => {
    // A table this history leaves empty gets a synthesised row instead.
    server = await startTestServer();
    const coordinator = await server.token('COORDINATOR', 'VWS');
    await server.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-3-4', status: 'IN_PROGRESS', note: 'Gestart' } }, coordinator);
    await server.gql(
      RECORD_MEASUREMENT,
      { input: { targetId: 'pleegzorg-3-inschrijvingen-2017', value: 3.2, measuredAt: '2017-12-31', source: 'Pleegzorg Nederland' } },
      coordinator,
    );
    // A meeting with an agreement, so the meeting tables hold real rows too.
    const meeting = await server.gql(
      `mutation ($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`,
      {
        input: {
          meetingId: 'overleg-1',
          planId: 'actieplan-pleegzorg-2017-2018',
          heldOn: '2018-03-12',
          participants: ['VWS'],
          subject: 'Vervolg',
        },
      },
      coordinator,
    );
    const agreement = await server.gql(
      `mutation ($input: RecordAgreementInput!) { recordAgreement(input: $input) { id } }`,
      {
        input: {
          meetingId: 'overleg-1',
          actionId: 'pleegzorg-afspraak-1',
          actionLineId: 'pleegzorg-1',
          title: 'Terugkoppelen',
          owners: ['JN'],
        },
      },
      coordinator,
    );
    expect([meeting.errors, agreement.errors]).toEqual([undefined, undefined]);
    expect((await server.cli(['replay', '--verify'])).code).toBe(0);
  });
  afterAll(() => server.close());

  /** A row of the table that differs from every real one (each text value changed, numbers moved on). */
  function foreignRow(db: Database.Database, table: string): Row {
    const sample = db.prepare(`SELECT * FROM ${table} LIMIT 1`).get() as Row | undefined;
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string; type: string }>;
    return Object.fromEntries(
      columns.map(({ name, type }) => {
        const value = sample?.[name];
        if (/INT|REAL|NUM/i.test(type))
          return [name, typeof value === 'number' || typeof value === 'bigint' ? Number(value) + 987_654 : 987_654];
        if (typeof value === 'string' && value.startsWith('{')) return [name, value.replace(/"id":"/, '"id":"vervalst-')];
        return [name, `${typeof value === 'string' ? value : 'x'}-vervalst`];
      }),
    );
  }

  /** Removes the row with exactly these values (some tables are WITHOUT ROWID, so no rowid to go by). */
  const remove = (db: Database.Database, table: string, row: Row) =>
    db
      .prepare(
        `DELETE FROM ${table} WHERE ${Object.keys(row)
          .map((k) => `${k} IS @${k}`)
          .join(' AND ')}`,
      )
      .run(row);

  const insert = (db: Database.Database, table: string, row: Row) =>
    db
      .prepare(
        `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
          .map((k) => `@${k}`)
          .join(', ')})`,
      )
      .run(row);

  for (const table of READ_MODEL_TABLES) {
    it(`${table}: a row missing from the live tables, and a row only there`, async () => {
      const db = database();
      const values = db.prepare(`SELECT * FROM ${table} LIMIT 1`).get() as Row | undefined;
      if (values) {
        expect(remove(db, table, values).changes).toBe(1);
        db.close();
        const missing = await server.cli(['replay', '--verify']);
        expect([missing.code, missing.stdout]).toEqual([1, expect.stringContaining(`VERSCHIL in ${table}: rij alleen in de herbouw`)]);
        const mend = database();
        insert(mend, table, values);
        mend.close();
      } else {
        db.close();
      }
      const forge = database();
      const extra = foreignRow(forge, table);
      insert(forge, table, extra);
      forge.close();
      const gained = await server.cli(['replay', '--verify']);
      expect([gained.code, gained.stdout]).toEqual([
        1,
        expect.stringContaining(`VERSCHIL in ${table}: rij alleen in de live leesmodellen`),
      ]);
      const clean = database();
      expect(remove(clean, table, extra).changes).toBe(1);
      clean.close();
    });
  }

  it('is clean again after every table was mended', async () => {
    expect((await server.cli(['replay', '--verify'])).code).toBe(0);
  });
});
