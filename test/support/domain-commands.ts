import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, TestServer } from './test-server';

const execFileAsync = promisify(execFile);

/** A command on the application's bus: `ExecuteRoundCommand` or `ExecuteActionCommand`, with who sends it. */
export interface DomainStep {
  message: 'ExecuteRoundCommand' | 'ExecuteActionCommand';
  command: Record<string, unknown> & { type: string };
  actor: { id: string; partnerId: string | null; role: 'COORDINATOR' | 'PARTNER' };
}

/**
 * Runs commands through the built application's command bus (the write path the resolvers and forms
 * use), in a process of its own against the server's DATA_DIR, as the CLI does. For setting up what
 * neither the API nor the CLI offers yet: opening a reporting round, owners' updates and their review.
 */
const SCRIPT = `
require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { CommandBus } = require('@nestjs/cqrs');
const dist = process.env.E2E_DIST;
const { CliModule } = require(dist + '/apps/cli/src/cli.module.js');
const { loadConfiguration } = require(dist + '/config/src/index.js');
const application = require(dist + '/libs/application/src/index.js');
(async () => {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot({ config: loadConfiguration() }), { logger: ['error'] });
  const bus = app.get(CommandBus);
  for (const step of JSON.parse(process.env.E2E_STEPS)) {
    await bus.execute(new application[step.message](step.command, { actor: step.actor, commandId: null, correlationId: 'e2e-setup' }));
  }
  await app.close();
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\\n');
  process.exit(1);
});
`;

export async function runDomainCommands(server: TestServer, steps: DomainStep[]): Promise<void> {
  try {
    await execFileAsync(process.execPath, ['-e', SCRIPT], {
      cwd: ROOT,
      env: { ...server.childEnv, E2E_DIST: join(ROOT, 'dist'), E2E_STEPS: JSON.stringify(steps) },
    });
  } catch (error: any) {
    throw new Error(`domain commands failed: ${error.stderr ?? error.message}`, { cause: error });
  }
}

export const COORDINATOR_ACTOR = { id: 'e2e-coordinator', partnerId: 'VWS', role: 'COORDINATOR' } as const;
export const ownerActor = (partnerId: string) => ({ id: `e2e-${partnerId.toLowerCase()}`, partnerId, role: 'PARTNER' }) as const;

/** A date `days` from today, JJJJ-MM-DD. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
