import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../scalars';
import { ActionType } from './action.type';

@ObjectType('Agreement', { description: 'Een afspraak uit een overleg: een actie met eigenaren en termijn.' })
export class AgreementType {
  @Field(() => ID)
  actionId!: string;

  @Field(() => DateTimeScalar, { description: 'Wanneer de afspraak is vastgelegd.' })
  recordedAt!: string;

  @Field(() => ActionType, {
    nullable: true,
    description: 'Wat er van de afspraak is geworden: de actie zoals die nu is, of bij asOf zoals die toen was.',
  })
  action!: ActionType | null;
}

@ObjectType('Meeting', { description: 'Een overleg (datum, deelnemers, onderwerp) en de afspraken die er zijn gemaakt.' })
export class MeetingType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => ID, { nullable: true, description: 'De jeugdzorgregio van het overleg; leeg voor een landelijk overleg.' })
  regionId!: string | null;

  @Field(() => DateScalar, { description: 'De dag waarop het overleg plaatsvond.' })
  heldOn!: string;

  @Field(() => [ID], { description: 'De geregistreerde partners die deelnamen.' })
  participants!: string[];

  @Field(() => [String], { description: 'Andere deelnemers, met naam zoals opgegeven.' })
  otherParticipants!: string[];

  @Field()
  subject!: string;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => DateTimeScalar, { description: 'Wanneer het overleg is vastgelegd.' })
  recordedAt!: string;
}
