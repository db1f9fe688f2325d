import type { ActionStatus } from '@actiemonitor/domain';
import { ACTION_STATUSES, STATUS_LABELS } from '../status-labels';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from './table';

/** One row of counts, a column per status in the statuses' own order. */
export function StatusCountsTable({ caption, byStatus }: { caption: string; byStatus: Record<ActionStatus, number> }) {
  return (
    <Table className="am-table" caption={caption}>
      <TableHeader>
        <TableRow>
          {ACTION_STATUSES.map((s) => (
            <TableHeaderCell key={s} scope="col">
              {STATUS_LABELS[s]}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        <TableRow>
          {ACTION_STATUSES.map((s) => (
            <TableCell key={s} className="am-number">
              {byStatus[s]}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
}
