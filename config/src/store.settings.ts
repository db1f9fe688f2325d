import { z } from 'zod';

export const EVENT_STORE_KINDS = ['sqlite', 'postgres', 'kurrentdb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

const POSTGRES_PROTOCOLS = ['postgres:', 'postgresql:'];
/** What @kurrent/kurrentdb-client's connection-string parser accepts (esdb:// still works but is deprecated). */
const KURRENTDB_PROTOCOLS = [
  'kurrentdb:',
  'kurrentdb+discover:',
  'kurrent:',
  'kurrent+discover:',
  'kdb:',
  'kdb+discover:',
  'esdb:',
  'esdb+discover:',
];

/** An unset variable and `VAR=` (how .env files and compose write "nothing") both mean "not given". */
const optionalUrl = (protocols: string[], example: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z
      .string()
      .refine((value) => protocols.includes(protocolOf(value)), {
        message: `must be a ${protocols[0]}// URL such as ${example}`,
      })
      .optional(),
  );

/** Which event store adapter runs, and how to reach it. */
export const storeSettings = z.object({
  EVENT_STORE: z.enum(EVENT_STORE_KINDS).default('sqlite'),
  /** PostgreSQL for the log and the tokens when EVENT_STORE=postgres. */
  DATABASE_URL: optionalUrl(POSTGRES_PROTOCOLS, 'postgres://user@host:5432/actiemonitor'),
  /** KurrentDB for the log when EVENT_STORE=kurrentdb. */
  KURRENTDB_URL: optionalUrl(KURRENTDB_PROTOCOLS, 'kurrentdb://host:2113?tls=false'),
});

export type StoreSettings = z.infer<typeof storeSettings>;

/**
 * The cross-field rule that zod's `.extend(storeSettings.shape)` in configuration.ts would drop if it
 * were a refinement: the chosen store's URL must be given. Called by the persistence wiring at start-up,
 * so a bad combination stops the server (and the CLI) before anything is opened.
 */
export function assertStoreSettings(config: StoreSettings): void {
  const missing = missingStoreSetting(config);
  if (missing !== null) {
    throw new Error(`Invalid configuration: ${missing}: required when EVENT_STORE=${config.EVENT_STORE}`);
  }
}

function missingStoreSetting(config: StoreSettings): 'DATABASE_URL' | 'KURRENTDB_URL' | null {
  if (config.EVENT_STORE === 'postgres' && config.DATABASE_URL === undefined) return 'DATABASE_URL';
  if (config.EVENT_STORE === 'kurrentdb' && config.KURRENTDB_URL === undefined) return 'KURRENTDB_URL';
  return null;
}

function protocolOf(value: string): string {
  const match = /^([a-z][a-z0-9+.-]*:)\/\//i.exec(value.trim());
  return match === null ? '' : match[1].toLowerCase();
}

/** A URL with its password replaced, for error messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}
