import { PartnerEvent, PartnerKind } from '@actiemonitor/domain';

export interface PartnerView {
  id: string;
  name: string;
  kind: PartnerKind;
  aliases: string[];
}

export function evolvePartnerView(view: PartnerView | null, e: PartnerEvent): PartnerView | null {
  if (e.type === 'PartnerRegistered') return { id: e.data.partnerId, name: e.data.name, kind: e.data.kind, aliases: e.data.aliases };
  return view;
}
