/**
 * The floor for the measured query itself: bare Fastify + Mercurius with JIT (jit 1, as the product),
 * no logging, no auth, serving `partnerStatuses` with the product's field types (the status as an enum,
 * as the product's schema has it) from an answer held in memory: the product's own answer to the bench
 * query, read from ANSWER_FILE. What is left is what Mercurius and graphql-jit cost to execute and
 * serialise this answer and what writing its bytes costs, with no data access at all. `{ hello }` answers
 * a few bytes; this one answers the product's ~12 KB. Prints "ready <port>" when listening.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import mercurius from 'mercurius';

const SCHEMA = `
  enum ActionStatus { NOT_REPORTED NOT_STARTED IN_PROGRESS AT_RISK DELAYED COMPLETED STOPPED }
  type Partner { id: ID! name: String! }
  type StatusCount { status: ActionStatus! count: Int! }
  type PartnerStatus { partner: Partner! total: Int! overdue: Int! byStatus: [StatusCount!]! }
  type Query { partnerStatuses(planId: ID): [PartnerStatus!]! }
`;

async function main(): Promise<void> {
  const file = process.env.ANSWER_FILE;
  if (!file) throw new Error('ANSWER_FILE is not set');
  const answer = (JSON.parse(readFileSync(file, 'utf8')) as { data: { partnerStatuses: unknown[] } }).data.partnerStatuses;
  const app = Fastify({ logger: false });
  app.register(mercurius, { schema: SCHEMA, resolvers: { Query: { partnerStatuses: async () => answer } }, jit: 1 });
  await app.listen({ port: Number(process.env.PORT || 0), host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`ready ${address && typeof address === 'object' ? address.port : address}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
