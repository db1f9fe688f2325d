import { resolve } from 'node:path';
import { z } from 'zod';
import { booleanFlag } from './flags';
import { mailSettings } from './mail.settings';
import { metricsSettings } from './metrics.settings';
import { securitySettings } from './security.settings';
import { storeSettings } from './store.settings';
import { webSettings } from './web.settings';

/** Settings every part reads. */
const coreSettings = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Where the embedded SQLite file lives (actiemonitor.sqlite). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** The plans' data files that the importer reads on start-up. */
  PLANS_DIR: z.string().min(1).default(resolve(__dirname, '../../../config/plans')),
  IMPORT_ON_START: booleanFlag.default(true),
  /** GraphiQL at /graphiql; on by default outside production. */
  GRAPHIQL: booleanFlag.optional(),
  /** How often read models look for events written elsewhere (another instance, the CLI); 0 turns it off. */
  PROJECTION_POLL_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  /** /health/ready answers 503 while the read models are more than this many events behind the log. */
  READY_MAX_LAG: z.coerce.number().int().min(0).default(100),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Every setting the server and the CLI read, with its default. Validated once at start-up. */
export const configurationSchema = coreSettings
  .extend(storeSettings.shape)
  .extend(securitySettings.shape)
  .extend(webSettings.shape)
  .extend(mailSettings.shape)
  .extend(metricsSettings.shape);

export type Configuration = z.infer<typeof configurationSchema>;

/** Parses the environment; the error names each bad setting and why, so start-up fails clearly (in English: operators read it). */
export function loadConfiguration(env: Record<string, string | undefined> = process.env): Configuration {
  const result = configurationSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return result.data;
}

export function databaseFile(config: Pick<Configuration, 'DATA_DIR'>): string {
  return resolve(config.DATA_DIR, 'actiemonitor.sqlite');
}
