import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  ASTNode,
  DocumentNode,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isListType,
  Kind,
  Location,
  NoSchemaIntrospectionCustomRule,
  OperationDefinitionNode,
  ValidationRule,
  visit,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import type { Configuration } from '@actiemonitor/config';
import { API_MESSAGES } from '../errors/api.messages';

/** A time-travel read replays the log into memory: it costs far more than a field. */
const AS_OF_COST = 1000;

export interface QueryLimits {
  introspection: boolean;
  validationRules: ValidationRule[];
  maxTokens: number;
  /** Throws GRAPHQL_VALIDATION_FAILED when the operation's estimated cost is above the limit. */
  checkCost(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ): void;
}

/**
 * The limits every operation passes before anything executes. Depth, aliases and directives are
 * graphql-armor's validation rules; tokens are graphql-js' own parser limit; cost is
 * graphql-query-complexity, run just before execution because only then are the variables known
 * (a `first: $n` or an `asOf: $t` changes what a query costs).
 */
export function queryLimits(config: Configuration): QueryLimits {
  const introspection = config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production';
  const estimator = listAwareEstimator(config.GRAPHQL_LIST_SIZE);
  return {
    introspection,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    validationRules: [
      maxDepthRule({ n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true }),
      maxAliasesRule({ n: config.GRAPHQL_MAX_ALIASES }),
      maxDirectivesRule({ n: config.GRAPHQL_MAX_DIRECTIVES }),
      ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    ],
    checkCost(schema, document, variables, operationName) {
      // Mercurius hands a repeated query the document it parsed the first time: its cost, for the same
      // operation and variables, is looked up rather than estimated again on every request.
      const costs = costCache.get(schema)?.get(document);
      const key = `${operationName ?? ''}\u0000${costVariablesKey(document, variables)}`;
      let cost = costs?.get(key);
      if (cost === undefined) {
        try {
          cost = getComplexity({
            schema,
            query: document,
            variables: variables ?? {},
            operationName,
            estimators: [estimator],
            maxQueryNodes: 10_000,
          });
        } catch (error) {
          // Unknown operation names and bad variables are execution's to report, in its own words.
          if (error instanceof GraphQLError && /Query exceeds the maximum allowed number of nodes/.test(error.message)) cost = Infinity;
          else return;
        }
        rememberCost(schema, document, key, cost);
      }
      if (cost > config.GRAPHQL_MAX_COST) {
        const message = API_MESSAGES.queryTooCostly(Number.isFinite(cost) ? cost : null, config.GRAPHQL_MAX_COST);
        throw refusedBeforeExecution(message.nl, {
          cost: Number.isFinite(cost) ? cost : null,
          maximumCost: config.GRAPHQL_MAX_COST,
          reason: message.en,
        });
      }
    },
  };
}

/**
 * The variables that can change an operation's estimated cost: those inside a `first` or `asOf`
 * argument (what listAwareEstimator reads) and inside any directive (`@skip(if: $x)` / `@include`
 * decide what is counted). Per parsed document; other variables (a mutation's input, an id) cannot
 * change the estimate, so they are left out of the key its cost is remembered under.
 */
const costVariablesCache = new WeakMap<DocumentNode, string[]>();

function costVariablesKey(document: DocumentNode, variables: Record<string, unknown> | undefined): string {
  let names = costVariablesCache.get(document);
  if (names === undefined) {
    const found = new Set<string>();
    const collect = (node: ASTNode) =>
      visit(node, {
        Variable: (variable) => {
          found.add(variable.name.value);
        },
      });
    visit(document, {
      VariableDefinition: () => false, // a default value names no variable; the definitions are not uses
      Directive: (directive) => {
        collect(directive);
        return false;
      },
      Argument: (argument) => {
        if (argument.name.value === 'first' || argument.name.value === 'asOf') collect(argument.value);
      },
    });
    names = [...found].sort();
    costVariablesCache.set(document, names);
  }
  const values = variables ?? {};
  return JSON.stringify(names.map((name) => (Object.prototype.hasOwnProperty.call(values, name) ? [name, values[name]] : [name])));
}

/** Estimated costs per schema, parsed document (the parser's cache keeps those alive) and operation + the variables that count. */
const costCache = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
/** Variables vary per request in some clients (instants, ids): a document keeps this many costs at most. */
const COSTS_PER_DOCUMENT = 64;

function rememberCost(schema: GraphQLSchema, document: DocumentNode, key: string, cost: number): void {
  let documents = costCache.get(schema);
  if (!documents) costCache.set(schema, (documents = new WeakMap()));
  let costs = documents.get(document);
  if (!costs) documents.set(document, (costs = new Map()));
  if (costs.size >= COSTS_PER_DOCUMENT) costs.clear();
  costs.set(key, cost);
}

/**
 * Every field costs 1 plus what it selects; a list multiplies that by the items it is assumed to hold
 * (its `first` argument, else GRAPHQL_LIST_SIZE), and a paged field (`events(first:)`) scales its page
 * the same way. So nesting lists grows the cost as fast as the work it asks for.
 */
export function listAwareEstimator(listSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : null;
    const own = 1 + childComplexity;
    const base = isListType(getNullableType(field.type))
      ? (first ?? listSize) * own
      : first !== null
        ? 1 + childComplexity * Math.max(1, first / listSize)
        : own;
    return base + (args.asOf != null ? AS_OF_COST : 0);
  };
}

/** Mercurius falls back to JSON.parse for a query string that is not GraphQL (a JSON "AST"): never trust one. */
export function assertParsedDocument(document: unknown): void {
  const doc = document as DocumentNode | null;
  if (!doc || typeof doc !== 'object' || !(doc.loc instanceof Location) || doc.kind !== Kind.DOCUMENT) {
    throw Object.assign(
      new GraphQLError(API_MESSAGES.notGraphQL.nl, { extensions: { code: 'GRAPHQL_PARSE_FAILED', reason: API_MESSAGES.notGraphQL.en } }),
      { statusCode: 400 },
    );
  }
}

export function refusedBeforeExecution(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return Object.assign(new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...extensions } }), {
    statusCode: 400,
  });
}

/** For the access log: the operation's type, name and top-level fields (field names, never arguments). */
export function describeOperation(
  document: DocumentNode,
  operationName: unknown,
): { type: string; name: string | null; fields: string[] } | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation =
    typeof operationName === 'string' && operationName !== ''
      ? operations.find((o) => o.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (!operation) return null;
  const fields: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection.name.value);
    else if (selection.kind === Kind.FRAGMENT_SPREAD) fields.push(`...${selection.name.value}`);
    else fields.push('...');
    if (fields.length >= 20) break;
  }
  return { type: operation.operation, name: operation.name?.value ?? null, fields: [...new Set(fields)] };
}
