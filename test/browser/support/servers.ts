import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The built server (`npm run build`, what `npm start` runs) in a child process, with its own DATA_DIR, and
 * the CLI against the same directory for tokens. Standalone: no jest or supertest, unlike test/support.
 */
export const ROOT = resolve(__dirname, '../../..');
const SERVER_ENTRY = join(ROOT, 'dist/apps/api/src/main.js');
const CLI_ENTRY = join(ROOT, 'dist/apps/cli/src/main.js');
const execFileAsync = promisify(execFile);

export type Role = 'coordinator' | 'partner' | 'auditor';

/**
 * The server's settings (config/src) a developer's shell may have exported, e.g. EVENT_STORE=postgres or
 * OIDC_CLIENT_ID: left out, so the suite always runs the same embedded-SQLite, token-sign-in server.
 */
const SERVER_SETTING =
  /^(OIDC_|GRAPHQL_|SESSION_|GRAPHIQL$|PUBLIC_READ$|EVENT_STORE$|DATABASE_URL$|KURRENTDB_URL$|IMPORT_ON_START$|CORS_ORIGINS$|BODY_LIMIT_BYTES$|PROJECTION_POLL_MS$|READY_MAX_LAG$|PORT$|HOST$)/;

function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SERVER_SETTING.test(name)));
  return {
    ...inherited,
    PLANS_DIR: join(ROOT, 'config/plans'),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    ACCESS_LOG: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    ...settings,
  };
}

/** What global setup hands the specs (as a JSON file named by AM_BROWSER_ENV). */
export interface SuiteEnv {
  /** The signed-in server (PUBLIC_READ off). */
  url: string;
  /** A second server with PUBLIC_READ=true, with its own data. */
  publicUrl: string;
  tokens: Record<Role, string>;
  /** A coordinator's token on the PUBLIC_READ server, to write something a visitor then reads. */
  publicCoordinatorToken: string;
  /** Temp folder for storage states and downloads; removed at teardown. */
  dir: string;
  /** The signed-in server's DATA_DIR, for the CLI (tokens). */
  dataDir: string;
}

export const ENV_VARIABLE = 'AM_BROWSER_ENV';

export function readSuiteEnv(): SuiteEnv {
  const file = process.env[ENV_VARIABLE];
  if (!file || !existsSync(file))
    throw new Error(`${ENV_VARIABLE} is not set: run the browser tests with \`npx playwright test\` (its global setup starts the servers)`);
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteEnv;
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  private output = '';
  port = 0;

  constructor(
    readonly dataDir: string,
    private readonly extraEnv: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    for (const entry of [SERVER_ENTRY, CLI_ENTRY]) {
      if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run -s build\` before the browser tests`);
    }
    this.port = await freePort();
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      cwd: ROOT,
      env: serverEnv({ DATA_DIR: this.dataDir, PORT: String(this.port), HOST: '127.0.0.1', ...this.extraEnv }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.output}`);
      if ((await status(`${this.url}/health`)) === 200) return;
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`server on ${this.url} did not answer GET /health with 200 within 60 s:\n${this.output}`);
  }

  /** `tokens create` through the CLI; the token is alone on the last line of stdout. */
  token(role: Role, partner: string | null, name: string): Promise<string> {
    return createToken(this.dataDir, role, partner, name);
  }

  /** SIGTERM, then SIGKILL after 10 s. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** The CLI (`npm run -s cli -- ...`) against a server's DATA_DIR, as an operator on its machine runs it; stdout. */
export async function cli(dataDir: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(process.execPath, [CLI_ENTRY, ...args], { cwd: ROOT, env: serverEnv({ DATA_DIR: dataDir }) });
    return stdout;
  } catch (error) {
    const e = error as Error & { stderr?: string };
    throw new Error(`cli ${args.join(' ')} failed: ${e.stderr ?? e.message}`, { cause: error });
  }
}

/** `tokens create`; the token is alone on the last line of stdout. */
export async function createToken(dataDir: string, role: Role, partner: string | null, name: string): Promise<string> {
  const stdout = await cli(dataDir, ['tokens', 'create', '--role', role, '--name', name, ...(partner ? ['--partner', partner] : [])]);
  const token = stdout.trim().split('\n').pop() ?? '';
  if (!/^am_/.test(token)) throw new Error(`tokens create printed no token: ${stdout}`);
  return token;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** The status of a GET, or 0 when nothing answers yet. */
function status(url: string): Promise<number> {
  return new Promise((resolveStatus) => {
    const req = httpRequest(url, { method: 'GET', timeout: 2_000 }, (res) => {
      res.resume();
      resolveStatus(res.statusCode ?? 0);
    });
    req.on('error', () => resolveStatus(0));
    req.on('timeout', () => {
      req.destroy();
      resolveStatus(0);
    });
    req.end();
  });
}
