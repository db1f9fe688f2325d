import type { RoundItem, RoundItemState, RoundOverview } from '@actiemonitor/read-models';
import type { PartnerContact } from '../contacts/contact-repository.port';
import { actionLink, composeReminders, dutchDate, ReminderInput } from './compose-reminders';

const ROUND = {
  id: 'pleegzorg-2018-q2',
  planId: 'actieplan-pleegzorg-2017-2018',
  title: 'Voortgang Q2 2018',
  opensOn: '2018-06-01',
  closesOn: '2018-06-30',
  actionIds: ['pleegzorg-1-2', 'pleegzorg-2-2', 'pleegzorg-2-3', 'pleegzorg-4-4'],
  openedAt: '2018-06-01T08:00:00.000Z',
};

function item(actionId: string, partnerId: string, state: RoundItemState, returnComment: string | null = null): RoundItem {
  const update =
    state === 'MISSING'
      ? null
      : {
          id: `${actionId}-u1`,
          partnerId,
          roundId: ROUND.id,
          status: 'IN_PROGRESS' as const,
          note: null,
          measurement: null,
          evidenceUrl: null,
          state: ({ SUBMITTED: 'PENDING', APPROVED: 'APPROVED', RETURNED: 'RETURNED' } as const)[state],
          submittedAt: '2018-06-10T10:00:00.000Z',
          reviewedAt: state === 'SUBMITTED' ? null : '2018-06-11T10:00:00.000Z',
          returnComment,
          late: false,
        };
  return { actionId, partnerId, state, update };
}

/** NVP owes 1-2 (nothing sent) and 4-4 (returned); its 2-2 waits for review. VNG owes 1-2; VWS approved 2-3; JN owes 4-4. */
const OVERVIEW: RoundOverview = {
  round: ROUND,
  items: [
    item('pleegzorg-1-2', 'VNG', 'MISSING'),
    item('pleegzorg-1-2', 'NVP', 'MISSING'),
    item('pleegzorg-2-2', 'NVP', 'SUBMITTED'),
    item('pleegzorg-2-3', 'VWS', 'APPROVED'),
    item('pleegzorg-4-4', 'NVP', 'RETURNED', 'Graag de cijfers\nover 2018 toevoegen'),
    item('pleegzorg-4-4', 'JN', 'MISSING'),
  ],
  partners: [],
};

function contact(partnerId: string, email: string, name: string | null = null): PartnerContact {
  return { partnerId, email, name, registeredAt: '2018-05-01T00:00:00.000Z', registeredBy: 'tok-vws' };
}

function input(overrides: Partial<ReminderInput> = {}): ReminderInput {
  return {
    overview: OVERVIEW,
    plan: { id: ROUND.planId, title: 'Actieplan Pleegzorg 2017-2018' },
    actions: [
      { id: 'pleegzorg-1-2', title: 'Soepele overgang 18-/18+ (verlengde pleegzorg)' },
      { id: 'pleegzorg-2-2', title: 'Onafhankelijk informatiepunt voor pleegouders' },
      { id: 'pleegzorg-2-3', title: 'Financiële en fiscale aspecten' },
      { id: 'pleegzorg-4-4', title: 'Betrokkenheid van pleeggezinnen bij beleidsontwikkeling en –uitvoering' },
    ],
    partners: [
      { id: 'NVP', name: 'Nederlandse Vereniging voor Pleeggezinnen' },
      { id: 'VNG', name: 'Vereniging van Nederlandse Gemeenten' },
      { id: 'JN', name: 'Jeugdzorg Nederland' },
      { id: 'VWS', name: 'Ministerie van Volksgezondheid, Welzijn en Sport' },
    ],
    contacts: [
      contact('NVP', 'jan.jansen@pleegzorg.nl', 'Jan Jansen'),
      contact('NVP', 'petra@pleegzorg.nl', 'Petra de Vries'),
      contact('VNG', 'jeugd@vng.nl'),
      contact('VWS', 'pleegzorg@minvws.nl', 'Directie Jeugd'),
    ],
    publicUrl: 'https://actiemonitor.example.nl',
    today: '2018-06-20',
    ...overrides,
  };
}

