import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { chainFinding } from '@actiemonitor/application';
import { Configuration, databaseFile } from '@actiemonitor/config';
import { OPS_MESSAGES } from './ops.messages';
import { CARRIED_FILES, CARRIED_FILES_TABLE, verifySqliteFile } from './sqlite-file';
import type { Output } from './verify-file';

/**
 * `restore --from <file>`: fills an empty DATA_DIR from a backup, and refuses a non-empty one without
 * writing anything (restoring over a live store would silently drop what it holds). The backup is
 * unpacked and its chain checked in a scratch directory first, so a bad backup leaves DATA_DIR as it was.
 */
export async function restore(config: Configuration, from: string, out: Output): Promise<number> {
  if (config.EVENT_STORE !== 'sqlite') {
    out.stderr(`${OPS_MESSAGES.backupOnlySqlite(config.EVENT_STORE).nl}\n`);
    return 2;
  }
  const dataDir = resolve(config.DATA_DIR);
  const entries = existsSync(dataDir) ? readdirSync(dataDir) : [];
  if (entries.length > 0) {
    out.stderr(`${OPS_MESSAGES.dataDirNotEmpty(dataDir, entries.slice(0, 5).join(', ')).nl}\n`);
    return 2;
  }
  const source = resolve(from);
  if (!holdsALog(source)) {
    out.stderr(`${OPS_MESSAGES.notABackup(source).nl}\n`);
    return 2;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'actiemonitor-restore-'));
  try {
    const unpacked = join(scratch, 'actiemonitor.sqlite');
    copyFileSync(source, unpacked);
    const carried = takeCarriedFiles(unpacked);
    const check = await verifySqliteFile(unpacked);
    if (!check.ok) {
      out.stderr(`${OPS_MESSAGES.copyBroken(check.position.toString(), chainFinding(check.problem).nl).nl}\n`);
      return 1;
    }
    mkdirSync(dataDir, { recursive: true });
    const target = databaseFile(config);
    // Copied under another name first: a restore cut short never leaves a half file under the store's name.
    copyFileSync(unpacked, `${target}.restoring`);
    renameSync(`${target}.restoring`, target);
    for (const [name, content] of carried) writeFileSync(join(dataDir, name), content, { mode: 0o600 });
    out.stdout(`${OPS_MESSAGES.restoreDone(dataDir, check.count, check.headHash).nl}\n`);
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function holdsALog(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !== undefined;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** Takes the carried files out of the unpacked copy (and drops their table, which the store does not know). */
function takeCarriedFiles(file: string): Array<[string, Buffer]> {
  const db = new Database(file, { fileMustExist: true });
  try {
    const known = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(CARRIED_FILES_TABLE);
    if (!known) return [];
    const rows = db.prepare(`SELECT name, content FROM ${CARRIED_FILES_TABLE}`).all() as Array<{ name: string; content: Buffer }>;
    db.exec(`DROP TABLE ${CARRIED_FILES_TABLE}`);
    return rows.filter((r) => (CARRIED_FILES as readonly string[]).includes(r.name)).map((r) => [r.name, r.content]);
  } finally {
    db.close();
  }
}
