import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessibilityPage } from '../pages/accessibility-page';
import { sendPage } from '../render';
import { WebPages } from '../web-pages.service';

/** Readable by everyone, signed in or not. */
@Controller()
export class AccessibilityController {
  constructor(private readonly pages: WebPages) {}

  @Get('/toegankelijkheid')
  show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return sendPage(reply, AccessibilityPage({ context: this.pages.context(request) }));
  }
}
