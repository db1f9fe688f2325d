import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DateScalar } from '../scalars';
import { DeadlineInputType } from './action.inputs';
import { IsCommandId, IsPartnerId, IsSlugId, MaxChars, MaxItems, MaxText } from './validation';

@InputType()
export class RecordMeetingInput {
  @Field(() => ID)
  @IsSlugId()
  meetingId!: string;

  @Field(() => ID)
  @IsSlugId()
  planId!: string;

  @Field(() => ID, { nullable: true, description: 'De jeugdzorgregio, als het een regionaal overleg was.' })
  @IsOptional()
  @IsPartnerId()
  regionId?: string | null;

  @Field(() => DateScalar)
  heldOn!: string;

  @Field(() => [ID], { description: 'Geregistreerde partners die deelnamen.' })
  @MaxItems(60)
  @IsPartnerId({ each: true })
  participants!: string[];

  @Field(() => [String], { nullable: true, description: 'Andere deelnemers (namen), als ze geen partner zijn.' })
  @IsOptional()
  @MaxItems(60)
  @MaxChars(200, { each: true })
  otherParticipants?: string[] | null;

  @Field()
  @MaxText('title')
  subject!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('note')
  notes?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType({ description: 'Een afspraak uit een overleg; ze wordt een actie in het plan van het overleg.' })
export class RecordAgreementInput {
  @Field(() => ID)
  @IsSlugId()
  meetingId!: string;

  @Field(() => ID, { description: 'De id van de nieuwe actie.' })
  @IsSlugId()
  actionId!: string;

  @Field(() => ID, { description: 'De actielijn van het plan waarin de actie komt.' })
  @IsSlugId()
  actionLineId!: string;

  @Field()
  @MaxText('title')
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('result')
  result?: string | null;

  @Field(() => [ID], { description: 'Wie verantwoordelijk is ("ieders verantwoordelijkheid").' })
  @MaxItems(30)
  @IsPartnerId({ each: true })
  owners!: string[];

  @Field(() => DeadlineInputType, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineInputType)
  deadline?: DeadlineInputType | null;

  @Field(() => ID, { nullable: true, description: 'Idempotentiesleutel: dezelfde commandId nog eens legt niets nieuws vast.' })
  @IsCommandId()
  commandId?: string | null;
}
