import type { RecordedEvent } from '@actiemonitor/event-store';
import { addMonths, formatCalendarDate, formatInstant } from './dutch-dates';
import { historyLine } from './history-sentence';
import { parsePeildatum } from './peildatum';
import { matchesAllWords, normaliseForSearch } from './search-text';

const NOW = new Date('2026-11-30T10:00:00Z');

describe('peildatum', () => {
  it('reads a date as the end of that day in the Netherlands (summer time)', () => {
    const result = parsePeildatum('2018-06-30', NOW);
    expect(result).toMatchObject({ ok: true });
    const p = (result as { ok: true; peildatum: { asOf: Date; label: string } }).peildatum;
    expect(p.asOf.toISOString()).toBe('2018-06-30T21:59:59.999Z');
    expect(p.label).toBe('30 juni 2018 (einde van de dag)');
  });
  it('reads a date in winter with the winter offset', () => {
    const p = parsePeildatum('2018-01-15', NOW) as { ok: true; peildatum: { asOf: Date } };
    expect(p.peildatum.asOf.toISOString()).toBe('2018-01-15T22:59:59.999Z');
  });
  it('reads a date-time without offset as Dutch time, and one with an offset as given', () => {
    expect((parsePeildatum('2018-03-12T14:00', NOW) as any).peildatum.asOf.toISOString()).toBe('2018-03-12T13:00:00.000Z');
    expect((parsePeildatum('2018-03-12T14:00:00Z', NOW) as any).peildatum.asOf.toISOString()).toBe('2018-03-12T14:00:00.000Z');
    expect((parsePeildatum('2018-03-12T14:00:00.250Z', NOW) as any).peildatum.asOf.toISOString()).toBe('2018-03-12T14:00:00.250Z');
  });
  it('shows the present for today, and refuses later days, non-dates and nonsense', () => {
    expect((parsePeildatum('2026-11-30', NOW) as any).peildatum.asOf).toEqual(NOW);
    expect(parsePeildatum('2026-12-01', NOW)).toEqual({ ok: false, input: '2026-12-01', reason: 'ligt in de toekomst' });
    expect(parsePeildatum('2018-02-30', NOW)).toMatchObject({ ok: false, reason: 'deze datum bestaat niet' });
    expect(parsePeildatum('gisteren', NOW)).toMatchObject({ ok: false, reason: expect.stringContaining('2018-06-30') });
  });
  it('means the present when absent', () => {
    expect(parsePeildatum(undefined, NOW)).toEqual({ ok: true, peildatum: null });
    expect(parsePeildatum('', NOW)).toEqual({ ok: true, peildatum: null });
  });
});

describe('Dutch dates', () => {
  it('writes dates and instants as Dutch readers do', () => {
    expect(formatCalendarDate('2018-03-12')).toBe('12 maart 2018');
    expect(formatInstant('2018-03-12T13:05:00Z')).toBe('12 maart 2018 14:05');
    expect(addMonths('2018-01-31', 1)).toBe('2018-02-28');
  });
});

describe('search text', () => {
  it('ignores case and diacritics', () => {
    expect(normaliseForSearch('Continuïteit  en Ç')).toBe('continuiteit en c');
    expect(matchesAllWords(normaliseForSearch('Continuïteit van pleegzorg'), 'continuiteit PLEEGZORG')).toBe(true);
    expect(matchesAllWords(normaliseForSearch('Continuïteit van pleegzorg'), 'continuiteit gezinshuis')).toBe(false);
    expect(matchesAllWords('iets', '   ')).toBe(false);
  });
});

