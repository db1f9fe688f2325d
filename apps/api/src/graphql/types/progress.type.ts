import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../scalars';
import { ActionStatusEnum } from './enums';
import { ActionType } from './action.type';

export enum ProgressUpdateStateEnum {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
registerEnumType(ProgressUpdateStateEnum, {
  name: 'ProgressUpdateState',
  description: 'PENDING: wacht op een coördinator; APPROVED: goedgekeurd; RETURNED: teruggestuurd met commentaar.',
});

export enum RoundItemStateEnum {
  MISSING = 'MISSING',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
registerEnumType(RoundItemStateEnum, {
  name: 'RoundItemState',
  description: 'Hoe ver een eigenaar is met de update voor een actie in een ronde.',
});

@ObjectType('ProposedMeasurement')
export class ProposedMeasurementType {
  @Field(() => ID)
  targetId!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => DateScalar)
  measuredAt!: string;
}

@ObjectType('ProgressUpdate', { description: 'Een voortgangsupdate van een eigenaar, met de beoordeling.' })
export class ProgressUpdateType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => ID, { nullable: true })
  roundId!: string | null;

  @Field(() => ActionStatusEnum, { description: 'De voorgestelde status.' })
  status!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => ProposedMeasurementType, { nullable: true })
  measurement!: ProposedMeasurementType | null;

  @Field(() => String, { nullable: true })
  evidenceUrl!: string | null;

  @Field(() => ProgressUpdateStateEnum)
  state!: string;

  @Field(() => DateTimeScalar)
  submittedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  reviewedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Waarom de coördinator de update terugstuurde.' })
  returnComment!: string | null;
}

@ObjectType('PendingUpdate', { description: 'Een update die wacht op een coördinator.' })
export class PendingUpdateType {
  @Field(() => ActionType)
  action!: ActionType;

  @Field(() => ProgressUpdateType)
  update!: ProgressUpdateType;
}

@ObjectType('ReportingRound', { description: 'Een rapportageronde: de eigenaren van de acties wordt om een update gevraagd.' })
export class ReportingRoundType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field()
  title!: string;

  @Field(() => DateScalar)
  opensOn!: string;

  @Field(() => DateScalar, { description: 'Laatste dag; later ingediende updates blijven bewaard en heten te laat.' })
  closesOn!: string;

  @Field(() => [ID])
  actionIds!: string[];
}

@ObjectType('RoundItem', { description: 'Eén actie en één eigenaar in een ronde.' })
export class RoundItemType {
  @Field(() => ID)
  actionId!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => RoundItemStateEnum)
  state!: string;

  @Field(() => ProgressUpdateType, { nullable: true, description: 'De laatste update van deze eigenaar in de ronde.' })
  update!: ProgressUpdateType | null;

  @Field({ description: 'Ingediend na de laatste dag van de ronde.' })
  late!: boolean;
}

@ObjectType('RoundPartnerCounts')
export class RoundPartnerCountsType {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => Int)
  submitted!: number;

  @Field(() => Int)
  approved!: number;

  @Field(() => Int)
  returned!: number;

  @Field(() => Int)
  missing!: number;
}

@ObjectType('RoundOverview')
export class RoundOverviewType {
  @Field(() => ReportingRoundType)
  round!: ReportingRoundType;

  @Field(() => [RoundItemType])
  items!: RoundItemType[];

  @Field(() => [RoundPartnerCountsType])
  partners!: RoundPartnerCountsType[];
}

@ObjectType('NeededUpdate', { description: 'Een actie die in een open ronde nog een update van de partner nodig heeft.' })
export class NeededUpdateType {
  @Field(() => ReportingRoundType)
  round!: ReportingRoundType;

  @Field(() => ActionType)
  action!: ActionType;

  @Field(() => ProgressUpdateType, { nullable: true, description: 'De teruggestuurde update, als die er is: dien opnieuw in.' })
  returned!: ProgressUpdateType | null;
}
