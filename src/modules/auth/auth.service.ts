import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { IsNull } from 'typeorm';
import { AccessTokenClaims } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { newOpaqueId } from '../../common/ids';
import { RateLimits } from '../../common/rate-limit/rate-limits';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { UnitOfWork } from '../../database/unit-of-work';
import { User } from '../users/user.entity';
import { PublicUserResponse } from '../users/user.response';
import { UserErrors } from '../users/users.errors';
import { normalizePhone } from '../users/phone';
import { UsersService } from '../users/users.service';
import { AuthErrors } from './auth.errors';
import { AuthResponse, LoginDto, RegisterDto } from './dto/auth.dto';
import { Passwords } from './passwords';
import { RefreshToken } from './refresh-token.entity';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: Passwords,
    private readonly jwt: JwtService,
    private readonly uow: UnitOfWork,
    private readonly rateLimits: RateLimits,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(input: RegisterDto): Promise<AuthResponse> {
    if (!input.email && !input.phone) throw new DomainError(UserErrors.USER_CONTACT_INVALID);
    const phone = input.phone ? normalizePhone(input.phone) : null;
    if (input.phone && !phone) throw new DomainError(UserErrors.USER_PHONE_INVALID);
    const user = await this.users.createAccount({
      displayName: input.displayName.trim(),
      email: input.email ? input.email.trim().toLowerCase() : null,
      phone,
      passwordHash: await this.passwords.hash(input.password),
      locale: input.locale ?? 'id',
      createdAt: this.clock.now(),
    });
    return this.issueTokens(user, newOpaqueId());
  }

  /** Unknown account and wrong password look the same; five failures a minute lock the account. */
  async login(input: LoginDto): Promise<AuthResponse> {
    const login = input.login.trim().toLowerCase();
    const byEmail = login.includes('@');
    const key = byEmail ? login : (normalizePhone(login) ?? login);
    await this.rateLimits.assertNotBlocked('login-failures', key, AuthErrors.AUTH_LOGIN_RATE_LIMITED);
    const user = await this.users.findByLogin(byEmail ? { email: login } : { phone: key });
    const valid = await this.passwords.verify(user?.passwordHash ?? null, input.password);
    if (!user || !valid) {
      await this.rateLimits.recordFailure('login-failures', key);
      throw new DomainError(AuthErrors.AUTH_CREDENTIALS_UNAUTHORIZED);
    }
    await this.rateLimits.reset('login-failures', key);
    return this.issueTokens(user, newOpaqueId());
  }

  /**
   * Rotates a refresh token. A token used twice means it leaked: the whole family is revoked so the
   * thief and the owner both have to sign in again.
   */
  async refresh(token: string): Promise<AuthResponse> {
    const now = this.clock.now();
    const outcome = await this.uow.run(async (manager) => {
      const stored = await manager.findOneBy(RefreshToken, { tokenHash: hashToken(token) });
      if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= now.getTime()) return null;
      const claimed = await manager.update(RefreshToken, { id: stored.id, usedAt: IsNull() }, { usedAt: now });
      if (!claimed.affected) {
        await manager.update(RefreshToken, { familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: now });
        return 'reused' as const;
      }
      return stored;
    });
    if (outcome === null || outcome === 'reused') throw new DomainError(AuthErrors.AUTH_REFRESH_UNAUTHORIZED);
    const user = await this.users.findById(outcome.userId);
    if (!user) throw new DomainError(AuthErrors.AUTH_REFRESH_UNAUTHORIZED);
    return this.issueTokens(user, outcome.familyId);
  }

  private async issueTokens(user: User, familyId: string): Promise<AuthResponse> {
    const claims: AccessTokenClaims = { sub: user.id, roles: user.roles };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      secret: this.config.jwt.secret,
      issuer: this.config.jwt.issuer,
      audience: this.config.jwt.audience,
      expiresIn: this.config.jwt.accessTtlSeconds,
    });
    const refreshToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.uow.run((manager) =>
      manager.insert(RefreshToken, {
        id: newOpaqueId(),
        userId: user.id,
        familyId,
        tokenHash: hashToken(refreshToken),
        expiresAt: new Date(now.getTime() + this.config.jwt.refreshTtlSeconds * 1000),
        usedAt: null,
        revokedAt: null,
        createdAt: now,
      }),
    );
    return { user: PublicUserResponse.from(user), accessToken, refreshToken, expiresIn: this.config.jwt.accessTtlSeconds };
  }
}
