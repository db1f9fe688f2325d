import { DocumentNode, GraphQLError, GraphQLSchema, specifiedRules, validate } from 'graphql';
import type { QueryLimits } from '../graphql/query-limits';

/**
 * Over HTTP, Mercurius validates a document (with our depth, alias and directive rules) before it runs;
 * over a WebSocket it hands a subscription's document to graphql-js' `subscribe`, which does not.
 * A subscription runs its selection once per change for as long as it is open, so it meets the same
 * rules and the same cost limit (with no variables known here, lists count at their default size).
 */
export function assertValidSubscription(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: Pick<QueryLimits, 'validationRules' | 'checkCost'>,
): void {
  let errors: readonly GraphQLError[];
  try {
    errors = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
  } catch (error) {
    // Some limit rules throw rather than report (the depth limit does).
    if (!(error instanceof GraphQLError)) throw error;
    errors = [error];
  }
  if (errors.length > 0) {
    const [first] = errors;
    throw new GraphQLError(first.message, { nodes: first.nodes, extensions: { ...first.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } });
  }
  limits.checkCost(schema, document, undefined, undefined);
}
