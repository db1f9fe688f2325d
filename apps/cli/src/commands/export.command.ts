import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { CLOCK, Clock, READ_MODEL_QUERIES, ReadModelQueries } from '@actiemonitor/application';
import { EVENT_STORE, EventStore, readLog } from '@actiemonitor/event-store';
import { dutchCalendarDate, isOverdue } from '@actiemonitor/read-models';
import { CSV_BOM, csvLine } from '@actiemonitor/application';
import { STATUS_LABELS } from '@actiemonitor/domain';
import { CLI_MESSAGES } from '../cli.messages';

interface ExportOptions {
  format?: string;
  output?: string;
}

const CSV_HEADER = [
  'plan',
  'actielijn',
  'actie',
  'titel',
  'eigenaren',
  'termijn (tekst)',
  'begin',
  'einde',
  'status',
  'toelichting',
  'te laat',
  'versie',
  'laatst gewijzigd',
];

@Command({
  name: 'export',
  description: CLI_MESSAGES.export.nl,
})
export class ExportCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async run(_args: string[], options: ExportOptions): Promise<void> {
    const format = options.format ?? 'ndjson';
    if (format !== 'ndjson' && format !== 'csv') {
      process.stderr.write(`${CLI_MESSAGES.failed(CLI_MESSAGES.formatChoice(format).nl).nl}\n`);
      process.exitCode = 2;
      return;
    }
    const out: Writable = options.output ? createWriteStream(options.output) : process.stdout;
    if (format === 'ndjson') await this.writeEvents(out);
    else await this.writeActions(out);
    if (options.output) {
      out.end();
      await once(out, 'finish');
    }
  }

  /** One event a line, streamed page by page: the log may be far larger than memory. */
  private async writeEvents(out: Writable): Promise<void> {
    for await (const page of readLog(this.store)) {
      for (const e of page) {
        await write(
          out,
          JSON.stringify({
            position: e.position.toString(),
            streamId: e.streamId,
            version: e.version,
            type: e.type,
            schemaVersion: e.schemaVersion,
            recordedAt: e.metadata.recordedAt,
            actor: e.metadata.actor,
            commandId: e.metadata.commandId,
            correlationId: e.metadata.correlationId,
            data: e.data,
            prevHash: e.prevHash,
            hash: e.hash,
          }) + '\n',
        );
      }
    }
  }

  private async writeActions(out: Writable): Promise<void> {
    const today = dutchCalendarDate(this.clock.now());
    await write(out, CSV_BOM + csvLine(CSV_HEADER));
    for await (const a of this.readModels.iterateActions()) {
      for (const m of a.memberships) {
        await write(
          out,
          csvLine([
            m.planId,
            m.actionLineId,
            a.id,
            a.title,
            a.owners.join(', '),
            a.deadline?.text,
            a.deadline?.start,
            a.deadline?.end,
            STATUS_LABELS[a.status],
            a.statusNote,
            isOverdue(a, today) ? 'ja' : 'nee',
            a.version,
            a.updatedAt,
          ]),
        );
      }
    }
  }

  @Option({ flags: '--format <format>', description: CLI_MESSAGES.formatOption.nl })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--output <file>', description: CLI_MESSAGES.outputOption.nl })
  parseOutput(value: string): string {
    return value;
  }
}

/** Writes with back-pressure, so a slow pipe does not make the export buffer the whole log. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
