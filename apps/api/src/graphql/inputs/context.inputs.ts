import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import type { Chamber, ReferenceKind, ReferenceSubject } from '@actiemonitor/domain';
import { DateScalar } from '../scalars';
import { ChamberEnum, ReferenceKindEnum, ReferenceSubjectEnum } from '../types/context.type';
import { IsCommandId, IsMeasure, IsSlugId, MaxChars, MaxItems, MaxText } from './validation';

@InputType()
export class RegisterParliamentaryReferenceInput {
  @Field(() => ID)
  @IsSlugId()
  referenceId!: string;

  @Field(() => ReferenceKindEnum)
  kind!: ReferenceKind;

  @Field(() => ChamberEnum, { nullable: true })
  chamber?: Chamber | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxChars(100)
  dossier?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxChars(100)
  number?: string | null;

  @Field()
  @MaxText('title')
  title!: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @MaxItems(20)
  @MaxChars(200, { each: true })
  members?: string[] | null;

  @Field(() => DateScalar, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxChars(100)
  dateText?: string | null;

  @Field({ description: 'Waar het kamerstuk genoemd wordt: document, plaats en citaat.' })
  @MaxText('note')
  source!: string;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class LinkParliamentaryReferenceInput {
  @Field(() => ID)
  @IsSlugId()
  referenceId!: string;

  @Field(() => ReferenceSubjectEnum)
  subject!: ReferenceSubject;

  @Field(() => ID)
  @IsSlugId()
  subjectId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('note')
  note?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class DefineThemeInput {
  @Field(() => ID)
  @IsSlugId()
  themeId!: string;

  @Field(() => ID)
  @IsSlugId()
  planId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsSlugId()
  actionLineId?: string | null;

  @Field()
  @MaxText('title')
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('description')
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('note')
  source?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class LinkActionToThemeInput {
  @Field(() => ID)
  @IsSlugId()
  themeId!: string;

  @Field(() => ID)
  @IsSlugId()
  actionId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('note')
  note?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class DefineContextSeriesInput {
  @Field(() => ID)
  @IsSlugId()
  seriesId!: string;

  @Field(() => ID)
  @IsSlugId()
  planId!: string;

  @Field()
  @MaxText('title')
  title!: string;

  @Field()
  @MaxText('unit')
  unit!: string;

  @Field({ description: 'Wie de cijfers publiceert en waar het plan ze geeft.' })
  @MaxText('note')
  source!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsSlugId()
  actionLineId?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @MaxItems(50)
  @IsSlugId({ each: true })
  targetIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @MaxItems(50)
  @IsSlugId({ each: true })
  actionIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('note')
  note?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}

@InputType()
export class RecordContextFigureInput {
  @Field(() => ID)
  @IsSlugId()
  seriesId!: string;

  @Field(() => String, { nullable: true, description: 'De periode zoals de bron die noemt ("2015").' })
  @IsOptional()
  @MaxChars(100)
  period?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'De laatste dag van die periode.' })
  date?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxChars(100)
  category?: string | null;

  @Field(() => Float)
  @IsMeasure()
  value!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText('note')
  note?: string | null;

  @Field(() => ID, { nullable: true })
  @IsCommandId()
  commandId?: string | null;
}
