import type { MeetingView, PartnerView, PlanView } from '@actiemonitor/read-models';
import type { FormSetup } from '../components/form-parts';
import { Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/table';
import { formatCalendarDate } from '../format/dutch-dates';
import { RecordMeetingForm } from './meeting-forms';

const { Heading, Paragraph, Link } = Rhc;

export interface MeetingsPageProps {
  context: PageContext;
  /** Every plan with its meetings (the most recently held first). */
  plans: Array<{ plan: PlanView; meetings: MeetingView[] }>;
  partners: Map<string, PartnerView>;
  /** For coordinators in the present: the form to record a meeting; null for everyone else. */
  form: FormSetup | null;
  today: string;
}

/** `/overleggen`: the meetings of each plan and the agreements made there ("vervolgafspraken", seed 003). */
export function MeetingsPage({ context, plans, partners, form, today }: MeetingsPageProps) {
  const at = peildatumQuery(context);
  const name = (id: string) => partners.get(id)?.name ?? id;
  return (
    <Layout title="Overleggen" context={context} timeTravel>
      <Paragraph>
        <Link href={`/${at}`}>Plannen</Link> › overleggen
      </Paragraph>
      <Heading level={1}>Overleggen</Heading>
      <Paragraph>
        Per overleg de vervolgafspraken en ieders verantwoordelijkheid daarin. Elke afspraak is een actie met eigenaren en een termijn; op
        de pagina van het overleg staat wat ervan is geworden.
      </Paragraph>
      {plans.map(({ plan, meetings }) => (
        <section key={plan.id} aria-labelledby={`overleggen-${plan.id}`}>
          <Heading level={2} id={`overleggen-${plan.id}`}>
            {plan.title}
          </Heading>
          {meetings.length === 0 ? (
            <Paragraph>Voor dit plan is nog geen overleg vastgelegd.</Paragraph>
          ) : (
            <Table className="am-table" caption={`Overleggen over ${plan.title}, het laatst gehouden eerst`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Datum</TableHeaderCell>
                  <TableHeaderCell scope="col">Onderwerp</TableHeaderCell>
                  <TableHeaderCell scope="col">Deelnemers</TableHeaderCell>
                  <TableHeaderCell scope="col">Afspraken</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {meetings.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>{formatCalendarDate(m.heldOn)}</TableCell>
                    <TableCell>
                      <Link href={`/overleggen/${m.id}${at}`}>{m.subject}</Link>
                      {m.regionId && <span className="am-muted"> ({name(m.regionId)})</span>}
                    </TableCell>
                    <TableCell>{[...m.participants.map(name), ...m.otherParticipants].join(', ')}</TableCell>
                    <TableCell className="am-number">{m.agreements.length}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      ))}
      {form && (
        <RecordMeetingForm
          plans={plans.map((p) => p.plan)}
          regions={[...partners.values()].filter((p) => p.kind === 'region').sort((a, b) => a.name.localeCompare(b.name, 'nl'))}
          today={today}
          setup={form}
        />
      )}
    </Layout>
  );
}
