import type { LogHead } from '@actiemonitor/application';
import { Field, TextInputField } from '../components/fields';
import { hrefWith, Layout } from '../components/layout';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/table';
import { formatInstant } from '../format/dutch-dates';

const { Alert, Button, Heading, Paragraph, Link } = Rhc;

export interface LogbookRow {
  position: string;
  recordedAt: string;
  streamId: string;
  type: string;
  actor: string;
  summary: string;
  hash: string;
  /** The event's own hash recomputes from its content and its predecessor's hash. */
  hashOk: boolean;
}

export interface LogbookPageProps {
  context: PageContext;
  head: LogHead;
  rows: LogbookRow[];
  filterInput: Record<string, string>;
  filterErrors: Record<string, string>;
  eventTypes: readonly string[];
  nextAfter: string | null;
  scanLimited: boolean;
  chain: ChainCheck | null;
}

/** The chain check as the page shows it: the finding in Dutch (`chainFinding`), not the store's English. */
export type ChainCheck = { ok: true; count: number; headHash: string } | { ok: false; position: bigint; finding: string };

/** `/logboek`: the event log, paged and filterable, with the head hash and the chain check (auditors, coordinators). */
export function LogbookPage({
  context,
  head,
  rows,
  filterInput,
  filterErrors,
  eventTypes,
  nextAfter,
  scanLimited,
  chain,
}: LogbookPageProps) {
  const keep = Object.fromEntries(Object.entries(filterInput).filter(([, v]) => v !== ''));
  return (
    <Layout title="Logboek" context={context}>
      <Heading level={1}>Logboek</Heading>
      <Paragraph>
        Elke wijziging is een gebeurtenis in dit logboek, met wie, wanneer en een hash die naar de vorige verwijst. Laatste positie{' '}
        <strong>{head.position}</strong>, kop-hash <code className="am-hash">{head.hash}</code>. Publiceer de kop-hash (bijvoorbeeld in een
        voortgangsrapportage): dan kan iedereen later nagaan dat de geschiedenis tot dat punt niet is herschreven.
      </Paragraph>
      {chain === null ? (
        <form method="get" action="/logboek">
          {Object.entries(keep).map(([name, v]) => (
            <input key={name} type="hidden" name={name} value={v} />
          ))}
          <input type="hidden" name="controle" value="ja" />
          <Button appearance="secondary-action-button" type="submit">
            Hele keten controleren
          </Button>
        </form>
      ) : chain.ok ? (
        <Alert type="ok">
          <Paragraph>
            Keten intact: {chain.count} gebeurtenissen gecontroleerd, kop-hash <code className="am-hash">{chain.headHash}</code>.
          </Paragraph>
        </Alert>
      ) : (
        <Alert type="error">
          <Paragraph>
            De keten is verbroken op positie {chain.position.toString()}: {chain.finding}
          </Paragraph>
        </Alert>
      )}
      <form method="get" action="/logboek" className="am-filters" aria-label="Logboek filteren">
        <TextInputField
          id="log-stream"
          name="stroom"
          label="Stroom"
          description="bv. action-pleegzorg-3-4"
          error={filterErrors.stroom}
          defaultValue={filterInput.stroom}
        />
        <Field id="log-type" label="Soort gebeurtenis">
          {(props) => (
            <select {...props} name="soort" defaultValue={filterInput.soort} className="utrecht-select utrecht-select--html-select">
              <option value="">Alle soorten</option>
              {eventTypes.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextInputField
          id="log-actor"
          name="door"
          label="Door"
          description="partner (JN) of actor-id"
          error={filterErrors.door}
          defaultValue={filterInput.door}
        />
        <TextInputField
          id="log-from"
          name="van"
          label="Vanaf"
          description="jjjj-mm-dd"
          inputMode="numeric"
          error={filterErrors.van}
          defaultValue={filterInput.van}
        />
        <TextInputField
          id="log-to"
          name="tot"
          label="Tot en met"
          description="jjjj-mm-dd"
          inputMode="numeric"
          error={filterErrors.tot}
          defaultValue={filterInput.tot}
        />
        <Button appearance="secondary-action-button" type="submit">
          Filteren
        </Button>
      </form>
      <Table className="am-table am-table--log" caption={`Gebeurtenissen${Object.keys(keep).length > 0 ? ' (gefilterd)' : ''}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Positie</TableHeaderCell>
            <TableHeaderCell scope="col">Vastgelegd</TableHeaderCell>
            <TableHeaderCell scope="col">Stroom</TableHeaderCell>
            <TableHeaderCell scope="col">Soort</TableHeaderCell>
            <TableHeaderCell scope="col">Door</TableHeaderCell>
            <TableHeaderCell scope="col">Wat</TableHeaderCell>
            <TableHeaderCell scope="col">Hash</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.position}>
              <TableCell className="am-number">{row.position}</TableCell>
              <TableCell>{formatInstant(row.recordedAt)}</TableCell>
              <TableCell>{row.streamId}</TableCell>
              <TableCell>{row.type}</TableCell>
              <TableCell>{row.actor}</TableCell>
              <TableCell>{row.summary}</TableCell>
              <TableCell>
                <code className="am-hash" title={row.hash}>
                  {row.hash.slice(0, 12)}…
                </code>{' '}
                {row.hashOk ? <span>klopt</span> : <strong className="am-overdue">klopt niet</strong>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.length === 0 && <Paragraph>Geen gebeurtenissen gevonden{scanLimited ? ' in dit deel van het logboek' : ''}.</Paragraph>}
      {nextAfter && (
        <Paragraph>
          <Link href={hrefWith('/logboek', { ...keep, na: nextAfter }, null)}>
            {scanLimited ? 'Verder zoeken in het logboek' : 'Volgende pagina'}
          </Link>
        </Paragraph>
      )}
    </Layout>
  );
}
