import { DomainEvent, event } from '../shared/domain-event';
import { Decider } from '../shared/decider';
import { Conflict, InvalidInput } from '../shared/errors';
import { PARTNER_ID_PATTERN } from '../shared/ids';
import { requireText } from '../shared/text';
import { PARTNER_MESSAGES } from './partner.messages';

/**
 * An organisation (VWS, VNG), a group that plans name as owner (gemeenten, regio's, hogescholen), or one
 * of the 42 jeugdzorgregio's (config/plans/regions.json).
 */
export type PartnerKind = 'organisation' | 'group' | 'region';

export interface RegisterPartner {
  type: 'RegisterPartner';
  partnerId: string;
  name: string;
  kind: PartnerKind;
  aliases: string[];
}

export type PartnerRegistered = DomainEvent<'PartnerRegistered', { partnerId: string; name: string; kind: PartnerKind; aliases: string[] }>;
export type PartnerEvent = PartnerRegistered;
export type PartnerCommand = RegisterPartner;

export interface PartnerState {
  registered: boolean;
  version: number;
}

export const partnerDecider: Decider<RegisterPartner, PartnerEvent, PartnerState> = {
  initialState: () => ({ registered: false, version: 0 }),
  evolve: (state, e) => ({ registered: state.registered || e.type === 'PartnerRegistered', version: state.version + 1 }),
  decide: (command, state) => {
    if (state.registered) throw new Conflict(PARTNER_MESSAGES.alreadyRegistered(command.partnerId), state.version);
    if (!PARTNER_ID_PATTERN.test(command.partnerId)) throw new InvalidInput('partnerId', PARTNER_MESSAGES.invalidId(command.partnerId));
    const aliases = [...new Set(command.aliases.map((a) => requireText('aliases', a, 100)))];
    return [
      event('PartnerRegistered', {
        partnerId: command.partnerId,
        name: requireText('name', command.name, 200),
        kind: command.kind,
        aliases,
      }),
    ];
  },
};
