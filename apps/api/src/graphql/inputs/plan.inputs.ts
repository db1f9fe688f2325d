import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { PartnerKind } from '@actiemonitor/domain';
import { PartnerKindEnum } from '../types/enums';
import { DeadlineInputType } from './action.inputs';
import { IsCommandId, IsPartnerId, IsSlugId, MaxChars, MaxItems, MaxText } from './validation';

@InputType()
export class RegisterPlanInput {
  @Field(() => ID)
  @IsSlugId()
  planId!: string;

  @Field()
  @MaxText('title')
  title!: string;

  @Field(() => DeadlineInputType, { description: 'De looptijd van het plan, bv. "2019-2021".' })
  @ValidateNested()
  @Type(() => DeadlineInputType)
  period!: DeadlineInputType;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('source')
  sourceDocument?: string | null;

  @Field(() => ID, { nullable: true, description: 'Een regionaal plan: de jeugdzorgregio waar het bij hoort (bv. REGIO-HAAGLANDEN).' })
  @IsOptional()
  @IsPartnerId()
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class RegisterActionLineInput {
  @Field(() => ID)
  @IsSlugId()
  planId!: string;

  @Field(() => ID)
  @IsSlugId()
  actionLineId!: string;

  @Field()
  @MaxChars(100)
  code!: string;

  @Field()
  @MaxText('title')
  title!: string;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class RegisterPartnerInput {
  @Field(() => ID)
  @IsPartnerId()
  partnerId!: string;

  @Field()
  @MaxChars(200)
  name!: string;

  @Field(() => PartnerKindEnum, { nullable: true, defaultValue: 'organisation' })
  kind?: PartnerKind;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @MaxItems(20)
  @MaxChars(100, { each: true })
  aliases?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}
