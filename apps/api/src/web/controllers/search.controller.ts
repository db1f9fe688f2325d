import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ActionReadout } from '@actiemonitor/application';
import type { PartnerView } from '@actiemonitor/read-models';
import { actionLineIn } from '../format/plan-summary';
import { matchesAllWords, normaliseForSearch } from '../format/search-text';
import { SearchPage } from '../pages/search-page';
import { sendPage } from '../render';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

/**
 * What a search looks through for one action: its title, result, its owners' ids, names and aliases,
 * and the title of its action line (people search for a theme, "continuïteit", as often as for an action).
 */
export function searchableText(action: ActionReadout, partners: Map<string, PartnerView>, actionLineTitle = ''): string {
  const owners = action.owners.flatMap((id) => {
    const partner = partners.get(id);
    return partner ? [partner.id, partner.name, ...partner.aliases] : [id];
  });
  return normaliseForSearch([action.title, action.result ?? '', actionLineTitle, ...owners].join(' '));
}

@Controller()
export class SearchController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
  ) {}

  @Get('/zoeken')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const context = this.pages.context(request);
    const raw = (request.query as Record<string, unknown>).q;
    const query = typeof raw === 'string' ? raw.trim().slice(0, 200) : '';
    const partners = await this.reads.partnerNames();
    if (query === '') return sendPage(reply, SearchPage({ context, query, results: [], partners, error: null }));
    const plans = await this.reads.plans();
    const results = [];
    for (const plan of plans) {
      const lineTitles = new Map(plan.actionLines.map((l) => [l.id, l.title]));
      const actions = (await this.reads.actions({ planId: plan.id }, null)).filter((a) =>
        matchesAllWords(searchableText(a, partners, lineTitles.get(actionLineIn(a, plan.id))), query),
      );
      // In the plan's own order: action line by action line.
      const lineOrder = new Map(plan.actionLines.map((l, i) => [l.id, i]));
      actions.sort((a, b) => (lineOrder.get(actionLineIn(a, plan.id)) ?? 0) - (lineOrder.get(actionLineIn(b, plan.id)) ?? 0));
      if (actions.length > 0) results.push({ plan, actions });
    }
    return sendPage(reply, SearchPage({ context, query, results, partners, error: null }));
  }
}
