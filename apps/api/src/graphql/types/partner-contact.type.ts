import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../scalars';

@ObjectType('PartnerContact', {
  description:
    'Een contactadres van een partner voor herinneringen (alleen COORDINATOR). Persoonsgegevens: buiten het logboek bewaard en te wissen.',
})
export class PartnerContactType {
  @Field(() => ID)
  partnerId!: string;

  @Field({ description: 'In kleine letters, zoals het bewaard wordt.' })
  email!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => DateTimeScalar)
  registeredAt!: string;

  @Field(() => ID, { description: 'Wie het registreerde: een token-id, oidc:<sub>, of cli.' })
  registeredBy!: string;
}
