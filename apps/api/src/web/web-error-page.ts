import type { FastifyReply, FastifyRequest } from 'fastify';
import { MessagePage } from './pages/message-page';
import { sendPage } from './render';
import { csrfToken } from './session/csrf';
import { isWebPage } from './web-routes';

/** A browser asking for a page (not an API client, not a stylesheet). */
export function wantsPage(request: FastifyRequest): boolean {
  return isWebPage(request.url.split('?')[0]) && String(request.headers.accept ?? '').includes('text/html');
}

/**
 * Unknown addresses and unexpected failures on the dashboard answer as a page in Dutch, not as JSON.
 * The details of a failure stay in the server log.
 */
export function sendErrorPage(request: FastifyRequest, reply: FastifyReply, status: number): FastifyReply {
  const viewer = request.viewer ?? { kind: 'anonymous' as const };
  const context = {
    viewer,
    csrf: viewer.kind === 'signed-in' ? csrfToken(request) : '',
    path: request.url.split('?')[0],
    peildatum: null,
    peildatumError: null,
    keep: {},
  };
  const [title, message] =
    status === 404
      ? ['Pagina niet gevonden', 'Deze pagina bestaat niet (meer). Controleer het adres, of begin bij de plannen.']
      : status >= 500
        ? [
            'Er ging iets mis',
            'Het lukte niet deze pagina te maken. Er is niets opgeslagen dat u niet zag bevestigen; probeer het zo nog eens.',
          ]
        : ['Verzoek niet verwerkt', 'Dit verzoek kon niet worden verwerkt. Ga terug en probeer het opnieuw.'];
  return sendPage(reply, MessagePage({ context, title, message }), status);
}
