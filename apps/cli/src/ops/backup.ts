import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { chainFinding } from '@actiemonitor/application';
import { Configuration, databaseFile } from '@actiemonitor/config';
import { OPS_MESSAGES } from './ops.messages';
import { CARRIED_FILES, CARRIED_FILES_TABLE, verifySqliteFile } from './sqlite-file';
import type { Output } from './verify-file';

/**
 * `backup --output <file>`: a consistent copy of the embedded store while the server keeps writing.
 * VACUUM INTO reads one snapshot (a single read transaction; in WAL mode writers are not blocked) and
 * writes it compacted to a new file, so the copy holds exactly the appends committed when it began.
 * The other file of DATA_DIR that must survive (the browser session key) travels inside the copy, in a
 * table restore takes out again. The copy's chain is checked before the command says done; a copy that
 * fails the check is removed.
 */
export async function backup(config: Configuration, output: string, out: Output): Promise<number> {
  if (config.EVENT_STORE !== 'sqlite') {
    out.stderr(`${OPS_MESSAGES.backupOnlySqlite(config.EVENT_STORE).nl}\n`);
    return 2;
  }
  const source = databaseFile(config);
  const target = resolve(output);
  if (!existsSync(source)) {
    out.stderr(`${OPS_MESSAGES.noStore(source).nl}\n`);
    return 2;
  }
  if (existsSync(target)) {
    out.stderr(`${OPS_MESSAGES.outputExists(target).nl}\n`);
    return 2;
  }
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  carryFiles(config.DATA_DIR, target);
  const check = await verifySqliteFile(target);
  if (!check.ok) {
    rmSync(target, { force: true });
    out.stderr(`${OPS_MESSAGES.copyBroken(check.position.toString(), chainFinding(check.problem).nl).nl}\n`);
    return 1;
  }
  out.stdout(`${OPS_MESSAGES.backupDone(target, check.count, check.headHash).nl}\n`);
  return 0;
}

function carryFiles(dataDir: string, copy: string): void {
  const db = new Database(copy, { fileMustExist: true });
  try {
    db.exec(`CREATE TABLE ${CARRIED_FILES_TABLE} (name TEXT PRIMARY KEY, content BLOB NOT NULL)`);
    const insert = db.prepare(`INSERT INTO ${CARRIED_FILES_TABLE} (name, content) VALUES (?, ?)`);
    for (const name of CARRIED_FILES) {
      const path = join(dataDir, name);
      if (existsSync(path)) insert.run(name, readFileSync(path));
    }
  } finally {
    db.close();
  }
}
