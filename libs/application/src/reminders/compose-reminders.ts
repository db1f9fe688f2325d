import type { ActionView, PartnerView, PlanView, RoundItem, RoundOverview } from '@actiemonitor/read-models';
import type { PartnerContact } from '../contacts/contact-repository.port';

/**
 * The reminders of a reporting round, composed without any I/O: per owner that still owes an update
 * (none submitted in the round, or the latest one returned by a coordinator), one message in Dutch to
 * every contact address registered for that owner, listing that owner's actions and nothing else.
 */

export interface MailAddress {
  name: string | null;
  address: string;
}

export interface ReminderInput {
  overview: RoundOverview;
  plan: Pick<PlanView, 'id' | 'title'> | null;
  /** The round's actions (titles); an action missing here is named by its id. */
  actions: readonly Pick<ActionView, 'id' | 'title'>[];
  partners: readonly Pick<PartnerView, 'id' | 'name'>[];
  contacts: readonly PartnerContact[];
  /** Where the dashboard is reached, without a trailing slash: links are `<publicUrl>/acties/<id>`. */
  publicUrl: string;
  /** Today in the Netherlands (JJJJ-MM-DD): a round that has closed is worded so. */
  today: string;
}

export interface ReminderItem {
  actionId: string;
  title: string;
  state: 'MISSING' | 'RETURNED';
  /** Why a coordinator returned the owner's update. */
  returnComment: string | null;
  link: string;
}

export interface ReminderMessage {
  partnerId: string;
  partnerName: string;
  to: MailAddress[];
  subject: string;
  text: string;
  items: ReminderItem[];
}

export interface ReminderSkip {
  partnerId: string;
  partnerName: string;
  items: ReminderItem[];
}

export interface ReminderPlan {
  roundId: string;
  roundTitle: string;
  closesOn: string;
  messages: ReminderMessage[];
  /** Owners that owe updates but have no contact address: reported, never mailed. */
  withoutContact: ReminderSkip[];
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `2018-06-30` → `30 juni 2018`. */
export function dutchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Line breaks and runs of spaces in titles and comments become one space: one line per fact, no header injection. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function owes(item: RoundItem): item is RoundItem & { state: 'MISSING' | 'RETURNED' } {
  return item.state === 'MISSING' || item.state === 'RETURNED';
}

export function actionLink(publicUrl: string, actionId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/acties/${encodeURIComponent(actionId)}`;
}

export function composeReminders(input: ReminderInput): ReminderPlan {
  const { overview, publicUrl } = input;
  const titles = new Map(input.actions.map((a) => [a.id, a.title]));
  const names = new Map(input.partners.map((p) => [p.id, p.name]));
  const owed = new Map<string, ReminderItem[]>();
  for (const item of overview.items.filter(owes)) {
    const items = owed.get(item.partnerId) ?? [];
    items.push({
      actionId: item.actionId,
      title: oneLine(titles.get(item.actionId) ?? item.actionId),
      state: item.state,
      returnComment: item.state === 'RETURNED' && item.update?.returnComment ? oneLine(item.update.returnComment) : null,
      link: actionLink(publicUrl, item.actionId),
    });
    owed.set(item.partnerId, items);
  }

  const plan: ReminderPlan = {
    roundId: overview.round.id,
    roundTitle: oneLine(overview.round.title),
    closesOn: overview.round.closesOn,
    messages: [],
    withoutContact: [],
  };
  for (const partnerId of [...owed.keys()].sort()) {
    const items = owed.get(partnerId)!;
    const partnerName = oneLine(names.get(partnerId) ?? partnerId);
    const to = input.contacts.filter((c) => c.partnerId === partnerId).map((c) => ({ name: c.name, address: c.email }));
    if (to.length === 0) {
      plan.withoutContact.push({ partnerId, partnerName, items });
      continue;
    }
    plan.messages.push({
      partnerId,
      partnerName,
      to,
      subject: subject(plan.roundTitle, partnerId, items.length),
      text: body({ input, plan, partnerId, partnerName, to, items }),
      items,
    });
  }
  return plan;
}

function subject(roundTitle: string, partnerId: string, count: number): string {
  return `Herinnering: voortgangsupdate voor ${roundTitle} (${partnerId}, ${count} ${count === 1 ? 'actie' : 'acties'})`;
}

function greeting(partnerName: string, to: MailAddress[]): string {
  const named = to.map((a) => a.name);
  if (named.some((n) => n === null)) return `Beste collega's van ${partnerName},`;
  const people = named.map((n) => oneLine(n as string));
  return `Beste ${people.length === 1 ? people[0] : `${people.slice(0, -1).join(', ')} en ${people[people.length - 1]}`},`;
}

function body(args: {
  input: ReminderInput;
  plan: ReminderPlan;
  partnerId: string;
  partnerName: string;
  to: MailAddress[];
  items: ReminderItem[];
}): string {
  const { input, plan, partnerId, partnerName, to, items } = args;
  const closes = dutchDate(plan.closesOn);
  const ofPlan = input.plan ? ` (${oneLine(input.plan.title)})` : '';
  const what = items.length === 1 ? 'deze actie' : `deze ${items.length} acties`;
  const when =
    input.today > plan.closesOn
      ? `De ronde is gesloten op ${closes}; een update is nog welkom en wordt als te laat getoond.`
      : `De ronde sluit op ${closes}.`;
  const lines = [
    greeting(partnerName, to),
    '',
    `In de rapportageronde "${plan.roundTitle}"${ofPlan} wachten we nog op een voortgangsupdate van ${partnerName} (${partnerId}) voor ${what}. ${when}`,
    '',
  ];
  items.forEach((item, i) => {
    lines.push(`${i + 1}. ${item.title}`);
    lines.push(`   Actie: ${item.actionId}`);
    if (item.state === 'RETURNED') {
      lines.push('   Uw update is teruggestuurd; dien een nieuwe in.');
      if (item.returnComment) lines.push(`   Opmerking van de coördinator: "${item.returnComment}"`);
    } else {
      lines.push('   Nog geen update ontvangen.');
    }
    lines.push(`   ${item.link}`);
    lines.push('');
  });
  lines.push(
    'Via de link opent u de actie in de Actiemonitor, met haar stand en geschiedenis.',
    '',
    'Met vriendelijke groet,',
    'Actiemonitor',
    '',
    '-- ',
    `U ontvangt dit automatische bericht omdat uw adres bij de Actiemonitor is geregistreerd als contactadres van ${partnerName}.`,
    'Wilt u het niet meer ontvangen, of is het aan de verkeerde persoon gericht? Laat het de coördinator van het plan weten.',
  );
  return `${lines.join('\n')}\n`;
}
