import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, Lang, RequestContext } from '@ashar/graphql';
import { AppConfig, UnauthenticatedError } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccountType, AuthPayloadType, LogInInput, SignUpInput } from '../dtos/account.types';
import { AccountService } from '../services/account.service';
import { IssuedSession, SessionService } from '../services/session.service';

export const REFRESH_COOKIE = 'ashar_refresh';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Query(() => AccountType, { nullable: true, description: 'The signed-in account, or null' })
  me(@CurrentActor() actor: Actor) {
    return actor.accountId ? this.accounts.byId(actor.accountId) : null;
  }

  @Mutation(() => AuthPayloadType)
  async signUp(@Args('input') input: SignUpInput, @Ctx() ctx: RequestContext) {
    return this.respond(ctx, await this.accounts.signUp(input, ctx.ip));
  }

  @Mutation(() => AuthPayloadType)
  async logIn(@Args('input') input: LogInInput, @Ctx() ctx: RequestContext) {
    return this.respond(ctx, await this.accounts.logIn(input, ctx.ip));
  }

  @Mutation(() => AuthPayloadType, { description: 'Rotates the refresh token (cookie, or the argument for non-browser clients)' })
  async refreshSession(@Ctx() ctx: RequestContext, @Args('refreshToken', { nullable: true, type: () => String }) refreshToken?: string | null) {
    const presented = refreshToken ?? ctx.req.cookies?.[REFRESH_COOKIE];
    if (!presented) throw new UnauthenticatedError('errors.auth.refreshInvalid');
    return this.respond(ctx, await this.sessions.rotate(presented));
  }

  @Mutation(() => Boolean)
  async logOut(@Ctx() ctx: RequestContext, @Args('refreshToken', { nullable: true, type: () => String }) refreshToken?: string | null) {
    const presented = refreshToken ?? ctx.req.cookies?.[REFRESH_COOKIE];
    if (presented) await this.sessions.revokeFamilyOf(presented);
    ctx.res.clearCookie(REFRESH_COOKIE, { path: '/graphql' });
    return true;
  }

  @Mutation(() => AccountType)
  setLocale(@CurrentActor() actor: Actor, @Args('locale', { type: () => Lang }) locale: Lang) {
    return this.accounts.setLocale(actor, locale);
  }

  private respond(ctx: RequestContext, s: IssuedSession): AuthPayloadType {
    ctx.res.cookie(REFRESH_COOKIE, s.refreshToken, {
      httpOnly: true,
      secure: this.config.cookieSecure,
      sameSite: 'lax',
      path: '/graphql',
      expires: s.refreshExpiresAt,
    });
    return {
      accessToken: s.accessToken,
      expiresAt: s.expiresAt.toISOString(),
      refreshToken: s.refreshToken,
      account: s.account as unknown as AccountType,
    };
  }
}
