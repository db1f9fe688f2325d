import type Database from 'better-sqlite3';

/**
 * Prepares each SQL text once per connection and hands back the same statement afterwards: the
 * statements whose text is built at run time (per dialect, per table write) are not known up front.
 */
export function preparedStatements(db: Database.Database): (sql: string) => Database.Statement {
  const prepared = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = prepared.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  };
}
