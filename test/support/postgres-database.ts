import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_DATABASE_URL } from '../../libs/event-store/src/postgres/postgres-test-database.testing';

export { describeWithPostgres, probePostgres } from '../../libs/event-store/src/postgres/postgres-test-database.testing';

/** A database of its own for one end-to-end suite (servers create their tables in it at start). */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `am_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
