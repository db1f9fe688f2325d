import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GetReport, reportPartnerScope } from '@actiemonitor/application';
import { Forbidden, InvalidInput, NotFound } from '@actiemonitor/domain';
import type { PartnerView, ReportModel } from '@actiemonitor/read-models';
import { usePagePolicy, WEB_CSP } from '../../http/http-security';
import { REPORT_FORMATS, REPORT_STYLE_SOURCE, ReportFormat, reportFile } from '../../reports';
import { MessagePage } from '../pages/message-page';
import { ReportForm, ReportPage } from '../pages/report-page';
import { sendPage } from '../render';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';
import { WEB_MESSAGES } from '../web.messages';

const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 100) : '');

/**
 * `/rapportage`: a GET form (plan, period, format); once filled in, the report itself: HTML as the print
 * view in the browser, Word and Markdown as a download. Partners get their own actions only.
 */
@Controller()
export class ReportController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('/rapportage')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const context = this.pages.context(request);
    const viewer = context.viewer;
    if (viewer.kind !== 'signed-in') {
      return sendPage(
        reply,
        MessagePage({ context, title: WEB_MESSAGES.noAccessTitle.nl, message: WEB_MESSAGES.reportSignInNeeded.nl, signIn: true }),
        403,
      );
    }
    const query = (request.query ?? {}) as Record<string, unknown>;
    const form: ReportForm = {
      plan: text(query.plan),
      from: text(query.van),
      to: text(query.tot),
      format: text(query.formaat),
      partner: text(query.partner),
    };
    const canChoosePartner = viewer.principal.role !== 'PARTNER';
    const [plans, partners] = await Promise.all([this.reads.plans(), this.reads.partnerNames()]);
    const page = (errors: Partial<Record<keyof ReportForm, string>>, status: number) =>
      sendPage(
        reply,
        ReportPage({
          context,
          plans,
          partners: [...partners.values()].sort((a: PartnerView, b: PartnerView) => a.name.localeCompare(b.name, 'nl')),
          canChoosePartner,
          form,
          errors,
        }),
        status,
      );
    if (!form.plan && !form.from && !form.to) return page({}, 200);

    const errors: Partial<Record<keyof ReportForm, string>> = {};
    if (!form.plan) errors.plan = WEB_MESSAGES.reportFieldRequired.nl;
    if (!form.from) errors.from = WEB_MESSAGES.reportFieldRequired.nl;
    if (!form.to) errors.to = WEB_MESSAGES.reportFieldRequired.nl;
    const format = (form.format || 'html') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) errors.format = WEB_MESSAGES.reportFormat.nl;
    if (Object.keys(errors).length > 0) return page(errors, 400);

    let model: ReportModel;
    try {
      const partnerId = reportPartnerScope(viewer.principal, form.partner || null);
      model = await this.queryBus.execute(new GetReport(form.plan, form.from, form.to, partnerId));
    } catch (error) {
      if (error instanceof NotFound) return page({ plan: error.message }, 400);
      if (error instanceof InvalidInput) {
        const field = ({ from: 'from', to: 'to', partner: 'partner' } as const)[error.field as 'from' | 'to' | 'partner'] ?? 'to';
        return page({ [field]: error.text }, 400);
      }
      if (error instanceof Forbidden) return page({ partner: error.message }, 403);
      throw error;
    }
    const file = await reportFile(model, format);
    // The print view opens in the browser; Word and Markdown download under a name that says what they hold.
    const disposition = format === 'html' ? 'inline' : 'attachment';
    if (format === 'html') usePagePolicy(reply, WEB_CSP.replace("style-src 'self'", `style-src 'self' ${REPORT_STYLE_SOURCE}`));
    return reply
      .code(200)
      .header('content-type', file.contentType)
      .header('content-disposition', `${disposition}; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  }
}
