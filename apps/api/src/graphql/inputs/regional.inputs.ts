import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { ActionLevel } from '@actiemonitor/domain';
import { DateScalar } from '../scalars';
import { ActionLevelEnum } from '../types/enums';
import { DeadlineInputType } from './action.inputs';
import { IsCommandId, IsMeasure, IsPartnerId, IsSlugId, MaxItems, MaxText } from './validation';

@InputType({ description: 'Een regio pakt een landelijke actie op: een eigen uitvoering, in het opvolgingsplan van de regio.' })
export class TakeUpNationalActionInput {
  @Field(() => ID, { description: 'De landelijke actie.' })
  @IsSlugId()
  actionId!: string;

  @Field(() => ID, { description: 'De jeugdzorgregio, bv. REGIO-HAAGLANDEN.' })
  @IsPartnerId()
  regionId!: string;

  @Field(() => String, { nullable: true, description: 'Standaard de titel van de landelijke actie.' })
  @IsOptional()
  @MaxText('title')
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('result')
  result?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Standaard de regio zelf; ook lokale partijen kunnen eigenaar zijn.' })
  @IsOptional()
  @MaxItems(30)
  @IsPartnerId({ each: true })
  owners?: string[] | null;

  @Field(() => DeadlineInputType, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineInputType)
  deadline?: DeadlineInputType | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType({ description: 'De startfoto van een regio bij een landelijk doel ("Hoeveel pleeggezinnen zijn er in onze gemeenschap?").' })
export class RecordRegionalStartfotoInput {
  @Field(() => ID)
  @IsSlugId()
  targetId!: string;

  @Field(() => ID)
  @IsPartnerId()
  regionId!: string;

  @Field(() => Float, { description: 'Een telling: geheel getal, 0 of meer.' })
  @IsMeasure()
  value!: number;

  @Field(() => DateScalar)
  measuredAt!: string;

  @Field({ description: 'Waarin geteld wordt; alle regio’s gebruiken bij een doel dezelfde eenheid.' })
  @MaxText('unit')
  unit!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('source')
  source?: string | null;

  @Field(() => Float, { nullable: true, description: 'Het eindpunt dat de regio kiest ("Bepaal dan gezamenlijk het eindpunt").' })
  @IsOptional()
  @IsMeasure()
  goal?: number | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class RecordRegionalMeasurementInput {
  @Field(() => ID)
  @IsSlugId()
  targetId!: string;

  @Field(() => ID)
  @IsPartnerId()
  regionId!: string;

  @Field(() => Float)
  @IsMeasure()
  value!: number;

  @Field(() => DateScalar)
  measuredAt!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('source')
  source?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class SetActionLevelInput {
  @Field(() => ID)
  @IsSlugId()
  actionId!: string;

  @Field(() => ActionLevelEnum)
  level!: ActionLevel;

  @Field(() => String, { nullable: true, description: 'Waar het plan het niveau noemt.' })
  @IsOptional()
  @MaxText('source')
  source?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}
