/**
 * The floor for a GraphQL server on this stack: bare Fastify + Mercurius with JIT (as the product
 * configures it: jit 1), one `hello` field, no logging, no auth. Prints "ready <port>" when listening.
 */
import Fastify from 'fastify';
import mercurius from 'mercurius';

async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  app.register(mercurius, {
    schema: 'type Query { hello: String! }',
    resolvers: { Query: { hello: async () => 'world' } },
    jit: 1,
  });
  await app.listen({ port: Number(process.env.PORT || 0), host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`ready ${address && typeof address === 'object' ? address.port : address}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
