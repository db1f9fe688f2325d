import { startTestServer, TestServer } from './support/test-server';

describe('tokens through the CLI', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('prints the new token alone on the last line of stdout, and it works at once', async () => {
    const result = await server.cli(['tokens', 'create', '--role', 'coordinator', '--partner', 'vws', '--name', 'vws-coordinator']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^am_[A-Za-z0-9_-]{43}$/);
    const res = await server.gql(`{ plans { id } }`, {}, lines[lines.length - 1]);
    expect(res.data.plans.length).toBe(2);
  });

  it('stores tokens hashed: the secret appears nowhere in the database file', async () => {
    const { stdout } = await server.cli(['tokens', 'create', '--role', 'auditor', '--name', 'accountant']);
    const secret = stdout.trim().split('\n').pop()!;
    const { readFileSync, readdirSync } = await import('node:fs');
    for (const f of readdirSync(server.dataDir)) expect(readFileSync(`${server.dataDir}/${f}`).includes(secret)).toBe(false);
  });

  it('revokes a token: the next request is UNAUTHENTICATED', async () => {
    const { stdout } = await server.cli(['tokens', 'create', '--role', 'partner', '--partner', 'NVP', '--name', 'nvp-system']);
    const secret = stdout.trim().split('\n').pop()!;
    expect((await server.gql(`{ partners { id } }`, {}, secret)).errors).toBeUndefined();
    const revoke = await server.cli(['tokens', 'revoke', '--name', 'nvp-system']);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toBe("Token 'nvp-system' ingetrokken\n");
    const res = await server.gql(`{ partners { id } }`, {}, secret);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    // Long enough that the CLI's start-up cannot outlast it on a busy machine: the token must work first.
    const expiresAt = Date.now() + 10_000;
    const { stdout } = await server.cli([
      'tokens',
      'create',
      '--role',
      'auditor',
      '--name',
      'short-lived',
      '--expires',
      new Date(expiresAt).toISOString(),
    ]);
    const secret = stdout.trim().split('\n').pop()!;
    expect(Date.now()).toBeLessThan(expiresAt);
    expect((await server.gql(`{ partners { id } }`, {}, secret)).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, expiresAt - Date.now() + 200));
    expect((await server.gql(`{ partners { id } }`, {}, secret)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('explains bad arguments and exits non-zero', async () => {
    const noRole = await server.cli(['tokens', 'create', '--name', 'x']);
    expect(noRole.code).not.toBe(0);
    expect(noRole.stderr).toMatch(/--role/);
    expect(noRole.stderr).toBe('Fout: --role: kies uit coordinator, partner, auditor\n');
    const partnerWithoutId = await server.cli(['tokens', 'create', '--role', 'partner', '--name', 'y']);
    expect(partnerWithoutId.code).not.toBe(0);
    expect(partnerWithoutId.stderr).toMatch(/partner/);
    expect(partnerWithoutId.stderr).toBe('Fout: partner: een PARTNER-token hoort bij een partner\n');
    const duplicate = await server.cli(['tokens', 'create', '--role', 'auditor', '--name', 'accountant']);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toMatch(/accountant/);
    expect(duplicate.stderr).toBe("Fout: name: er bestaat al een token 'accountant'\n");
  });

  it('lists tokens without their secrets', async () => {
    const { stdout } = await server.cli(['tokens', 'list']);
    expect(stdout).toMatch(/vws-coordinator\tCOORDINATOR\tVWS/);
    expect(stdout).toMatch(/nvp-system\tPARTNER\tNVP\t.*ingetrokken/);
    expect(stdout).not.toMatch(/am_/);
  });

  it('refuses a token for a partner that does not exist, naming the nearest one; an alias means its partner', async () => {
    const typo = await server.cli(['tokens', 'create', '--role', 'partner', '--partner', 'NJJ', '--name', 'typo']);
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toContain("onbekende partner 'NJJ'. Bedoelt u NJI?");
    expect(typo.stderr).toMatch(/Bekende partners: .*\bNVP\b.*\bVWS\b/);
    expect(typo.stdout).not.toMatch(/am_/);
    const unknown = await server.cli(['tokens', 'create', '--role', 'coordinator', '--partner', 'XYZ', '--name', 'xyz']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("onbekende partner 'XYZ'.");
    expect((await server.cli(['tokens', 'list'])).stdout).not.toMatch(/^(typo|xyz)\t/m);
    const alias = await server.cli(['tokens', 'create', '--role', 'partner', '--partner', 'NJi', '--name', 'nji-alias']);
    expect(alias.code).toBe(0);
    expect((await server.cli(['tokens', 'list'])).stdout).toMatch(/nji-alias\tPARTNER\tNJI/);
  });

  it('prints its help and exits 0, without an error line', async () => {
    const help = await server.cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/tokens/);
    // Option and command descriptions are Dutch only: no English gist in parentheses.
    expect(help.stdout).toContain('API-tokens beheren');
    expect(help.stdout).not.toMatch(/\((?:manage|create|revoke|list|import|rebuild|walk)\b/);
    const createHelp = await server.cli(['tokens', 'create', '--help']);
    expect(createHelp.stdout).toContain('Maak een API-token; het token staat alleen op de laatste regel');
    expect(createHelp.stdout).not.toMatch(/\(create a token\)/);
    expect(help.stderr).not.toMatch(/Fout/);
    const unknownOption = await server.cli(['tokens', 'list', '--bogus']);
    expect(unknownOption.code).not.toBe(0);
    expect(unknownOption.stderr).not.toMatch(/Fout: \(/);
  });
});
