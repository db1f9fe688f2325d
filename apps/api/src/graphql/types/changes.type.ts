import { Field, ID, Int, ObjectType, registerEnumType, Float } from '@nestjs/graphql';
import { CHANGE_KINDS } from '@actiemonitor/read-models';
import { DateScalar, DateTimeScalar } from '../scalars';
import { ActionStatusEnum } from './enums';
import { PeriodType } from './period.type';
import { ActorType } from './recorded-event.type';

export const ChangeKindEnum = Object.fromEntries(CHANGE_KINDS.map((k) => [k, k])) as { [K in (typeof CHANGE_KINDS)[number]]: K };
registerEnumType(ChangeKindEnum, {
  name: 'ChangeKind',
  description:
    'Soort wijziging: statusmelding, correctie, nieuwe termijn, eigenaar erbij of eraf, doel vastgelegd, nulmeting, meting vastgelegd of gecorrigeerd.',
});

@ObjectType('ActionChange', {
  description: 'Eén wijziging aan een actie (of aan een doel waar zij aan bijdraagt), met wanneer, wie en waarom.',
})
export class ActionChangeType {
  @Field(() => ChangeKindEnum)
  kind!: string;

  @Field({ description: 'Positie in het logboek (decimale tekst).' })
  position!: string;

  @Field(() => DateTimeScalar)
  recordedAt!: string;

  @Field(() => ActorType)
  actor!: ActorType;

  @Field({ description: 'Wie, zoals de rapportage het zegt: "JN (coördinator)".' })
  who!: string;

  @Field({ description: 'Wat er veranderde, in het Nederlands.' })
  what!: string;

  @Field(() => String, { nullable: true, description: 'Waarom: de toelichting, reden of bron.' })
  why!: string | null;

  @Field(() => ID, { nullable: true })
  targetId!: string | null;

  @Field(() => ActionStatusEnum, { nullable: true })
  status!: string | null;

  @Field(() => ActionStatusEnum, { nullable: true })
  previousStatus!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Int, { nullable: true, description: 'De versie van de statusmelding die een correctie corrigeert.' })
  correctsVersion!: number | null;

  @Field(() => PeriodType, { nullable: true })
  deadline!: PeriodType | null;

  @Field(() => PeriodType, { nullable: true })
  previousDeadline!: PeriodType | null;

  @Field(() => ID, { nullable: true, description: 'De eigenaar die erbij kwam of eraf ging.' })
  ownerId!: string | null;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => DateScalar, { nullable: true })
  measuredAt!: string | null;
}

@ObjectType('ActionChanges', {
  description: 'Een actie: de status aan het begin en eind van de periode, en elke wijziging ertussen in volgorde.',
})
export class ActionChangesType {
  @Field(() => ID)
  actionId!: string;

  @Field()
  title!: string;

  @Field(() => ID)
  actionLineId!: string;

  @Field(() => ActionStatusEnum, { nullable: true, description: 'Null als de actie aan het begin nog niet bestond.' })
  statusAtFrom!: string | null;

  @Field(() => ActionStatusEnum)
  statusAtTo!: string;

  @Field(() => String, { nullable: true })
  noteAtTo!: string | null;

  @Field(() => [ActionChangeType])
  changes!: ActionChangeType[];
}
