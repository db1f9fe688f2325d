import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANGE_STATUS } from './support/queries';
import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { startTestServer, TestServer } from './support/test-server';

/**
 * An independent implementation of docs/hash-chain.md, written from the document and plain node:crypto
 * (it shares no code with the server): keys ordered by their UTF-8 bytes, JSON.stringify for strings and
 * numbers, sha256 over `prevHash + "\n" + canonical form`.
 */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

function lineHash(prevHash: string, line: any): string {
  const hashed = {
    position: line.position,
    streamId: line.streamId,
    version: line.version,
    type: line.type,
    schemaVersion: line.schemaVersion,
    data: line.data,
    metadata: { actor: line.actor, commandId: line.commandId, correlationId: line.correlationId, recordedAt: line.recordedAt },
  };
  return createHash('sha256')
    .update(`${prevHash}\n${canonical(hashed)}`, 'utf8')
    .digest('hex');
}

describe('verify --file: an exported log checked with no server and no database', () => {
  let server: TestServer;
  let dir: string;
  let file: string;
  let lines: string[];

  beforeAll(async () => {
    server = await startTestServer();
    const coordinator = await server.token('COORDINATOR', 'JN');
    // Dutch text with diacritics and an emoji (above U+FFFF) in the hashed data.
    for (const [status, note] of [
      ['IN_PROGRESS', 'Gestart met overleg — één week vertraging'],
      ['AT_RISK', 'Risico: capaciteit 🚸 "pleegouders"\nnieuwe regel'],
    ]) {
      const res = await server.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-3-1', status, note } }, coordinator);
      expect(res.errors).toBeUndefined();
    }
    dir = mkdtempSync(join(tmpdir(), 'actiemonitor-verify-file-'));
    file = join(dir, 'log.ndjson');
    const exported = await server.cli(['export', '--format', 'ndjson', '--output', file]);
    expect(exported.code).toBe(0);
    lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The CLI with a DATA_DIR that does not exist and a PostgreSQL URL nobody listens on: neither may be touched. */
  const offline = (args: string[]) =>
    server.cli(args, { DATA_DIR: join(dir, 'no-such-dir'), EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });

  it('exits 0 with the same head hash as verify on the store, without opening any store', async () => {
    const onStore = await server.cli(['verify']);
    const headHash = /kop-hash ([0-9a-f]{64})/.exec(onStore.stdout)![1];
    const result = await offline(['verify', '--file', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`OK: ${lines.length} regels, keten intact; kop-hash ${headHash}\n`);
  });

  it('agrees, line by line, with an independent implementation of the documented hash', () => {
    let prevHash = '0'.repeat(64);
    expect(lines.length).toBeGreaterThan(10);
    for (const text of lines) {
      const line = JSON.parse(text);
      expect(line.prevHash).toBe(prevHash);
      expect(lineHash(prevHash, line)).toBe(line.hash);
      prevHash = line.hash;
    }
    expect(lines.some((l) => l.includes('🚸'))).toBe(true);
  });

  it('names the line when one character of one line is changed', async () => {
    const target = lines.findIndex((l) => l.includes('één week'));
    const tampered = [...lines];
    tampered[target] = tampered[target].replace('één week', 'twee week');
    const bad = join(dir, 'tampered.ndjson');
    writeFileSync(bad, tampered.join('\n') + '\n');
    const result = await offline(['verify', '--file', bad]);
    expect(result.code).toBe(1);
    const position = JSON.parse(lines[target]).position;
    expect(result.stdout).toMatch(new RegExp(`^FOUT op regel ${target + 1} \\(positie ${position}\\): `));
  });

  it('names a removed line (the line after it no longer links)', async () => {
    const bad = join(dir, 'missing.ndjson');
    writeFileSync(bad, [...lines.slice(0, 4), ...lines.slice(5)].join('\n') + '\n');
    const result = await offline(['verify', '--file', bad]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FOUT op regel 5 /);
  });

  it('names a line that is not JSON, and refuses a file that does not exist', async () => {
    const bad = join(dir, 'garbled.ndjson');
    writeFileSync(bad, [...lines.slice(0, 2), '{"position": "3",', ...lines.slice(3)].join('\n'));
    const garbled = await offline(['verify', '--file', bad]);
    expect(garbled.code).toBe(1);
    expect(garbled.stdout).toMatch(/^FOUT op regel 3 \(positie \?\): de regel is geen JSON-object/);
    const missing = await offline(['verify', '--file', join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/niet leesbaar/);
  });
});

describeWithPostgres('verify --file on an export from PostgreSQL', probePostgres(), () => {
  it('gives the head hash verify prints on the PostgreSQL store, and the independent implementation agrees', async () => {
    const database = await createTestDatabase();
    const server = await startTestServer({ env: { EVENT_STORE: 'postgres', DATABASE_URL: database.url } });
    const dir = mkdtempSync(join(tmpdir(), 'actiemonitor-verify-file-pg-'));
    try {
      const coordinator = await server.token('COORDINATOR', 'JN');
      await server.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-3-1', status: 'IN_PROGRESS', note: 'één 🚸' } }, coordinator);
      const file = join(dir, 'log.ndjson');
      expect((await server.cli(['export', '--format', 'ndjson', '--output', file])).code).toBe(0);
      const onStore = await server.cli(['verify']);
      const offline = await server.cli(['verify', '--file', file], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
      expect(offline.code).toBe(0);
      expect(/kop-hash ([0-9a-f]{64})/.exec(offline.stdout)![1]).toBe(/kop-hash ([0-9a-f]{64})/.exec(onStore.stdout)![1]);
      let prevHash = '0'.repeat(64);
      for (const text of readFileSync(file, 'utf8').trimEnd().split('\n')) {
        const line = JSON.parse(text);
        expect(lineHash(prevHash, line)).toBe(line.hash);
        prevHash = line.hash;
      }
    } finally {
      await server.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
