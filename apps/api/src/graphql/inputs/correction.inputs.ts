import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import type { ActionStatus } from '@actiemonitor/domain';
import { ActionStatusEnum } from '../types/enums';
import { IsCommandId, IsReportVersion, IsSlugId, IsVersion, MaxText } from './validation';

@InputType({
  description: 'Corrigeert de laatste statusmelding met een nieuwe gebeurtenis die zegt welke en waarom; de oude blijft in het logboek.',
})
export class CorrectActionStatusInput {
  @Field(() => ID)
  @IsSlugId()
  actionId!: string;

  @Field(() => Int, { description: 'De versie van de statusmelding die wordt gecorrigeerd (de laatste).' })
  @IsReportVersion()
  correctsVersion!: number;

  @Field(() => ActionStatusEnum)
  status!: ActionStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('note')
  note?: string | null;

  @Field({ description: 'Waarom de melding onjuist was (verplicht).' })
  @MaxText('reason')
  reason!: string;

  @Field(() => Int, { nullable: true })
  @IsVersion()
  expectedVersion?: number | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}
