import { Logger } from '@nestjs/common';
import { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { FastifyRequest } from 'fastify';
import { API_MESSAGES } from './api.messages';

const logger = new Logger('GraphQL');
const MAX_MESSAGE = 1000;

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};
const STATUS_BY_CODE: Record<string, number> = {
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

type WithStatus = { statusCode?: unknown; errors?: unknown };

interface Formatted {
  json: GraphQLFormattedError;
  code: string;
  status: number | null;
}

/**
 * Mercurius' error formatter: every error a client sees, from any stage (HTTP body, parse, validation,
 * limits, resolvers), leaves through here with an `extensions.code`. Errors we did not make ourselves
 * and that carry no HTTP status are internal: the client gets a generic message, the log gets the stack.
 * With introspection off, graphql-js' "Did you mean ...?" hints are dropped too: they would spell out
 * the schema field by field.
 */
export function createErrorFormatter(options: { hideSuggestions: boolean }) {
  return (execution: ExecutionResult & { statusCode?: number }, context: { reply?: { request?: FastifyRequest } } | undefined) => {
    const formatted: Formatted[] = [];
    let wrapperStatus: number | null = null;
    for (const error of execution.errors ?? []) {
      const original = error.originalError as (Error & WithStatus) | undefined;
      if (original && Array.isArray(original.errors)) {
        // Mercurius wraps parse and validation failures (and body errors) in one error holding the list.
        wrapperStatus ??= httpStatus(original.statusCode);
        for (const inner of original.errors) formatted.push(formatOne(asGraphQLError(inner), options, wrapperStatus));
      } else {
        formatted.push(formatOne(error, options));
      }
    }
    const codes = context?.reply?.request?.access?.codes;
    if (codes) for (const f of formatted) codes.push(f.code);

    const executed = execution.data !== undefined;
    const statusCode = executed ? 200 : (execution.statusCode ?? wrapperStatus ?? formatted[0]?.status ?? 200);
    return { statusCode, response: { data: execution.data ?? null, errors: formatted.map((f) => f.json) } };
  };
}

function formatOne(error: GraphQLError, options: { hideSuggestions: boolean }, inheritedStatus: number | null = null): Formatted {
  const json = error.toJSON();
  const extensions = error.extensions ?? {};
  const original = error.originalError as (Error & WithStatus) | undefined;
  const ownStatus =
    httpStatus((error as GraphQLError & WithStatus).statusCode) ?? httpStatus(original?.statusCode) ?? (original ? inheritedStatus : null);

  if (typeof extensions.code === 'string') {
    const named = extensions.code === 'BAD_USER_INPUT' && extensions.field === undefined ? variableProblem(error.message) : {};
    // A reason of ours (the English meaning of a Dutch message) wins over graphql-js' wording.
    const ours = typeof extensions.reason === 'string' ? { reason: extensions.reason } : {};
    return {
      json: { ...json, message: clip(withOurWords(json.message, original)), extensions: { ...extensions, ...named, ...ours } },
      code: extensions.code,
      status: ownStatus ?? STATUS_BY_CODE[extensions.code] ?? 200,
    };
  }
  if (!original || original instanceof GraphQLError) {
    // graphql-js' own findings: syntax, validation, variable coercion. They name the user's mistake.
    // graphql-armor's limit rules word their refusals as syntax errors; they are validation failures.
    let message = error.message.replace(/^Syntax Error: (?=\S+ (?:depth )?limit of \d+ exceeded)/, '');
    const code = /^Syntax Error/.test(message)
      ? 'GRAPHQL_PARSE_FAILED'
      : /^Variable "\$/.test(message)
        ? 'BAD_USER_INPUT'
        : 'GRAPHQL_VALIDATION_FAILED';
    if (options.hideSuggestions) message = message.replace(/ ?Did you mean .*\?$/s, '');
    return {
      json: { ...json, message: clip(message), extensions: { ...extensions, code, ...variableProblem(message) } },
      code,
      status: ownStatus ?? 400,
    };
  }
  if (ownStatus !== null && ownStatus < 500) {
    // Fastify's and Mercurius' HTTP refusals (bad JSON, body too large, wrong method): their messages are ours to show.
    const code = CODE_BY_STATUS[ownStatus] ?? 'BAD_REQUEST';
    return { json: { message: clip(error.message), extensions: { code } }, code, status: ownStatus };
  }
  logger.error(original.stack ?? original.message);
  return {
    json: {
      message: API_MESSAGES.internal.nl,
      ...(json.path ? { path: json.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', reason: API_MESSAGES.internal.en },
    },
    code: 'INTERNAL_SERVER_ERROR',
    status: 500,
  };
}

/**
 * graphql-js words a bad variable as `Variable "$x" got invalid value …; <the scalar's own message>`;
 * graphql-jit (a compiled query, from its second run on) puts `Expected type Date.` where our Dutch
 * message was. Put our words back, so a refusal reads the same on every run.
 */
function withOurWords(message: string, original: Error | undefined): string {
  if (!(original instanceof GraphQLError) || typeof original.extensions?.reason !== 'string') return message;
  if (message.includes(original.message)) return message;
  return message.replace(/; Expected type [^;]*\.$/, `; ${original.message}`);
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const e = error as Error & { extensions?: Record<string, unknown> };
  return new GraphQLError(typeof e?.message === 'string' ? e.message : String(error), {
    originalError: e instanceof Error ? e : undefined,
    extensions: e?.extensions,
  });
}

function httpStatus(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value < 600 ? value : null;
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}

/**
 * graphql-js words a bad variable as `Variable "$input" got invalid value … at "input.deadline.end"; why`.
 * The field (the path inside the variable, or the variable itself) and the reason go into extensions,
 * as for every other BAD_USER_INPUT.
 */
function variableProblem(message: string): { field?: string; reason?: string } {
  const match =
    /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" (?:got invalid value .*?(?: at "([^"]*)")?; (.*)|(of required type .*|of type .*))$/s.exec(
      message,
    );
  if (!match) return {};
  const [, variable, path, reason, other] = match;
  const field = path ? path.split('.').slice(1).join('.') || variable : variable;
  return { field, reason: clip(reason ?? other ?? message) };
}