describe('composing the reminders of a reporting round', () => {
  it('writes one message per partner that owes an update and has an address; the others are listed as skipped', () => {
    const plan = composeReminders(input());
    expect(plan.messages.map((m) => [m.partnerId, m.items.map((i) => i.actionId)])).toEqual([
      ['NVP', ['pleegzorg-1-2', 'pleegzorg-4-4']],
      ['VNG', ['pleegzorg-1-2']],
    ]);
    expect(plan.withoutContact).toEqual([
      {
        partnerId: 'JN',
        partnerName: 'Jeugdzorg Nederland',
        items: [
          {
            actionId: 'pleegzorg-4-4',
            title: 'Betrokkenheid van pleeggezinnen bij beleidsontwikkeling en –uitvoering',
            state: 'MISSING',
            returnComment: null,
            link: 'https://actiemonitor.example.nl/acties/pleegzorg-4-4',
          },
        ],
      },
    ]);
    expect([plan.roundId, plan.roundTitle, plan.closesOn]).toEqual([ROUND.id, ROUND.title, '2018-06-30']);
  });

  it('leaves out submitted and approved updates, and whoever owes nothing (VWS: no message although it has an address)', () => {
    const plan = composeReminders(input());
    const text = plan.messages.map((m) => m.text).join('\n');
    expect(text).not.toContain('pleegzorg-2-2');
    expect(text).not.toContain('pleegzorg-2-3');
    expect(plan.messages.map((m) => m.partnerId)).not.toContain('VWS');
  });

  it('addresses every contact of the partner, and only them', () => {
    const [nvp, vng] = composeReminders(input()).messages;
    expect(nvp.to).toEqual([
      { name: 'Jan Jansen', address: 'jan.jansen@pleegzorg.nl' },
      { name: 'Petra de Vries', address: 'petra@pleegzorg.nl' },
    ]);
    expect(vng.to).toEqual([{ name: null, address: 'jeugd@vng.nl' }]);
  });

  it("lists only that partner's actions with title, id, link, the round's title and closing date, and a returned update's comment", () => {
    const [nvp, vng] = composeReminders(input()).messages;
    expect(nvp.subject).toBe('Herinnering: voortgangsupdate voor Voortgang Q2 2018 (NVP, 2 acties)');
    expect(nvp.text).toBe(
      [
        'Beste Jan Jansen en Petra de Vries,',
        '',
        'In de rapportageronde "Voortgang Q2 2018" (Actieplan Pleegzorg 2017-2018) wachten we nog op een voortgangsupdate van ' +
          'Nederlandse Vereniging voor Pleeggezinnen (NVP) voor deze 2 acties. De ronde sluit op 30 juni 2018.',
        '',
        '1. Soepele overgang 18-/18+ (verlengde pleegzorg)',
        '   Actie: pleegzorg-1-2',
        '   Nog geen update ontvangen.',
        '   https://actiemonitor.example.nl/acties/pleegzorg-1-2',
        '',
        '2. Betrokkenheid van pleeggezinnen bij beleidsontwikkeling en –uitvoering',
        '   Actie: pleegzorg-4-4',
        '   Uw update is teruggestuurd; dien een nieuwe in.',
        '   Opmerking van de coördinator: "Graag de cijfers over 2018 toevoegen"',
        '   https://actiemonitor.example.nl/acties/pleegzorg-4-4',
        '',
        'Via de link opent u de actie in de Actiemonitor, met haar stand en geschiedenis.',
        '',
        'Met vriendelijke groet,',
        'Actiemonitor',
        '',
        '-- ',
        'U ontvangt dit automatische bericht omdat uw adres bij de Actiemonitor is geregistreerd als contactadres van Nederlandse Vereniging voor Pleeggezinnen.',
        'Wilt u het niet meer ontvangen, of is het aan de verkeerde persoon gericht? Laat het de coördinator van het plan weten.',
        '',
      ].join('\n'),
    );
    expect(vng.subject).toBe('Herinnering: voortgangsupdate voor Voortgang Q2 2018 (VNG, 1 actie)');
    expect(vng.text).toMatch(/^Beste collega's van Vereniging van Nederlandse Gemeenten,\n/);
    expect(vng.text).toContain('voor deze actie. De ronde sluit op 30 juni 2018.');
    expect(vng.text).not.toContain('pleegzorg-4-4');
    expect(vng.text).not.toContain('Opmerking');
  });

  it('greets the partner, not its people, as soon as one contact has no name', () => {
    const [nvp] = composeReminders(
      input({ contacts: [contact('NVP', 'jan.jansen@pleegzorg.nl', 'Jan Jansen'), contact('NVP', 'info@pleegzorg.nl')] }),
    ).messages;
    expect(nvp.text).toMatch(/^Beste collega's van Nederlandse Vereniging voor Pleeggezinnen,\n/);
  });

  it('says so when the round has closed (late updates are still taken)', () => {
    const [nvp] = composeReminders(input({ today: '2018-07-01' })).messages;
    expect(nvp.text).toContain('De ronde is gesloten op 30 juni 2018; een update is nog welkom en wordt als te laat getoond.');
    expect(composeReminders(input({ today: '2018-06-30' })).messages[0].text).toContain('De ronde sluit op 30 juni 2018.');
  });

  it('keeps subjects on one line whatever titles hold, and names an action or partner it has no title for by its id', () => {
    const plan = composeReminders(
      input({
        overview: { ...OVERVIEW, round: { ...ROUND, title: 'Voortgang\r\nBcc: iedereen@example.nl' } },
        actions: [],
        partners: [],
        plan: null,
      }),
    );
    for (const m of plan.messages) expect(m.subject).not.toMatch(/[\r\n]/);
    expect(plan.messages[0].subject).toBe('Herinnering: voortgangsupdate voor Voortgang Bcc: iedereen@example.nl (NVP, 2 acties)');
    expect(plan.messages[0].text).toContain('1. pleegzorg-1-2\n');
    expect(plan.messages[0].text).toContain(
      'In de rapportageronde "Voortgang Bcc: iedereen@example.nl" wachten we nog op een voortgangsupdate van NVP (NVP)',
    );
  });

  it('writes nothing when every owner has reported', () => {
    const done: RoundOverview = { ...OVERVIEW, items: OVERVIEW.items.map((i) => ({ ...i, state: 'APPROVED' as const })) };
    expect(composeReminders(input({ overview: done }))).toMatchObject({ messages: [], withoutContact: [] });
  });

  it('builds links from the public address, with or without a trailing slash, and encodes the id', () => {
    expect(actionLink('http://localhost:3000/', 'pleegzorg-1-2')).toBe('http://localhost:3000/acties/pleegzorg-1-2');
    expect(actionLink('https://intranet.example.nl/actiemonitor', 'a b')).toBe('https://intranet.example.nl/actiemonitor/acties/a%20b');
  });

  it('writes dates as Dutch readers do', () => {
    expect(['2018-06-30', '2019-01-01', '2021-12-31'].map(dutchDate)).toEqual(['30 juni 2018', '1 januari 2019', '31 december 2021']);
  });
});
