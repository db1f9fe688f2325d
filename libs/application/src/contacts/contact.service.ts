import { APPLICATION_MESSAGES } from '../application.messages';
import { Inject, Injectable } from '@nestjs/common';
import { InvalidInput, optionalText } from '@actiemonitor/domain';
import { knownPartnerId } from '../auth/known-partner';
import { CLOCK, Clock, READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { CONTACT_REPOSITORY, ContactRepository, PartnerContact } from './contact-repository.port';
import { checkEmailAddress } from './email-address';

const MAX_NAME_LENGTH = 200;
/** C1 controls and the bidi overrides and isolates: a name goes into a mail header and onto a terminal. */
const HIDDEN_CHARACTERS = /[\u0080-\u009F\u202A-\u202E\u2066-\u2069]/;

export interface RegisterContactRequest {
  partnerId: string;
  email: string;
  name?: string | null;
}

/**
 * Coordinators register who at a partner receives reminders. Every input is checked here, for the CLI
 * and GraphQL alike; refusals name the field (`partnerId`, `email`, `name`).
 */
@Injectable()
export class ContactService {
  constructor(
    @Inject(CONTACT_REPOSITORY) private readonly contacts: ContactRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
  ) {}

  /** `registeredBy`: the actor's id (a token id, `oidc:<sub>`, or `cli`). */
  async register(request: RegisterContactRequest, registeredBy: string): Promise<PartnerContact> {
    const partnerId = await this.partner(request.partnerId);
    const email = checkEmailAddress('email', request.email);
    const name = optionalText('name', request.name, MAX_NAME_LENGTH);
    if (name !== null && (HIDDEN_CHARACTERS.test(name) || /[\r\n\t]/.test(name))) {
      throw new InvalidInput('name', APPLICATION_MESSAGES.contactNameControl);
    }
    const contact: PartnerContact = { partnerId, email, name, registeredAt: this.clock.now().toISOString(), registeredBy };
    await this.contacts.add(contact);
    return contact;
  }

  /** One partner's contacts (an id or alias, as for tokens), or everyone's. */
  async list(partnerId: string | null): Promise<PartnerContact[]> {
    return this.contacts.list(partnerId === null ? null : await this.partner(partnerId));
  }

  /** Erases a contact; false when the partner had no such address. */
  async remove(partnerId: string, email: string): Promise<boolean> {
    return this.contacts.remove(await this.partner(partnerId), checkEmailAddress('email', email));
  }

  private async partner(input: string | null | undefined): Promise<string> {
    if (!input || input.trim() === '') throw new InvalidInput('partnerId', APPLICATION_MESSAGES.contactPartnerRequired);
    try {
      return knownPartnerId(input.trim(), await this.readModels.partners());
    } catch (error) {
      if (error instanceof InvalidInput) throw new InvalidInput('partnerId', { nl: error.text, en: error.reason });
      throw error;
    }
  }
}
