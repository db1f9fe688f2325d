import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { chainFinding, GetLogHead, GetLogPage, LogFilter, LogHead, LogPage, VerifyLogChain } from '@actiemonitor/application';
import { CURRENT_SCHEMA_VERSIONS } from '@actiemonitor/domain';
import { ChainVerification, eventHash } from '@actiemonitor/event-store';
import { amsterdamWallTimeToInstant } from '../format/dutch-dates';
import { actorLabel, historyLine } from '../format/history-sentence';
import { ChainCheck, LogbookPage } from '../pages/logbook-page';
import { sendPage } from '../render';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';
import { WEB_MESSAGES } from '../web.messages';

const PAGE_SIZE = 50;
const EVENT_TYPES = Object.keys(CURRENT_SCHEMA_VERSIONS);
const STREAM = /^[a-z]+-[A-Za-z0-9-]{1,80}$/;
const ACTOR = /^[A-Za-z0-9:._-]{1,100}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads the logbook's GET filters; a value that is not one we can use is named with its reason. */
export function readLogFilter(query: Record<string, unknown>): {
  input: Record<string, string>;
  filter: LogFilter;
  errors: Record<string, string>;
} {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim().slice(0, 120) : '');
  const input = { stroom: text('stroom'), soort: text('soort'), door: text('door'), van: text('van'), tot: text('tot') };
  const errors: Record<string, string> = {};
  const filter: LogFilter = {};
  if (input.stroom) {
    if (STREAM.test(input.stroom)) filter.streamId = input.stroom;
    else errors.stroom = WEB_MESSAGES.streamFilter.nl;
  }
  if (input.soort && EVENT_TYPES.includes(input.soort)) filter.type = input.soort;
  if (input.door) {
    if (ACTOR.test(input.door)) filter.actor = input.door;
    else errors.door = WEB_MESSAGES.actorFilter.nl;
  }
  for (const [name, edge] of [
    ['van', 'from'],
    ['tot', 'to'],
  ] as const) {
    if (!input[name]) continue;
    const m = DATE.exec(input[name]);
    if (!m) {
      errors[name] = WEB_MESSAGES.dateFilter.nl;
      continue;
    }
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // From the start of the first day to the end of the last, in Dutch time.
    filter[edge] = (
      edge === 'from' ? amsterdamWallTimeToInstant(y, mo, d) : new Date(amsterdamWallTimeToInstant(y, mo, d + 1).getTime() - 1)
    ).toISOString();
  }
  return { input, filter, errors };
}

@Controller()
export class LogbookController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('/logboek')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'readEventLog')) return;
    const query = request.query as Record<string, unknown>;
    const context = this.pages.context(request);
    const { input, filter, errors } = readLogFilter(query);
    const after = typeof query.na === 'string' && /^\d{1,18}$/.test(query.na) ? BigInt(query.na) : 0n;
    const [head, page, partners] = await Promise.all([
      this.queryBus.execute<GetLogHead, LogHead>(new GetLogHead()),
      Object.keys(errors).length > 0
        ? ({ events: [], nextAfter: null, scanLimited: false } as LogPage)
        : this.queryBus.execute<GetLogPage, LogPage>(new GetLogPage(filter, after, PAGE_SIZE)),
      this.reads.partnerNames(),
    ]);
    const verified = query.controle === 'ja' ? await this.queryBus.execute<VerifyLogChain, ChainVerification>(new VerifyLogChain()) : null;
    const chain: ChainCheck | null =
      verified === null || verified.ok ? verified : { ok: false, position: verified.position, finding: chainFinding(verified.problem).nl };
    const rows = page.events.map((event) => ({
      position: event.position.toString(),
      recordedAt: event.metadata.recordedAt,
      streamId: event.streamId,
      type: event.type,
      actor: actorLabel(event.metadata.actor),
      summary: historyLine(event, { showActor: false, partnerName: (id) => partners.get(id)?.name ?? id }).what,
      hash: event.hash,
      hashOk: eventHash(event.prevHash, event) === event.hash,
    }));
    const page_ = LogbookPage({
      context,
      head,
      rows,
      filterInput: input,
      filterErrors: errors,
      eventTypes: EVENT_TYPES,
      nextAfter: page.nextAfter,
      scanLimited: page.scanLimited,
      chain,
    });
    return sendPage(reply, page_, Object.keys(errors).length > 0 ? 400 : 200);
  }
}
