import { Conflict, Decider, DomainEvent, event, InvalidInput } from '@actiemonitor/domain';
import { SqliteEventStore } from '@actiemonitor/event-store';
import type { Actor, EventStore } from '@actiemonitor/event-store';
import { ReadModelFreshness } from '../projection/read-model-freshness';
import { StreamCommandExecutor } from './stream-command-executor';

const actor: Actor = { id: 'tok-1', partnerId: 'VWS', role: 'COORDINATOR' };

/** A partner stream as the smallest real aggregate: each `Rename` adds a PartnerRegistered event. */
type Registered = DomainEvent<'PartnerRegistered', { partnerId: string; name: string; kind: 'organisation'; aliases: string[] }>;
interface Rename {
  name: string;
  /** Refused unless the stream holds exactly this many events (a rule that depends on the current state). */
  onlyAfter?: number;
}
interface Names {
  version: number;
  names: string[];
}
const renames: Decider<Rename, Registered, Names> = {
  initialState: () => ({ version: 0, names: [] }),
  evolve: (state, e) => ({ version: state.version + 1, names: [...state.names, e.data.name] }),
  decide: (command, state) => {
    if (command.onlyAfter !== undefined && state.version !== command.onlyAfter)
      throw new InvalidInput('onlyAfter', `niet na ${state.version} namen`);
    return [event('PartnerRegistered', { partnerId: 'p', name: command.name, kind: 'organisation', aliases: [] })];
  },
};

/** Two instances on one log, as two servers (or a server and the CLI) on one file. */
function setup() {
  const db = SqliteEventStore.openDatabase(':memory:');
  const store = new SqliteEventStore({ database: db, clock: () => new Date() });
  const reads: string[] = [];
  const lookups: string[] = [];
  const counted: EventStore = Object.create(store) as EventStore;
  counted.readStream = (streamId, fromVersion) => {
    reads.push(streamId);
    return store.readStream(streamId, fromVersion);
  };
  counted.findCommand = (commandId) => {
    lookups.push(commandId);
    return store.findCommand(commandId);
  };
  const noProjection = { catchUp: async () => 0, checkpoint: () => 0n, applyBatch: () => 0 };
  const freshness = () => new ReadModelFreshness(counted, noProjection, { warn: () => undefined });
  const instance = () => new StreamCommandExecutor(counted, freshness());
  let n = 0;
  const run = (executor: StreamCommandExecutor, command: Rename, expectedVersion?: number) =>
    executor.execute('partner-p', renames, command, undefined, { actor, correlationId: `c-${++n}`, expectedVersion });
  return { store, reads, lookups, a: instance(), b: instance(), run };
}

describe('StreamCommandExecutor: decides on the state it remembers, and on the log when that is out of date', () => {
  it('reads a stream once: later commands on it decide on the state after its own writes', async () => {
    const { a, run, reads, store } = setup();
    await run(a, { name: 'een' });
    await run(a, { name: 'twee' }, 1);
    const third = await run(a, { name: 'drie', onlyAfter: 2 });

    expect(third.version).toBe(3);
    expect(reads).toEqual(['partner-p']);
    expect((await store.readStream('partner-p')).map((e) => e.data.name)).toEqual(['een', 'twee', 'drie']);
  });

  it('decides again on the current stream when another instance wrote since, and loses no write', async () => {
    const { a, b, run, store } = setup();
    await run(a, { name: 'een' });
    await run(b, { name: 'twee' }); // a's remembered state is now one event behind

    const outcome = await run(a, { name: 'drie', onlyAfter: 2 }); // refused on the remembered state, allowed on the log
    expect(outcome).toMatchObject({ version: 3, duplicate: false });
    expect((await store.readStream('partner-p')).map((e) => [e.version, e.data.name])).toEqual([
      [1, 'een'],
      [2, 'twee'],
      [3, 'drie'],
    ]);
    expect(await run(a, { name: 'vier' })).toMatchObject({ version: 4 });
  });

  it("still refuses a client's stale expected version and a decision the current stream refuses", async () => {
    const { a, b, run, store } = setup();
    await run(a, { name: 'een' });
    await run(b, { name: 'twee' });

    await expect(run(a, { name: 'drie' }, 1)).rejects.toBeInstanceOf(Conflict);
    await expect(run(a, { name: 'drie', onlyAfter: 1 })).rejects.toMatchObject({ field: 'onlyAfter' });
    expect(await store.streamVersion('partner-p')).toBe(2);
    // The remembered state is the log's again: a client that knows version 2 is served.
    expect(await run(a, { name: 'drie' }, 2)).toMatchObject({ version: 3 });
  });

  it('answers a retried command as the first time, whichever instance the retry reaches', async () => {
    const { a, b, store } = setup();
    const meta = { actor, correlationId: 'c', commandId: 'rename-1' };
    const first = await a.execute('partner-p', renames, { name: 'een' }, undefined, meta);
    await b.execute('partner-p', renames, { name: 'twee' }, undefined, { actor, correlationId: 'c2' });

    expect(await a.execute('partner-p', renames, { name: 'een' }, undefined, meta)).toEqual({ ...first, duplicate: true });
    expect(await b.execute('partner-p', renames, { name: 'een' }, undefined, meta)).toEqual({ ...first, duplicate: true });
    expect(await store.streamVersion('partner-p')).toBe(2);
  });

  it('answers a retry as the first time also when the stream has moved past its expected version or its rule now refuses it', async () => {
    const { a, b, store } = setup();
    const meta = { actor, correlationId: 'c', commandId: 'rename-1', expectedVersion: 0 };
    const first = await a.execute('partner-p', renames, { name: 'een', onlyAfter: 0 }, undefined, meta);
    await b.execute('partner-p', renames, { name: 'twee' }, undefined, { actor, correlationId: 'c2' });

    // Version 0 is stale and "only after 0 names" is refused now: still the first answer, on both instances.
    expect(await a.execute('partner-p', renames, { name: 'een', onlyAfter: 0 }, undefined, meta)).toEqual({ ...first, duplicate: true });
    expect(await b.execute('partner-p', renames, { name: 'een', onlyAfter: 0 }, undefined, meta)).toEqual({ ...first, duplicate: true });
    expect(await store.streamVersion('partner-p')).toBe(2);
  });

  it('refuses a command id that was used on another stream, naming commandId, whether or not the command would be allowed', async () => {
    const { a, store } = setup();
    await a.execute('partner-p', renames, { name: 'een' }, undefined, { actor, correlationId: 'c', commandId: 'shared-id' });
    const other = (command: Rename) =>
      a.execute('partner-q', renames, command, undefined, { actor, correlationId: 'c', commandId: 'shared-id' });

    await expect(other({ name: 'twee' })).rejects.toMatchObject({ field: 'commandId', message: expect.stringContaining('partner-p') });
    await expect(other({ name: 'twee', onlyAfter: 5 })).rejects.toMatchObject({ field: 'commandId' });
    expect(await store.streamVersion('partner-q')).toBe(0);
  });

  it('looks a command id up only before a refusal: a command that is not a retry costs no lookup', async () => {
    const { a, run, lookups } = setup();
    await run(a, { name: 'een' });
    await run(a, { name: 'twee' }, 1);
    expect(lookups).toEqual([]);

    await expect(run(a, { name: 'drie' }, 1)).rejects.toBeInstanceOf(Conflict);
    expect(lookups).toHaveLength(1);
  });
});