describe('history sentences', () => {
  const event = (type: string, data: Record<string, unknown>): RecordedEvent =>
    ({
      position: 42n,
      streamId: 'action-pleegzorg-3-4',
      version: 3,
      type,
      schemaVersion: 1,
      data,
      metadata: {
        actor: { id: 'tok-1', partnerId: 'JN', role: 'COORDINATOR' },
        commandId: 'c',
        correlationId: 'k',
        recordedAt: '2018-03-12T13:05:00.000Z',
      },
      prevHash: 'x',
      hash: 'y',
    }) as unknown as RecordedEvent;
  const partnerName = (id: string) => ({ NJI: 'Nederlands Jeugdinstituut' })[id] ?? id;

  it('says a status change in plain Dutch with who and when', () => {
    const line = historyLine(
      event('ActionStatusChanged', { status: 'DELAYED', previousStatus: 'IN_PROGRESS', note: 'Financiering ontbreekt' }),
      {
        showActor: true,
        partnerName,
      },
    );
    expect(line.sentence).toBe(
      'Status gewijzigd van Loopt naar Vertraagd door JN (coördinator), 12 maart 2018 14:05: Financiering ontbreekt',
    );
  });
  it('leaves out who when the viewer may not see actors', () => {
    const line = historyLine(event('OwnerAssigned', { partnerId: 'NJI', reason: null }), { showActor: false, partnerName });
    expect(line.sentence).toBe('Eigenaar Nederlands Jeugdinstituut toegevoegd, 12 maart 2018 14:05');
    expect(line.who).toBeNull();
  });
  it('names old and new deadline and the reason of a reschedule, and the corrected report', () => {
    const moved = historyLine(
      event('ActionRescheduled', {
        deadline: { text: 'medio 2020' },
        previousDeadline: { text: 'eind 2019' },
        reason: 'vanwege het ontbreken van financiering',
      }),
      { showActor: true, partnerName },
    );
    expect(moved.sentence).toContain('Termijn gewijzigd van “eind 2019” naar “medio 2020” door JN (coördinator)');
    expect(moved.detail).toBe('vanwege het ontbreken van financiering');
    const corrected = historyLine(
      event('ActionStatusCorrected', {
        correctsVersion: 2,
        status: 'AT_RISK',
        previousStatus: 'DELAYED',
        note: null,
        reason: 'verkeerde actie',
      }),
      {
        showActor: true,
        partnerName,
      },
    );
    expect(corrected.what).toBe('Statusrapport (versie 2) gecorrigeerd: Vertraagd wordt Risico');
    expect(corrected.detail).toBe('Reden: verkeerde actie.');
    expect(corrected.sentence).not.toMatch(/[{}]/);
  });

  it('says what an owner proposed in an update, and what became of it', () => {
    const submitted = historyLine(
      {
        ...event('ProgressUpdateSubmitted', {
          updateId: 'pleegzorg-4-4-u1',
          partnerId: 'NVP',
          roundId: 'q2',
          status: 'IN_PROGRESS',
          note: 'Werving loopt',
          measurement: { targetId: 'pleegzorg-4-doel', value: 12.5, measuredAt: '2018-06-30' },
          evidenceUrl: 'https://example.org/verslag',
        }),
        metadata: { actor: { id: 'tok-2', partnerId: 'NVP', role: 'PARTNER' }, recordedAt: '2018-03-12T13:05:00.000Z' },
      } as unknown as RecordedEvent,
      { showActor: true, partnerName },
    );
    expect(submitted.sentence).toBe(
      'Voortgangsupdate pleegzorg-4-4-u1 ingediend (voorstel: Loopt; meting 12,5 voor doel pleegzorg-4-doel, gemeten 30 juni 2018; ' +
        'onderbouwing https://example.org/verslag) door NVP (partner), 12 maart 2018 14:05: Werving loopt',
    );
    const approved = historyLine(event('ProgressUpdateApproved', { updateId: 'pleegzorg-4-4-u1' }), { showActor: true, partnerName });
    expect(approved.sentence).toBe('Voortgangsupdate pleegzorg-4-4-u1 goedgekeurd door JN (coördinator), 12 maart 2018 14:05');
    const changed = historyLine(
      event('ActionStatusChanged', {
        status: 'IN_PROGRESS',
        previousStatus: 'NOT_REPORTED',
        note: 'Werving loopt',
        updateId: 'pleegzorg-4-4-u1',
      }),
      { showActor: true, partnerName },
    );
    expect(changed.what).toBe('Status gewijzigd van Niet gerapporteerd naar Loopt (uit voortgangsupdate pleegzorg-4-4-u1)');
    const returned = historyLine(event('ProgressUpdateReturned', { updateId: 'pleegzorg-4-4-u2', comment: 'Welke gemeenten?' }), {
      showActor: false,
      partnerName,
    });
    expect(returned.sentence).toBe('Voortgangsupdate pleegzorg-4-4-u2 teruggestuurd, 12 maart 2018 14:05: Welke gemeenten?');
  });

  it('says that a reporting round was opened, for the logbook', () => {
    const line = historyLine(
      event('ReportingRoundOpened', {
        roundId: 'q2',
        planId: 'actieplan-pleegzorg-2017-2018',
        title: 'Voortgang Q2 2018',
        opensOn: '2018-06-01',
        closesOn: '2018-06-30',
        actionIds: ['pleegzorg-1-1', 'pleegzorg-1-2'],
      }),
      { showActor: false, partnerName },
    );
    expect(line.what).toBe(
      'Rapportageronde ‘Voortgang Q2 2018’ geopend voor actieplan-pleegzorg-2017-2018, van 1 juni 2018 tot en met 30 juni 2018 (2 acties)',
    );
  });
});
