import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { MaxChars } from './validation';

/** Shape only; ContactService checks that the partner exists and that the address is one. */
@InputType()
export class RegisterPartnerContactInput {
  @Field(() => ID, { description: 'De partner (id of schrijfwijze uit de plannen, bv. NVP, NJi).' })
  @MaxChars(200)
  partnerId!: string;

  @Field({ description: 'E-mailadres voor herinneringen, bv. secretariaat@pleegzorg.nl.' })
  @MaxChars(254)
  email!: string;

  @Field(() => String, { nullable: true, description: 'Naam van de contactpersoon.' })
  @IsOptional()
  @MaxChars(200)
  name?: string | null;
}

@InputType()
export class RemovePartnerContactInput {
  @Field(() => ID)
  @MaxChars(200)
  partnerId!: string;

  @Field()
  @MaxChars(254)
  email!: string;
}
