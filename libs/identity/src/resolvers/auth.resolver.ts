import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, Lang, RequestContext } from '@ashar/graphql';
import { AppConfig, UnauthenticatedError } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccountType, AuthPayloadType, LogInInput, SignUpInput } from '../dtos/account.types';
import { AccountService } from '../services/account.service';
import { IssuedSession, SessionService } from '../services/session.service';
import { SignInThrottleService } from '../services/sign-in-throttle.service';

export const REFRESH_COOKIE = 'ashar_refresh';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
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

  @Mutation(() => Boolean, { description: 'Ends the session of the refresh token (cookie or argument) and of the access token sent' })
  async logOut(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @Args('refreshToken', { nullable: true, type: () => String }) refreshToken?: string | null,
  ) {
    const presented = refreshToken ?? ctx.req.cookies?.[REFRESH_COOKIE];
    if (presented) await this.sessions.revokeFamilyOf(presented);
    if (actor.sessionId) await this.sessions.revokeFamily(actor.sessionId);
    ctx.res.clearCookie(REFRESH_COOKIE, { path: '/graphql' });
    return true;
  }

  @Mutation(() => Boolean, { description: 'Redeems the one-time code sent when a login hit its failed-password ceiling: signing in works again' })
  async unlockSignIn(@Args('token') token: string, @Ctx() ctx: RequestContext) {
    await this.throttle.unlock(token, ctx.ip);
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
