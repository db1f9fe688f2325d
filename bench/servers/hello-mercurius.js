'use strict';
/**
 * The floor for a GraphQL server on this stack: bare Fastify + Mercurius with JIT (as the product
 * configures it: jit 1), one `hello` field, no logging, no auth. Prints "ready <port>" when listening.
 */
const Fastify = require('fastify');
const mercurius = require('mercurius');

async function main() {
  const app = Fastify({ logger: false });
  app.register(mercurius, {
    schema: 'type Query { hello: String! }',
    resolvers: { Query: { hello: async () => 'world' } },
    jit: 1,
  });
  await app.listen({ port: Number(process.env.PORT || 0), host: '127.0.0.1' });
  process.stdout.write(`ready ${app.server.address().port}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
