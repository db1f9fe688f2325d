import { hash as digest, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InvalidInput, PARTNER_ID_PATTERN } from '@actiemonitor/domain';
import { APPLICATION_MESSAGES } from '../application.messages';
import { CLOCK, Clock, READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { knownPartnerId } from './known-partner';
import { Principal, Role, ROLES } from './principal';
import { TOKEN_REPOSITORY, TokenRecord, TokenRepository } from './token-repository.port';
import { VerifiedTokens } from './verified-tokens';

const TOKEN_PREFIX = 'am_';
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface CreateTokenRequest {
  name: string;
  role: Role;
  partnerId: string | null;
  expiresAt?: string | null;
}

/**
 * API tokens for people's scripts and partners' systems. Secrets carry 256 bits of randomness, so a
 * fast sha256 is enough to store them safely (a slow password hash protects low-entropy secrets only).
 */
@Injectable()
export class TokenService {
  private readonly verified: VerifiedTokens;

  constructor(
    @Inject(TOKEN_REPOSITORY) private readonly tokens: TokenRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
  ) {
    this.verified = new VerifiedTokens(tokens);
  }

  async create(request: CreateTokenRequest): Promise<{ secret: string; record: TokenRecord }> {
    if (!NAME_PATTERN.test(request.name)) throw new InvalidInput('name', APPLICATION_MESSAGES.tokenNameInvalid);
    if (!ROLES.includes(request.role)) {
      throw new InvalidInput('role', APPLICATION_MESSAGES.tokenRoleInvalid(ROLES.join(', ').toLowerCase()));
    }
    if (request.partnerId !== null && !PARTNER_ID_PATTERN.test(request.partnerId)) {
      throw new InvalidInput('partner', APPLICATION_MESSAGES.tokenPartnerIdInvalid(request.partnerId));
    }
    if (request.role === 'PARTNER' && request.partnerId === null) {
      throw new InvalidInput('partner', APPLICATION_MESSAGES.partnerTokenNeedsPartner);
    }
    const partnerId = request.partnerId === null ? null : knownPartnerId(request.partnerId, await this.readModels.partners());
    const now = this.clock.now();
    if (request.expiresAt != null && !(Date.parse(request.expiresAt) > now.getTime())) {
      throw new InvalidInput('expires', APPLICATION_MESSAGES.tokenExpiryNotInFuture);
    }
    if (await this.tokens.findByName(request.name)) throw new InvalidInput('name', APPLICATION_MESSAGES.tokenNameInUse(request.name));
    const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const record: TokenRecord = {
      id: `tok-${randomUUID()}`,
      name: request.name,
      role: request.role,
      partnerId,
      secretHash: hashSecret(secret),
      createdAt: now.toISOString(),
      expiresAt: request.expiresAt ? new Date(request.expiresAt).toISOString() : null,
      revokedAt: null,
    };
    await this.tokens.insert(record);
    return { secret, record };
  }

  /**
   * The principal for a presented secret, or null when it is unknown, revoked or expired. The record may
   * come from memory (VerifiedTokens: only while the store reports no change to any token); revocation
   * and expiry are judged here on every call.
   */
  async authenticate(secret: string): Promise<Principal | null> {
    if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 100) return null;
    const hash = hashSecret(secret);
    const record = await this.verified.findBySecretHash(hash);
    if (!record || !timingSafeEqual(Buffer.from(record.secretHash), Buffer.from(hash))) return null;
    if (record.revokedAt !== null) return null;
    if (record.expiresAt !== null && Date.parse(record.expiresAt) <= this.clock.now().getTime()) return null;
    return { tokenId: record.id, name: record.name, role: record.role, partnerId: record.partnerId, via: 'token' };
  }

  async revoke(name: string): Promise<boolean> {
    return this.tokens.revoke(name, this.clock.now().toISOString());
  }

  async list(): Promise<TokenRecord[]> {
    return this.tokens.list();
  }
}

/** One-shot hashing (no Hash object per call): it runs on every authenticated request. */
function hashSecret(secret: string): string {
  return digest('sha256', secret, 'hex');
}
