import { DateTimeScalar } from '../scalars';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActionLevelEnum, ActionStatusEnum, InvolvementRoleEnum } from './enums';
import { PeriodType } from './period.type';

@ObjectType('Involvement', { description: 'Een partij die meedoet zonder eigenaar te zijn ("in overleg met", "met medewerking van").' })
export class InvolvementType {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => InvolvementRoleEnum)
  role!: string;
}

@ObjectType('Provenance', { description: 'Waar een geïmporteerde actie in het brondocument staat, om naast het origineel te leggen.' })
export class ProvenanceType {
  @Field(() => String, { nullable: true, description: 'TABLE, NARRATIVE, ONDERSTEUNINGSACTIE, ...' })
  origin!: string | null;

  @Field(() => String, { nullable: true, description: 'De tekst uit het plan, letterlijk.' })
  sourceText!: string | null;

  @Field(() => String, { nullable: true, description: 'Hoe een onleesbare of tegenstrijdige plek is gelezen.' })
  note!: string | null;
}

@ObjectType('StatusCorrection', { description: 'De huidige status corrigeert een eerdere melding.' })
export class StatusCorrectionType {
  @Field(() => Int, { description: 'De versie van de gecorrigeerde melding.' })
  correctsVersion!: number;

  @Field()
  reason!: string;
}

@ObjectType('Action', { description: 'Een actie uit een plan.' })
export class ActionType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'Het beoogde resultaat ("Resultaat").' })
  result!: string | null;

  @Field(() => String, { nullable: true, description: 'Waarvoor de eigenaren verantwoordelijk zijn, als het plan dat beperkt.' })
  ownerScope!: string | null;

  @Field(() => PeriodType, { nullable: true, description: '"Wanneer" / "Looptijd"; null als het plan geen datum geeft.' })
  deadline!: PeriodType | null;

  @Field(() => ActionStatusEnum)
  status!: string;

  @Field(() => String, { nullable: true })
  statusNote!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Wanneer de status het laatst veranderde.' })
  statusChangedAt!: string | null;

  @Field(() => StatusCorrectionType, { nullable: true })
  statusCorrection!: StatusCorrectionType | null;

  @Field({ description: 'Er is een deadline, het einde is verstreken en de status is niet COMPLETED of STOPPED.' })
  overdue!: boolean;

  @Field(() => Int, { description: 'Aantal gebeurtenissen van deze actie; stuur terug als expectedVersion.' })
  version!: number;

  @Field(() => [InvolvementType])
  involved!: InvolvementType[];

  @Field(() => ProvenanceType)
  provenance!: ProvenanceType;

  @Field(() => ActionLevelEnum, { nullable: true, description: 'Landelijk, regionaal of aanbieder, waar het plan het zegt.' })
  level?: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
