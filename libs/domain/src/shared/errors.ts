import type { Message } from './message';

/**
 * Typed domain errors. They are mapped once, at the GraphQL edge, to `extensions.code`.
 *
 * One rule for messages:
 * - Users read Dutch, and Dutch only: the GraphQL `message`, the web pages, the CLI's output. No English
 *   gist in parentheses.
 * - Every text users read is an entry in its layer's catalogue, `{ nl, en }`: the Dutch text and its
 *   meaning in short English (a function when the text names a value). Throw sites name the entry; no
 *   user-facing literal stays inline where it is thrown. Catalogues: action/, target/, plan/ and
 *   partner/*.messages.ts and shared/shared.messages.ts (texts, ids, numbers, dates, deadlines) in the
 *   domain; application.messages.ts (tokens, partners, queries, command ids, conflicts, authorization);
 *   the API's errors/api.messages.ts (edge validation, internal error, store unavailable, health) and
 *   web/web.messages.ts (form and filter refusals); the CLI's cli.messages.ts.
 * - The English meaning travels in the error's fields, never in its message: every DomainError has
 *   `reason` (English), sent as GraphQL `extensions.reason` beside `extensions.code`. InvalidInput also
 *   has `field` (a dotted path) and `text`, the Dutch without the field name, which a form shows beside
 *   its field; its `message` is `<field>: <Dutch text>`.
 * - Operator logs (Nest Logger, pino) and internal errors (bugs, broken invariants, store internals,
 *   start-up configuration) are English only and need no catalogue: they are not read by users.
 *
 * shared/messages.spec.ts holds the domain's catalogues to this (both languages, no gist in the Dutch).
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** The English meaning of the (Dutch) message: GraphQL `extensions.reason`. */
  readonly reason: string;

  protected constructor(dutch: string, english: string) {
    super(dutch);
    this.reason = english;
  }
}

/**
 * A trailing English gist, "(...)" holding at least two words: how messages were written before the
 * catalogues. Only texts not yet moved to a catalogue are still passed as strings.
 */
const LEGACY_GIST = /\s*\(([A-Za-z][A-Za-z0-9,.'’:_-]* [A-Za-z0-9 ,.'’:_-]*)\)\s*$/;

/**
 * A catalogue message as is; a string (code not yet moved to a catalogue) is split into its Dutch text
 * and the English gist in parentheses at its end, if it has one, so users still read Dutch only.
 */
function asMessage(message: Message | string): Message {
  if (typeof message !== 'string') return message;
  const gist = LEGACY_GIST.exec(message);
  return gist ? { nl: message.slice(0, gist.index), en: gist[1] } : { nl: message, en: message };
}

/** The input is wrong: `field` names the input field (dotted path), `text` says why in Dutch, `reason` in English. */
export class InvalidInput extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  /** The Dutch text without the field name: what a form shows beside the field. */
  readonly text: string;

  /** A string `message` is for code not yet moved to a catalogue; pass a catalogue entry. */
  constructor(
    readonly field: string,
    message: Message | string,
  ) {
    const { nl, en } = asMessage(message);
    super(`${field}: ${nl}`, en);
    this.text = nl;
    this.name = 'InvalidInput';
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(message: Message) {
    super(message.nl, message.en);
    this.name = 'NotFound';
  }
}

/** The caller's view is stale: `currentVersion` is what they should reload and send back. */
export class Conflict extends DomainError {
  readonly code = 'CONFLICT' as const;

  /** A string `message` is for code not yet moved to a catalogue; pass a catalogue entry. */
  constructor(
    message: Message | string,
    readonly currentVersion: number,
  ) {
    const { nl, en } = asMessage(message);
    super(nl, en);
    this.name = 'Conflict';
  }
}

export class Forbidden extends DomainError {
  readonly code = 'FORBIDDEN' as const;

  /** A string `message` is for code not yet moved to a catalogue; pass a catalogue entry. */
  constructor(message: Message | string) {
    const { nl, en } = asMessage(message);
    super(nl, en);
    this.name = 'Forbidden';
  }
}
