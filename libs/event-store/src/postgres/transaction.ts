import type { Pool, PoolClient } from 'pg';

/**
 * Runs fn in one READ COMMITTED transaction on one pooled connection. READ COMMITTED on purpose, even
 * if the server's default is stricter: each statement then takes a fresh snapshot, so a statement that
 * runs after an advisory lock was granted sees everything the previous holder committed. (Under
 * REPEATABLE READ the snapshot would date from before the wait, and the head read would be stale.)
 * A connection whose ROLLBACK fails is broken: it is destroyed instead of going back to the pool.
 */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
