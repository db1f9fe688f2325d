import type { ActionReadout } from '@actiemonitor/application';
import type { PartnerView } from '@actiemonitor/read-models';
import { Deadline } from './deadline';
import { Table, TableHeader, TableRow, TableHeaderCell, TableBody, TableCell } from './table';
import { Rhc } from './rhc';
import { OverdueMarker, StatusLabel } from './status';

const { Link } = Rhc;

export function ownerNames(ids: readonly string[], partners: Map<string, PartnerView>): string {
  return ids.map((id) => partners.get(id)?.id ?? id).join(', ');
}

/** The first cell of an action's row: its title as a link, its id below (what people quote in mails). */
export function ActionTitleCell({ action, at }: { action: Pick<ActionReadout, 'id' | 'title'>; at: string }) {
  return (
    <TableCell>
      <Link href={`/acties/${action.id}${at}`}>{action.title}</Link>
      <br />
      <small className="am-muted">{action.id}</small>
    </TableCell>
  );
}

/** Actions as a table: title, owners, deadline as written (dates below), status, overdue. */
export function ActionTable({
  caption,
  actions,
  partners,
  at,
}: {
  caption: string;
  actions: ActionReadout[];
  partners: Map<string, PartnerView>;
  at: string;
}) {
  return (
    <Table className="am-table" caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Actie</TableHeaderCell>
          <TableHeaderCell scope="col">Eigenaren</TableHeaderCell>
          <TableHeaderCell scope="col">Termijn</TableHeaderCell>
          <TableHeaderCell scope="col">Status</TableHeaderCell>
          <TableHeaderCell scope="col">Termijn verstreken</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {actions.map((action) => (
          <TableRow key={action.id}>
            <ActionTitleCell action={action} at={at} />
            <TableCell>{ownerNames(action.owners, partners)}</TableCell>
            <TableCell>
              <Deadline deadline={action.deadline} />
            </TableCell>
            <TableCell>
              <StatusLabel status={action.status} />
            </TableCell>
            <TableCell>{action.overdue ? <OverdueMarker overdue /> : 'Nee'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
