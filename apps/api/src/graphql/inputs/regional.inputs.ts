import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { ActionLevel } from '@actiemonitor/domain';
import { ActionLevelEnum } from '../types/enums';
import { DeadlineInputType } from './action.inputs';
import { RecordMeasurementInput } from './target.inputs';
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

/** A region's count for a national target: a national measurement with the region it is for. */
@InputType()
export class RecordRegionalMeasurementInput extends RecordMeasurementInput {
  @Field(() => ID, { description: 'De jeugdzorgregio, bv. REGIO-HAAGLANDEN; de waarde is een telling (geheel getal, 0 of meer).' })
  @IsPartnerId()
  regionId!: string;
}

@InputType({ description: 'De startfoto van een regio bij een landelijk doel ("Hoeveel pleeggezinnen zijn er in onze gemeenschap?").' })
export class RecordRegionalStartfotoInput extends RecordRegionalMeasurementInput {
  @Field({ description: 'Waarin geteld wordt; alle regio’s gebruiken bij een doel dezelfde eenheid.' })
  @MaxText('unit')
  unit!: string;

  @Field(() => Float, { nullable: true, description: 'Het eindpunt dat de regio kiest ("Bepaal dan gezamenlijk het eindpunt").' })
  @IsOptional()
  @IsMeasure()
  goal?: number | null;
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
