import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ActionStatusEnum } from './enums';
import { PartnerType } from './partner.type';

@ObjectType('StatusCount')
export class StatusCountType {
  @Field(() => ActionStatusEnum)
  status!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('PartnerStatus', { description: 'Stand van zaken per partner: de acties die hij (alleen of met anderen) trekt.' })
export class PartnerStatusType {
  partnerId!: string;

  /** Filled in by the partnerStatuses query from one partner list per request. */
  @Field(() => PartnerType)
  partner!: PartnerType;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  overdue!: number;

  @Field(() => [StatusCountType], { description: 'Elke status met zijn aantal, ook nul; de aantallen tellen op tot total.' })
  byStatus!: StatusCountType[];
}
