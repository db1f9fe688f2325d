import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PartnerKindEnum } from './enums';

@ObjectType('Partner', { description: 'Een partij uit de plannen.' })
export class PartnerType {
  @Field(() => ID, { description: 'Het acroniem zoals de plannen het schrijven, in hoofdletters: VWS, VNG, JN, NJI, NVP.' })
  id!: string;

  @Field({ description: 'Volledige Nederlandse naam.' })
  name!: string;

  @Field(() => PartnerKindEnum)
  kind!: string;

  @Field(() => [String], { description: 'Andere schrijfwijzen in de plannen (NJi, gemeentes, ...).' })
  aliases!: string[];
}
