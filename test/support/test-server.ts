import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';

/**
 * End-to-end suites run the built server (`npm run build` output, what `npm start` runs) in a child
 * process and talk to it over HTTP, exactly as partners' systems do. That also sidesteps Jest's lack of
 * require(esm) on Node 20, which Nest 12's ESM packages would need in-process.
 */
export const ROOT = resolve(__dirname, '../..');
export const PLANS_DIR = join(ROOT, 'config/plans');
const SERVER_ENTRY = join(ROOT, 'dist/apps/api/src/main.js');
const CLI_ENTRY = join(ROOT, 'dist/apps/cli/src/main.js');
const execFileAsync = promisify(execFile);

export interface GqlResponse<T = any> {
  status: number;
  data: T;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

export type Role = 'COORDINATOR' | 'PARTNER' | 'AUDITOR';

export class TestServer {
  private process: ChildProcess | null = null;
  private tokenCounter = 0;
  port = 0;
  output = '';

  constructor(
    readonly dataDir: string,
    private readonly env: Record<string, string>,
    private readonly ownsDataDir: boolean,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The environment the server and the CLI run with (the test's own, this server's DATA_DIR and settings). */
  get childEnv(): NodeJS.ProcessEnv {
    return { ...process.env, DATA_DIR: this.dataDir, PLANS_DIR, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...this.env };
  }

  async start(): Promise<void> {
    this.port = await freePort();
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      env: { ...this.childEnv, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
    await waitForHealth(this, child);
  }

  /** SIGKILL: no shutdown hooks, no flush. What survives is what the store had made durable. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
    this.process = null;
  }

  async restart(): Promise<void> {
    await this.kill('SIGTERM');
    await this.start();
  }

  async close(): Promise<void> {
    await this.kill('SIGTERM');
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Runs the CLI against this server's data directory: `npm run -s cli -- <args>`; `env` adds or overrides settings. */
  async cli(args: string[], env: Record<string, string | undefined> = {}): Promise<{ stdout: string; stderr: string; code: number }> {
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, [CLI_ENTRY, ...args], { env: { ...this.childEnv, ...env } });
      return { stdout, stderr, code: 0 };
    } catch (error: any) {
      return { stdout: error.stdout ?? '', stderr: error.stderr ?? '', code: error.code ?? 1 };
    }
  }

  /** Creates a token through the CLI, as a coordinator would, and returns the secret (last line of stdout). */
  async token(role: Role, partnerId: string | null = role === 'PARTNER' ? 'VNG' : 'VWS'): Promise<string> {
    this.tokenCounter += 1;
    const args = [
      'tokens',
      'create',
      '--role',
      role.toLowerCase(),
      '--name',
      `e2e-${role.toLowerCase()}-${this.tokenCounter}-${Date.now()}`,
    ];
    if (partnerId) args.push('--partner', partnerId);
    const result = await this.cli(args);
    if (result.code !== 0) throw new Error(`tokens create failed: ${result.stderr}`);
    return result.stdout.trim().split('\n').pop()!;
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, token: string | null = null): Promise<GqlResponse<T>> {
    let req = request(this.url).post('/graphql').set('content-type', 'application/json');
    if (token) req = req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  }
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
}

/**
 * A raw HTTP request to a test server, for what `gql` cannot send: malformed JSON, other content types,
 * huge bodies, GET requests, arbitrary headers. Never throws on a status.
 */
export async function rawRequest(
  server: TestServer,
  options: { method?: 'GET' | 'POST' | 'OPTIONS'; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const method = options.method ?? 'POST';
  let req =
    method === 'GET'
      ? request(server.url).get(options.path ?? '/graphql')
      : method === 'OPTIONS'
        ? request(server.url).options(options.path ?? '/graphql')
        : request(server.url).post(options.path ?? '/graphql');
  for (const [name, value] of Object.entries(options.headers ?? {})) req = req.set(name, value);
  const res = options.body !== undefined ? await req.send(options.body) : await req;
  let body: any;
  try {
    body = JSON.parse(res.text);
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, text: res.text ?? '', body };
}

export async function startTestServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'actiemonitor-e2e-'));
  const server = new TestServer(dataDir, options.env ?? {}, !options.dataDir);
  await server.start();
  return server;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(server: TestServer, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${server.output}`);
    try {
      const res = await request(server.url).get('/health');
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy:\n${server.output}`);
}
