import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { startTestServer, TestServer } from './support/test-server';

/**
 * Issue 12, items 6-8: after a fresh start (the plans imported on an empty store) the parliamentary
 * references, the Koers's opgaven and Bijlage 2's context figures are queryable, both ways, with their
 * sources; asOf before the import answers empty; coordinators add more; replay --verify is exact.
 */
const ACTIEPLAN = 'actieplan-pleegzorg-2017-2018';
const KOERS = 'koers-gezinshuizen-2019-2021';
const VOORTMAN = 'motie-voortman-34550-xvi-89';

const REFERENCE = `query ($id: ID!, $asOf: DateTime) {
  parliamentaryReference(id: $id, asOf: $asOf) { id kind chamber dossier number title members date dateText source
    links { subject subjectId note } plans { id } actions { id title } } }`;

function flow(store: string, start: () => Promise<{ server: TestServer; cleanUp?: () => Promise<void> }>) {
  describe(`references, themes and context figures on ${store}`, () => {
    let server: TestServer;
    let cleanUp: (() => Promise<void>) | undefined;
    let auditor: string;
    let coordinator: string;
    let partner: string;

    beforeAll(async () => {
      ({ server, cleanUp } = await start());
      [auditor, coordinator, partner] = await Promise.all([
        server.token('AUDITOR', null),
        server.token('COORDINATOR', 'VWS'),
        server.token('PARTNER', 'NVP'),
      ]);
    });
    afterAll(async () => {
      await server.close();
      await cleanUp?.();
    });

    it('answers the motie Voortman with the plan and the actions that answer it, and its source', async () => {
      const res = await server.gql(REFERENCE, { id: VOORTMAN }, partner);
      expect(res.errors).toBeUndefined();
      const motie = res.data.parliamentaryReference;
      expect(motie).toMatchObject({ kind: 'MOTIE', chamber: 'TWEEDE_KAMER', dossier: '34550 XVI', number: '89', members: ['Voortman'] });
      expect(motie.date).toBeNull();
      expect(motie.source).toContain('aangehouden motie Voortman over het afhaken van pleegouders nr. 89');
      expect(motie.plans).toEqual([{ id: ACTIEPLAN }]);
      expect(motie.actions.map((a: { id: string }) => a.id)).toEqual(['pleegzorg-2-1', 'pleegzorg-2-3']);
    });

    it('answers the other way: the action and the plan list what they answer to', async () => {
      const res = await server.gql(
        `{ action(id: "pleegzorg-2-3") { references { id number } }
           plan(id: "${ACTIEPLAN}") { references { id } } }`,
        {},
        auditor,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.action.references.map((r: { id: string }) => r.id)).toEqual([
        VOORTMAN,
        'motie-keijzer-34550-xvi-84',
        'kamervragen-ypma-2016z20139',
      ]);
      expect(res.data.action.references[2].number).toBe('2016Z20139');
      expect(res.data.plan.references.map((r: { id: string }) => r.id)).toContain(VOORTMAN);
    });

    it('holds the Koers’s motie Voordewind c.s. with the date as written and no date it does not give', async () => {
      const res = await server.gql(REFERENCE, { id: 'motie-voordewind-peters-tielen-raemakers' }, auditor);
      expect(res.data.parliamentaryReference).toMatchObject({
        members: ['Voordewind', 'Peters', 'Tielen', 'Raemakers'],
        date: null,
        dateText: '13 februari jl.',
        plans: [{ id: KOERS }],
      });
    });

    it('holds the Koers’s opgaven as themes: Campagne serves five, Partnerschap has its four actions', async () => {
      const res = await server.gql(
        `{ action(id: "koers-o-1") { themes { id title } }
           themes(planId: "${KOERS}") { id title actionLineId actions { id } links { actionId note } } }`,
        {},
        partner,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.action.themes.map((t: { title: string }) => t.title)).toEqual([
        'Gezamenlijk verhaal',
        'Partnerschap',
        'Kennisdelen: verspreiden en leren',
        'Vitaliteit',
        'Bekostiging en administratieve lasten',
      ]);
      expect(res.data.themes).toHaveLength(9);
      const partnerschap = res.data.themes.find((t: { title: string }) => t.title === 'Partnerschap');
      expect(partnerschap.actionLineId).toBe('koers-a');
      expect(partnerschap.actions.map((a: { id: string }) => a.id)).toEqual(['koers-o-1', 'koers-o-2', 'koers-o-6', 'koers-o-8']);
      expect(partnerschap.links[3].note).toContain('leeromgeving');
    });

    it('gives Bijlage 2’s figures with source and unit, apart from the targets and beside those they give context to', async () => {
      const res = await server.gql(
        `{ contextFigures(planId: "${ACTIEPLAN}") { id title unit source figures { period date value note } }
           target(id: "pleegzorg-3-inschrijvingen-2017") { contextFigures { id figures { period value } } } }`,
        {},
        auditor,
      );
      expect(res.errors).toBeUndefined();
      const children = res.data.contextFigures.find((s: { id: string }) => s.id === 'pleegzorg-kinderen-in-pleegzorg');
      expect(children.figures.map((f: { period: string; value: number }) => [f.period, f.value])).toEqual([
        ['2014', 21880],
        ['2015', 22512],
      ]);
      expect(children.figures[1].date).toBe('2015-12-31');
      expect(children.source).toContain('Pleegzorg Nederland, 2016');
      expect(children.figures[1].note).toContain('22.512 kinderen en jongeren');
      expect(res.data.target.contextFigures).toEqual([
        {
          id: 'pleegzorg-pleeggezinnen',
          figures: [
            { period: '2014', value: 16223 },
            { period: '2015', value: 18430 },
          ],
        },
      ]);
    });

    it('answers empty as of a moment before the import', async () => {
      const before = '2001-01-01T00:00:00Z';
      const res = await server.gql(
        `query ($asOf: DateTime) { parliamentaryReferences(asOf: $asOf) { id }
           themes(planId: "${KOERS}", asOf: $asOf) { id } contextFigures(planId: "${ACTIEPLAN}", asOf: $asOf) { id } }`,
        { asOf: before },
        auditor,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ parliamentaryReferences: [], themes: [], contextFigures: [] });
      expect((await server.gql(REFERENCE, { id: VOORTMAN, asOf: before }, auditor)).data.parliamentaryReference).toBeNull();
    });

    it('lets a coordinator register and link a Kamerbrief, shows the link only from then on, and refuses unknown actions by field', async () => {
      const registered = await server.gql(
        `mutation ($input: RegisterParliamentaryReferenceInput!) { registerParliamentaryReference(input: $input) { id kind } }`,
        { input: { referenceId: 'kamerbrief-test', kind: 'KAMERBRIEF', title: 'Voortgangsbrief pleegzorg', source: 'handmatig (test)' } },
        coordinator,
      );
      expect(registered.errors).toBeUndefined();
      const link = `mutation ($input: LinkParliamentaryReferenceInput!) { linkParliamentaryReference(input: $input) { links { subjectId } } }`;
      const unknown = await server.gql(
        link,
        { input: { referenceId: 'kamerbrief-test', subject: 'ACTION', subjectId: 'bestaat-niet' } },
        coordinator,
      );
      expect(unknown.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(unknown.errors![0].message).toMatch(/^subjectId: /);
      const beforeLink = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 20));
      const linked = await server.gql(
        link,
        { input: { referenceId: 'kamerbrief-test', subject: 'ACTION', subjectId: 'pleegzorg-3-1' } },
        coordinator,
      );
      expect(linked.data.linkParliamentaryReference.links).toEqual([{ subjectId: 'pleegzorg-3-1' }]);
      const then = await server.gql(REFERENCE, { id: 'kamerbrief-test', asOf: beforeLink }, auditor);
      expect(then.data.parliamentaryReference.actions).toEqual([]);
      const forbidden = await server.gql(link, { input: { referenceId: 'kamerbrief-test', subject: 'PLAN', subjectId: KOERS } }, partner);
      expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
    });

    it('lets a coordinator record a figure in a series and refuses a target outside the plan by field', async () => {
      const figure = await server.gql(
        `mutation ($input: RecordContextFigureInput!) { recordContextFigure(input: $input) { figures { period value } } }`,
        { input: { seriesId: 'pleegzorg-pleeggezinnen', period: '2016', date: '2016-12-31', value: 19000, note: 'test' } },
        coordinator,
      );
      expect(figure.errors).toBeUndefined();
      expect(figure.data.recordContextFigure.figures.map((f: { period: string }) => f.period)).toEqual(['2014', '2015', '2016']);
      const wrong = await server.gql(
        `mutation ($input: DefineContextSeriesInput!) { defineContextSeries(input: $input) { id } }`,
        { input: { seriesId: 'test-reeks', planId: KOERS, title: 'T', unit: 'x', source: 'test', targetIds: ['pleegzorg-3-afhaken'] } },
        coordinator,
      );
      expect(wrong.errors![0].message).toMatch(/^targetIds\[0\]: /);
    });

    it('replay --verify is exact, and a restart imports nothing twice', async () => {
      const verify = await server.cli(['replay', '--verify']);
      expect([verify.code, verify.stderr]).toEqual([0, '']);
      const again = await server.cli(['import']);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/^0 van \d+ onderdelen nieuw vastgelegd/);
    });
  });
}

flow('SQLite', async () => ({ server: await startTestServer() }));

describeWithPostgres('on PostgreSQL', probePostgres(), () => {
  flow('PostgreSQL', async () => {
    const database = await createTestDatabase();
    const server = await startTestServer({ env: { EVENT_STORE: 'postgres', DATABASE_URL: database.url } });
    return { server, cleanUp: () => database.drop() };
  });
});
