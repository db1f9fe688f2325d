import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import type { TargetDirection } from '@actiemonitor/domain';
import { DateScalar } from '../scalars';
import { TargetDirectionEnum } from '../types/enums';
import { IsCommandId, IsMeasure, IsMeasurementId, IsPartnerId, IsSlugId, MaxItems, MaxText } from './validation';

@InputType()
export class RecordMeasurementInput {
  @Field(() => ID)
  @IsSlugId()
  targetId!: string;

  @Field(() => Float)
  @IsMeasure()
  value!: number;

  @Field(() => DateScalar)
  measuredAt!: string;

  @Field(() => String, { nullable: true, description: 'Waar de meting vandaan komt, bv. "Pleegzorg Nederland, 2018".' })
  @IsOptional()
  @MaxText('source')
  source?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType({
  description:
    'Vervangt een foute meting door een nieuwe gebeurtenis die zegt wat ze corrigeert en waarom; het origineel blijft in het logboek.',
})
export class CorrectMeasurementInput {
  @Field(() => ID)
  @IsSlugId()
  targetId!: string;

  @Field(() => ID)
  @IsMeasurementId()
  measurementId!: string;

  @Field(() => Float)
  @IsMeasure()
  value!: number;

  @Field(() => DateScalar)
  measuredAt!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('source')
  source?: string | null;

  @Field()
  @MaxText('reason')
  reason!: string;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType({ description: 'Legt een nulmeting vast die het plan niet gaf ("t.o.v. september 2016").' })
export class RecordBaselineInput {
  @Field(() => ID)
  @IsSlugId()
  targetId!: string;

  @Field(() => Float)
  @IsMeasure()
  baseline!: number;

  @Field(() => DateScalar)
  baselineDate!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('note')
  note?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class DefineTargetInput {
  @Field(() => ID)
  @IsSlugId()
  targetId!: string;

  @Field(() => ID)
  @IsSlugId()
  planId!: string;

  @Field(() => ID)
  @IsSlugId()
  actionLineId!: string;

  @Field(() => [ID])
  @MaxItems(100)
  @IsSlugId({ each: true })
  actionIds!: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @MaxItems(30)
  @IsPartnerId({ each: true })
  owners?: string[] | null;

  @Field()
  @MaxText('description')
  description!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('unit')
  unit?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsMeasure()
  baseline?: number | null;

  @Field(() => DateScalar, { nullable: true })
  baselineDate?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsMeasure()
  targetValue?: number | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => TargetDirectionEnum, { nullable: true, defaultValue: 'INCREASE' })
  direction?: TargetDirection;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}
