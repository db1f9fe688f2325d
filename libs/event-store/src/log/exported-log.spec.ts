import { GENESIS_HASH } from '../hash-chain';
import { exportedLineHash, ExportedEventLine, verifyExportedLog } from './exported-log';

/** Three lines as `export --format ndjson` writes them, chained from the genesis hash. */
function exportOf(count: number): string[] {
  const lines: string[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const line: ExportedEventLine = {
      position: String(i),
      streamId: 'action-x',
      version: i,
      type: 'ActionStatusChanged',
      schemaVersion: 1,
      recordedAt: `2026-11-30T12:00:0${i}.000Z`,
      actor: { id: 't1', partnerId: 'JN', role: 'COORDINATOR' },
      commandId: `c${i}`,
      correlationId: `r${i}`,
      data: { status: 'IN_PROGRESS', note: `stap ${i} — één` },
      prevHash,
      hash: '',
    };
    line.hash = exportedLineHash(prevHash, line);
    prevHash = line.hash;
    lines.push(JSON.stringify(line));
  }
  return lines;
}

describe('verifyExportedLog', () => {
  it('accepts an intact export and gives the last line as head hash', async () => {
    const lines = exportOf(3);
    await expect(verifyExportedLog(lines)).resolves.toEqual({ ok: true, count: 3, headHash: JSON.parse(lines[2]).hash });
  });

  it('names the changed line', async () => {
    const lines = exportOf(3);
    lines[1] = lines[1].replace('stap 2', 'stap 9');
    await expect(verifyExportedLog(lines)).resolves.toMatchObject({ ok: false, line: 2, position: '2', problem: { kind: 'altered' } });
  });

  it('names a line that follows a removed one, and a line missing a field', async () => {
    const lines = exportOf(3);
    await expect(verifyExportedLog([lines[0], lines[2]])).resolves.toMatchObject({ ok: false, line: 2, problem: { kind: 'gap' } });
    const withoutActor = JSON.stringify({ ...JSON.parse(lines[0]), actor: undefined });
    await expect(verifyExportedLog([withoutActor])).resolves.toMatchObject({
      ok: false,
      line: 1,
      problem: { kind: 'malformed', field: 'actor' },
    });
  });

  it('refuses an export that does not start at position 1', async () => {
    const lines = exportOf(3);
    await expect(verifyExportedLog(lines.slice(1))).resolves.toMatchObject({ ok: false, line: 1, problem: { kind: 'gap' } });
  });
});
