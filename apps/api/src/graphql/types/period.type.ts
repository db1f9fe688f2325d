import { Field, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../scalars';

@ObjectType('Period', { description: 'Een termijn zoals beleid hem schrijft, met de afgeleide data.' })
export class PeriodType {
  @Field({ description: 'Zoals in het plan: "medio 2017", "2017/2018", "1 juni 2019 – 1 maart 2020".' })
  text!: string;

  @Field(() => DateScalar, { nullable: true })
  start!: string | null;

  @Field(() => DateScalar, { description: 'De laatste dag waarop de termijn nog gehaald is.' })
  end!: string;

  @Field(() => String, { nullable: true, description: 'Hoe een dubbelzinnige tekst is gelezen.' })
  readingNote?: string | null;
}
