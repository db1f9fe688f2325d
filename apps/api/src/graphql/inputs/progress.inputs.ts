import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { ActionStatus } from '@actiemonitor/domain';
import { ActionStatusEnum } from '../types/enums';
import { DateScalar } from '../scalars';
import { IsCommandId, IsMeasure, IsSlugId, IsVersion, MaxChars, MaxText } from './validation';

@InputType({ description: 'Een meting die met de update wordt voorgesteld; bij goedkeuring wordt ze die van het doel.' })
export class ProposedMeasurementInput {
  @Field(() => ID)
  @IsSlugId()
  targetId!: string;

  @Field(() => Float)
  @IsMeasure()
  value!: number;

  @Field(() => DateScalar, { description: 'De datum van de meting.' })
  measuredAt!: string;
}

@InputType()
export class SubmitProgressUpdateInput {
  @Field(() => ID)
  @IsSlugId()
  actionId!: string;

  @Field(() => ID, { nullable: true, description: 'De rapportageronde waarvoor de update is.' })
  @IsOptional()
  @IsSlugId()
  roundId?: string | null;

  @Field(() => ActionStatusEnum, { description: 'De voorgestelde status.' })
  status!: ActionStatus;

  @Field(() => String, { nullable: true, description: 'Toelichting; verplicht bij STOPPED.' })
  @IsOptional()
  @MaxText('note')
  note?: string | null;

  @Field(() => ProposedMeasurementInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProposedMeasurementInput)
  measurement?: ProposedMeasurementInput | null;

  @Field(() => String, { nullable: true, description: 'Een link naar onderbouwing (https://...).' })
  @IsOptional()
  @MaxChars(2000)
  evidenceUrl?: string | null;

  @Field(() => Int, { nullable: true })
  @IsVersion()
  expectedVersion?: number | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class ReviewProgressUpdateInput {
  @Field(() => ID)
  @IsSlugId()
  actionId!: string;

  @Field(() => ID)
  @MaxChars(120)
  updateId!: string;

  @Field(() => String, { nullable: true, description: 'Waarom de update wordt teruggestuurd; verplicht bij terugsturen.' })
  @IsOptional()
  @MaxText('note')
  comment?: string | null;

  @Field(() => Int, { nullable: true })
  @IsVersion()
  expectedVersion?: number | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class OpenReportingRoundInput {
  @Field(() => ID)
  @IsSlugId()
  roundId!: string;

  @Field(() => ID)
  @IsSlugId()
  planId!: string;

  @Field()
  @MaxText('title')
  title!: string;

  @Field(() => DateScalar)
  opensOn!: string;

  @Field(() => DateScalar)
  closesOn!: string;

  @Field(() => [ID], { nullable: true, description: 'De acties van de ronde; zonder: alle acties van het plan.' })
  @IsOptional()
  @IsSlugId({ each: true })
  actionIds?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}
