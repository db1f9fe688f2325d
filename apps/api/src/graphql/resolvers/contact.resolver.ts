import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ContactService, PartnerContact } from '@actiemonitor/application';
import { Allow } from '../../auth/allow.decorator';
import { RequestContext } from '../../auth/request-context';
import { RegisterPartnerContactInput, RemovePartnerContactInput } from '../inputs/contact.inputs';
import { LookupId } from '../inputs/validation';
import { PartnerContactType } from '../types/partner-contact.type';

/**
 * Partners' contact addresses for reminders: coordinators only, for reading too (they are personal
 * data). They are kept outside the event log, so these mutations append nothing; the access log names
 * the operation and never its variables, so no address reaches a log either.
 */
@Resolver()
export class ContactResolver {
  constructor(private readonly contacts: ContactService) {}

  @Query(() => [PartnerContactType], {
    description: 'Contactadressen voor herinneringen, van één partner of van alle (alleen COORDINATOR).',
  })
  @Allow('manageContacts')
  partnerContacts(
    @Args('partnerId', { type: () => ID, nullable: true }, LookupId('partnerId')) partnerId: string | null,
  ): Promise<PartnerContact[]> {
    return this.contacts.list(partnerId ?? null);
  }

  @Mutation(() => PartnerContactType, { description: 'Registreert een contactadres van een partner voor herinneringen.' })
  @Allow('manageContacts')
  registerPartnerContact(@Args('input') input: RegisterPartnerContactInput, @Context() ctx: RequestContext): Promise<PartnerContact> {
    return this.contacts.register({ partnerId: input.partnerId, email: input.email, name: input.name ?? null }, ctx.principal!.tokenId);
  }

  @Mutation(() => Boolean, { description: 'Wist een contactadres; false als de partner dat adres niet had.' })
  @Allow('manageContacts')
  removePartnerContact(@Args('input') input: RemovePartnerContactInput): Promise<boolean> {
    return this.contacts.remove(input.partnerId, input.email);
  }
}
