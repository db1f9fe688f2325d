import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLANS_DIR, startTestServer, TestServer } from './support/test-server';
import { WebClient } from './web/support/web-client';

interface RegionsFile {
  source: { publisher: string; title: string; retrievedFrom: string };
  regions: Array<{ id: string; name: string }>;
}
const file: RegionsFile = JSON.parse(readFileSync(join(PLANS_DIR, 'regions.json'), 'utf8'));
const AMSTERDAM = 'REGIO-AMSTERDAM-AMSTELLAND';
const TWENTE = 'REGIO-TWENTE';

describe('the 42 jeugdzorgregio’s, registered on first start as partners of kind REGION', () => {
  let server: TestServer;
  let auditor: string;
  let coordinator: string;

  beforeAll(async () => {
    server = await startTestServer();
    [auditor, coordinator] = await Promise.all([server.token('AUDITOR', null), server.token('COORDINATOR', 'VWS')]);
  });
  afterAll(() => server.close());

  it('serves every region of the data file with its name and kind REGION, and keeps "regio’s" a GROUP', async () => {
    const res = await server.gql(`{ partners { id name kind } }`, {}, auditor);
    expect(res.errors).toBeUndefined();
    const regions = res.data.partners.filter((p: any) => p.kind === 'REGION');
    expect(regions).toHaveLength(42);
    expect(new Map(regions.map((p: any) => [p.id, p.name]))).toEqual(new Map(file.regions.map((r) => [r.id, r.name])));
    expect(res.data.partners.find((p: any) => p.id === 'REGIOS')).toEqual({ id: 'REGIOS', name: 'jeugdzorgregio’s', kind: 'GROUP' });
  });

  it('lets a region hold a partner token through the CLI', async () => {
    const result = await server.cli(['tokens', 'create', '--role', 'partner', '--partner', AMSTERDAM, '--name', 'amsterdam-system']);
    expect(result.code).toBe(0);
    const secret = result.stdout.trim().split('\n').pop()!;
    const res = await server.gql(`{ partner(id: "${AMSTERDAM}") { id kind } }`, {}, secret);
    expect(res.errors).toBeUndefined();
    expect(res.data.partner).toEqual({ id: AMSTERDAM, kind: 'REGION' });
  });

  it('lets a region own an action and be involved in one, like any partner', async () => {
    const res = await server.gql(
      `mutation ($input: RegisterActionInput!) { registerAction(input: $input) { id owners { id kind } involved { partnerId role } } }`,
      {
        input: {
          actionId: 'koers-regio-proef',
          planId: 'koers-gezinshuizen-2019-2021',
          actionLineId: 'koers-o',
          title: 'Regionale proef',
          owners: [AMSTERDAM],
          involved: [{ partnerId: TWENTE, role: 'COLLABORATOR' }],
        },
      },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.registerAction).toEqual({
      id: 'koers-regio-proef',
      owners: [{ id: AMSTERDAM, kind: 'REGION' }],
      involved: [{ partnerId: TWENTE, role: 'COLLABORATOR' }],
    });
  });

  it('lists the 42 regions on /regios, each linked to its region page with the national actions it owns, and the list’s source', async () => {
    const client = new WebClient(server);
    expect((await client.signIn(auditor)).status).toBe(303);
    const page = await client.get('/regios');
    expect(page.status).toBe(200);
    const rows = page.doc.querySelectorAll('main tbody tr');
    expect(rows).toHaveLength(42);
    const byId = new Map(
      rows.map((row) => {
        const link = row.querySelector('a')!;
        // The last column: national actions the region owns (the others count its regional actions per status).
        return [link.getAttribute('href')!, { name: link.text, owns: row.querySelectorAll('td').pop()!.text.trim() }];
      }),
    );
    for (const r of file.regions) expect(byId.get(`/regios/${r.id}`)?.name).toBe(r.name);
    expect(byId.get(`/regios/${AMSTERDAM}`)?.owns).toBe('1');
    expect(byId.get(`/regios/${TWENTE}`)?.owns).toBe('0');
    const source = page.doc.querySelector('section[aria-labelledby="bron"]')!.text;
    expect(source).toContain(file.source.publisher);
    expect(source).toContain(file.source.retrievedFrom);
    const nav = page.doc.querySelector('nav[aria-label="Hoofdmenu"]')!;
    expect(nav.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain('/regios');
    const partnerPage = await client.get(`/partners/${AMSTERDAM}`);
    expect(partnerPage.status).toBe(200);
    expect(partnerPage.html).toContain('Amsterdam-Amstelland');
  });
});
