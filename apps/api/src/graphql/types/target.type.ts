import { DateTimeScalar } from '../scalars';
import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../scalars';
import { TargetDirectionEnum } from './enums';
import { RegionalFiguresType } from './regional.type';

@ObjectType('MeasurementCorrection')
export class MeasurementCorrectionType {
  @Field()
  reason!: string;

  @Field(() => DateTimeScalar)
  correctedAt!: string;
}

@ObjectType('Measurement')
export class MeasurementType {
  @Field(() => ID, { description: 'Noem deze id om de meting te corrigeren.' })
  id!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => DateScalar)
  measuredAt!: string;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => DateTimeScalar)
  recordedAt!: string;

  @Field(() => MeasurementCorrectionType, { nullable: true, description: 'Gezet als een latere gebeurtenis deze meting corrigeerde.' })
  correction!: MeasurementCorrectionType | null;
}

@ObjectType('Target', { description: 'Een doel met nulmeting, streefwaarde en metingen.' })
export class TargetType {
  @Field(() => ID)
  id!: string;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true, description: 'De tekst uit het plan, letterlijk.' })
  sourceText!: string | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => Float, { nullable: true })
  baseline!: number | null;

  @Field(() => DateScalar, { nullable: true })
  baselineDate!: string | null;

  @Field(() => String, { nullable: true })
  baselineNote!: string | null;

  @Field(() => Float, { nullable: true })
  targetValue!: number | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate!: string | null;

  @Field(() => TargetDirectionEnum)
  direction!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [MeasurementType])
  measurements!: MeasurementType[];

  @Field(() => Float, {
    nullable: true,
    description: '(laatste meting - nulmeting) / (streefwaarde - nulmeting); null zonder meting of numeriek doel.',
  })
  attainment!: number | null;

  @Field(() => [RegionalFiguresType], { description: 'De eigen cijfers van de regio’s (startfoto, metingen), per regio.' })
  regions!: RegionalFiguresType[];

  @Field(() => [ID], { description: 'De acties die aan dit doel bijdragen.' })
  actionIds!: string[];
}
