/**
 * Parties that take part without owning the action, as the plans phrase it:
 * "VWS financiert", "in samenwerking met", "in overleg met", "met medewerking van", "met ondersteuning van".
 */
export const INVOLVEMENT_ROLES = ['FINANCIER', 'COLLABORATOR', 'CONSULTED', 'CONTRIBUTOR', 'SUPPORTER'] as const;
export type InvolvementRole = (typeof INVOLVEMENT_ROLES)[number];

export interface Involvement {
  partnerId: string;
  role: InvolvementRole;
}
