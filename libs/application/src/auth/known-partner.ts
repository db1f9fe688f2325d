import { InvalidInput, normalisePartnerId } from '@actiemonitor/domain';
import { findPartner, PartnerView } from '@actiemonitor/read-models';
import { APPLICATION_MESSAGES } from '../application.messages';

/** How many single-letter edits apart two ids are (Levenshtein), for "did you mean". */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/**
 * The registered partner a user means by `input` (its id or an alias, any case), or a refusal that names
 * the nearest one and the known ids: a token for a partner that does not exist could never see anything.
 */
export function knownPartnerId(input: string, partners: readonly PartnerView[]): string {
  const match = findPartner(input, partners);
  if (match) return match.id;
  const wanted = normalisePartnerId(input);
  const names = partners.flatMap((p) => [p.id, ...p.aliases.map(normalisePartnerId)].map((name) => ({ name, id: p.id })));
  const nearest = names.map((n) => ({ ...n, distance: editDistance(wanted, n.name) })).sort((a, b) => a.distance - b.distance)[0];
  const likely = nearest && nearest.distance <= 2 ? nearest.id : null;
  const known = partners.map((p) => p.id).join(', ');
  throw new InvalidInput('partner', APPLICATION_MESSAGES.unknownPartner(input, likely, known));
}
