import type { MeetingReadout } from '@actiemonitor/application';
import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { Deadline } from '../components/deadline';
import type { FormSetup } from '../components/form-parts';
import { Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { OverdueMarker, StatusLabel } from '../components/status';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/table';
import { formatCalendarDate, formatInstant } from '../format/dutch-dates';
import { AddAgreementForm } from './meeting-forms';

const { Alert, Heading, Paragraph, Link } = Rhc;

export interface MeetingPageProps {
  context: PageContext;
  meeting: MeetingReadout;
  plan: PlanView | null;
  partners: Map<string, PartnerView>;
  saved: string | null;
  /** For coordinators in the present: the form to add an agreement; null for everyone else. */
  form: FormSetup | null;
}

/** `/overleggen/{id}`: when, who and what about, and what became of each agreement made there. */
export function MeetingPage({ context, meeting, plan, partners, saved, form }: MeetingPageProps) {
  const at = peildatumQuery(context);
  const name = (id: string) => partners.get(id)?.name ?? id;
  const title = `Overleg ${meeting.subject}`;
  return (
    <Layout title={title} context={context} timeTravel>
      <Paragraph>
        <Link href={`/${at}`}>Plannen</Link> › <Link href={`/overleggen${at}`}>Overleggen</Link> › overleg
      </Paragraph>
      <Heading level={1}>{title}</Heading>
      {saved && (
        <Alert type="ok">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      )}
      <dl className="am-facts">
        <dt>Datum</dt>
        <dd>{formatCalendarDate(meeting.heldOn)}</dd>
        <dt>Plan</dt>
        <dd>
          <Link href={`/plannen/${meeting.planId}${at}`}>{plan?.title ?? meeting.planId}</Link>
        </dd>
        {meeting.regionId && (
          <>
            <dt>Regio</dt>
            <dd>
              <Link href={`/partners/${meeting.regionId}${at}`}>{name(meeting.regionId)}</Link>
            </dd>
          </>
        )}
        <dt>Deelnemers</dt>
        <dd>
          <ul className="am-inline-list">
            {meeting.participants.map((id) => (
              <li key={id}>
                <Link href={`/partners/${id}${at}`}>{name(id)}</Link>
              </li>
            ))}
            {meeting.otherParticipants.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </dd>
        {meeting.notes && (
          <>
            <dt>Aantekeningen</dt>
            <dd>{meeting.notes}</dd>
          </>
        )}
        <dt>Vastgelegd op</dt>
        <dd>{formatInstant(meeting.recordedAt)}</dd>
      </dl>
      <section aria-labelledby="afspraken">
        <Heading level={2} id="afspraken">
          Wat is er van de afspraken geworden
        </Heading>
        {meeting.agreements.length === 0 ? (
          <Paragraph>Bij dit overleg zijn nog geen afspraken vastgelegd.</Paragraph>
        ) : (
          <Table className="am-table" caption={`Afspraken uit het overleg van ${formatCalendarDate(meeting.heldOn)}, met hun stand`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Afspraak</TableHeaderCell>
                <TableHeaderCell scope="col">Verantwoordelijk</TableHeaderCell>
                <TableHeaderCell scope="col">Termijn</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {meeting.agreements.map(({ actionId, action }) => (
                <TableRow key={actionId}>
                  <TableCell>
                    <Link href={`/acties/${actionId}${at}`}>{action?.title ?? actionId}</Link>
                  </TableCell>
                  <TableCell>{action ? action.owners.map(name).join(', ') : '—'}</TableCell>
                  <TableCell>{action ? <Deadline deadline={action.deadline} /> : '—'}</TableCell>
                  <TableCell>
                    {action ? (
                      <>
                        <StatusLabel status={action.status} /> {action.overdue && <OverdueMarker overdue />}
                      </>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {form && plan && <AddAgreementForm meetingId={meeting.id} plan={plan} setup={form} />}
      </section>
    </Layout>
  );
}
