import { fixtureReport } from './report-fixture.testing';

describe('the report model over a period', () => {
  const model = fixtureReport();
  const action = (id: string) => model.lines.flatMap((l) => l.actions).find((a) => a.id === id)!;

  it('gives each action its status at the start and the end of the period', () => {
    expect([action('a-1').statusAtFrom, action('a-1').statusAtTo]).toEqual(['NOT_STARTED', 'IN_PROGRESS']);
    expect([action('a-2').statusAtFrom, action('a-2').statusAtTo]).toEqual(['NOT_REPORTED', 'DELAYED']);
    expect(action('a-1').noteAtTo).toBe('Gestart met werving');
  });

  it("lists the period's changes in log order with their reasons, and nothing from before or after", () => {
    const changes = action('a-1').changes;
    expect(changes.map((c) => c.kind)).toEqual(['STATUS_REPORTED', 'RESCHEDULED', 'MEASUREMENT_RECORDED']);
    expect(changes[0]).toMatchObject({
      status: 'IN_PROGRESS',
      previousStatus: 'NOT_STARTED',
      note: 'Gestart met werving',
      who: 'JN (coördinator)',
    });
    expect(changes[1]).toMatchObject({
      reason: 'vanwege het ontbreken van (project)financiering',
      why: 'vanwege het ontbreken van (project)financiering',
    });
    expect(changes[1].previousDeadline?.text).toBe('medio 2018');
    expect(changes[2]).toMatchObject({ value: 150, measuredAt: '2018-03-31' });
    expect(changes.map((c) => c.what).join(' ')).not.toContain('Klaar');
  });

  it('names owners added with the reason, and corrections with what they corrected and why', () => {
    const changes = action('a-2').changes;
    expect(changes.map((c) => c.kind)).toEqual(['STATUS_REPORTED', 'OWNER_ADDED', 'STATUS_CORRECTED']);
    expect(changes[1]).toMatchObject({ ownerId: 'JN', reason: 'JN neemt de coördinatie over', what: 'Eigenaar JN toegevoegd' });
    expect(changes[2]).toMatchObject({
      correctsVersion: 2,
      status: 'DELAYED',
      previousStatus: 'STOPPED',
      reason: 'Stopzetting was een vergissing',
    });
    expect(changes[2].what).toBe('Statusmelding (versie 2) gecorrigeerd: Gestopt wordt Vertraagd');
    expect(action('a-2').owners).toEqual(['NVP', 'JN']);
  });

  it('shows the deadline as written and as rescheduled', () => {
    expect(action('a-1').deadlineAsWritten?.text).toBe('medio 2018');
    expect(action('a-1').deadline?.text).toBe('eind 2019');
  });

  it('summarises statuses at start and end, overdue, completed and stopped', () => {
    expect(model.summary.atFrom).toMatchObject({ NOT_STARTED: 1, NOT_REPORTED: 1, IN_PROGRESS: 0 });
    expect(model.summary.atTo).toMatchObject({ IN_PROGRESS: 1, DELAYED: 1, STOPPED: 0, NOT_STARTED: 0 });
    // a-2 was stopped and then corrected to delayed: not stopped at the end of the period, and overdue (eind 2017).
    expect(model.summary.stopped).toEqual([]);
    expect(model.summary.completed).toEqual([]);
    expect(model.summary.overdue.map((a) => a.id)).toEqual(['a-2']);
  });

  it('takes targets with the measurements known at the end of the period', () => {
    expect(model.targets).toHaveLength(1);
    expect(model.targets[0].measurements.map((m) => m.value)).toEqual([150]);
    expect(model.targets[0].attainment).toBeCloseTo(0.5);
  });

  it("puts exactly the period's events in the annex, in log order", () => {
    expect(model.annex.map((e) => e.recordedAt)).toEqual([
      '2018-02-01T09:00:00.000Z',
      '2018-03-01T09:00:00.000Z',
      '2018-04-01T09:00:00.000Z',
      '2018-05-01T09:00:00.000Z',
      '2018-05-02T09:00:00.000Z',
      '2018-05-03T09:00:00.000Z',
    ]);
    expect(model.annex.every((e, i, all) => i === 0 || BigInt(all[i - 1].position) < BigInt(e.position))).toBe(true);
  });

  it('reads the period in Dutch days', () => {
    expect([model.period.fromDay, model.period.toDay]).toEqual(['2018-01-01', '2018-06-30']);
  });
});
