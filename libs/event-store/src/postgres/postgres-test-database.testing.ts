/**
 * For specs only (not exported): reaching the test database, and a fresh schema per store so tests
 * and concurrent runs never see each other's events.
 *
 * Whether PostgreSQL answers is decided once, synchronously, when the spec file loads, because Jest
 * decides at that moment whether a suite runs. In CI (CI set) an unreachable database fails the run;
 * on a developer's machine the suites are skipped with a message saying so and why.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type PostgresAvailability = { reachable: true } | { reachable: false; reason: string };

/** Connects from a child process, so the answer is known before any describe() is registered. */
export function probePostgres(url: string = TEST_DATABASE_URL): PostgresAvailability {
  const script = `
    const { Client } = require(${JSON.stringify(require.resolve('pg'))});
    const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.query('SELECT 1')).then(() => client.end()).then(
      () => process.exit(0),
      (error) => { process.stderr.write(String(error && error.message || error)); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script, url], { encoding: 'utf8', timeout: 10_000 });
  if (result.status === 0) return { reachable: true };
  const reason = result.error?.message ?? (result.stderr.trim() || `exit ${String(result.status ?? result.signal)}`);
  return { reachable: false, reason };
}

/**
 * Registers the suites when PostgreSQL answers. Otherwise: in CI one failing test names the cause;
 * elsewhere the suites are registered as skipped and a message says why.
 */
export function describeWithPostgres(name: string, availability: PostgresAvailability, register: () => void): void {
  if (availability.reachable) {
    describe(name, register);
    return;
  }
  const why = `PostgreSQL at ${redact(TEST_DATABASE_URL)} is not reachable (${availability.reason})`;
  if (process.env.CI) {
    describe(name, () => {
      it('needs PostgreSQL in CI (start it: .ci/run does; or set TEST_DATABASE_URL)', () => {
        throw new Error(`${why}: CI must run the PostgreSQL suites, not skip them`);
      });
    });
    return;
  }
  console.warn(`Skipped "${name}": ${why}. Start PostgreSQL or set TEST_DATABASE_URL to run it.`);
  describe.skip(name, register);
}

/** A schema name that says what made it and when, so leftovers of a killed run can be recognised. */
export function freshSchemaName(): string {
  return `es_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Creates and drops the per-test schemas through one small pool of its own. */
export class TestSchemas {
  private readonly admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });

  async create(): Promise<string> {
    const schema = freshSchemaName();
    await this.admin.query(`CREATE SCHEMA ${schema}`);
    return schema;
  }

  async drop(schema: string): Promise<void> {
    await this.admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }

  /** Schemas left by runs that were killed before their cleanup, older than an hour. */
  async dropAbandoned(): Promise<void> {
    const { rows } = await this.admin.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'es\\_test\\_%'");
    const hourAgo = Date.now() - 3_600_000;
    for (const { nspname } of rows) {
      const createdAt = parseInt(nspname.split('_')[2] ?? '', 36);
      if (Number.isFinite(createdAt) && createdAt < hourAgo) await this.drop(nspname);
    }
  }

  query(sql: string, values?: unknown[]) {
    return this.admin.query(sql, values);
  }

  async end(): Promise<void> {
    await this.admin.end();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
