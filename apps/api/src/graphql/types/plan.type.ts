import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PeriodType } from './period.type';

@ObjectType('ActionLine', { description: 'Actielijn: een thema van een plan met zijn acties.' })
export class ActionLineType {
  @Field(() => ID)
  id!: string;

  /** Set by the parent resolver so nested fields know their plan. */
  planId!: string;

  @Field({ description: '"1".."4" in het Actieplan Pleegzorg; de eigen kopjes van de Koers Gezinshuizen.' })
  code!: string;

  @Field()
  title!: string;
}

@ObjectType('Plan')
export class PlanType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => PeriodType)
  period!: PeriodType;

  @Field(() => String, { nullable: true, description: 'Het brondocument waaruit het plan is geïmporteerd.' })
  sourceDocument!: string | null;

  @Field(() => ID, { nullable: true, description: 'Bij een regionaal plan: de jeugdzorgregio.' })
  regionId?: string;
}
