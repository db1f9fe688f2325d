import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ActionStatusEnum, InvolvementRoleEnum } from '../types/enums';
import { DateScalar } from '../scalars';
import { IsCommandId, IsPartnerId, IsSlugId, IsVersion, MaxItems, MaxText } from './validation';
import type { ActionStatus, InvolvementRole } from '@actiemonitor/domain';

/** The GraphQL shape of the domain's DeadlineInput (the schema keeps the name DeadlineInput). */
@InputType('DeadlineInput', {
  description: 'Een termijn zoals geschreven; zonder data leest de server de tekst ("medio 2020", "1 juni 2019 – 1 maart 2020").',
})
export class DeadlineInputType {
  @Field()
  @MaxText('title')
  text!: string;

  @Field(() => DateScalar, { nullable: true })
  start?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Zet de data met de hand; anders wordt de tekst gelezen.' })
  end?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('note')
  readingNote?: string | null;
}

@InputType()
export class ChangeActionStatusInput {
  @Field(() => ID)
  @IsSlugId()
  actionId!: string;

  @Field(() => ActionStatusEnum)
  status!: ActionStatus;

  @Field(() => String, { nullable: true, description: 'Toelichting; verplicht bij STOPPED.' })
  @IsOptional()
  @MaxText('note')
  note?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Als gegeven en niet gelijk aan de versie van de actie: CONFLICT, er wordt niets vastgelegd.',
  })
  @IsVersion()
  expectedVersion?: number | null;

  @Field(() => ID, { nullable: true, description: 'Idempotentiesleutel: dezelfde commandId nog eens legt niets nieuws vast.' })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class InvolvementInput {
  @Field(() => ID)
  @IsPartnerId()
  partnerId!: string;

  @Field(() => InvolvementRoleEnum)
  role!: InvolvementRole;
}

@InputType()
export class RegisterActionInput {
  @Field(() => ID)
  @IsSlugId()
  actionId!: string;

  @Field(() => ID)
  @IsSlugId()
  planId!: string;

  @Field(() => ID)
  @IsSlugId()
  actionLineId!: string;

  @Field()
  @MaxText('title')
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('result')
  result?: string | null;

  @Field(() => [ID])
  @MaxItems(30)
  @IsPartnerId({ each: true })
  owners!: string[];

  @Field(() => [InvolvementInput], { nullable: true })
  @IsOptional()
  @MaxItems(30)
  @ValidateNested({ each: true })
  @Type(() => InvolvementInput)
  involved?: InvolvementInput[] | null;

  @Field(() => DeadlineInputType, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineInputType)
  deadline?: DeadlineInputType | null;

  @Field(() => ID, { nullable: true, description: 'Alleen in een regionaal plan: de landelijke actie die deze actie uitvoert.' })
  @IsOptional()
  @IsSlugId()
  carriesOut?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class OwnerChangeInput {
  @Field(() => ID)
  @IsSlugId()
  actionId!: string;

  @Field(() => ID)
  @IsPartnerId()
  partnerId!: string;

  @Field(() => String, { nullable: true, description: 'Waarom; verplicht bij het verwijderen van een eigenaar.' })
  @IsOptional()
  @MaxText('reason')
  reason?: string | null;

  @Field(() => Int, { nullable: true })
  @IsVersion()
  expectedVersion?: number | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class RescheduleActionInput {
  @Field(() => ID)
  @IsSlugId()
  actionId!: string;

  @Field(() => DeadlineInputType, { nullable: true, description: 'null: de actie heeft geen datum meer.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineInputType)
  deadline!: DeadlineInputType | null;

  @Field({ description: 'Waarom de termijn verschuift (verplicht).' })
  @MaxText('reason')
  reason!: string;

  @Field(() => Int, { nullable: true })
  @IsVersion()
  expectedVersion?: number | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}
