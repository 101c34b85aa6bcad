import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, RequestContext } from '@ashar/graphql';
import { isLocale, translate } from '@ashar/i18n';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotificationPreferenceType } from '../dtos/notification-preference.type';
import { NotificationPreferenceService, PreferenceView } from '../services/notification-preference.service';

const toType = (p: PreferenceView, locale: string): NotificationPreferenceType => ({
  kind: p.kind,
  label: translate(isLocale(locale) ? locale : 'ky', p.labelKey),
  enabled: p.enabled,
});

@Resolver(() => NotificationPreferenceType)
export class NotificationPreferenceResolver {
  constructor(private readonly prefs: NotificationPreferenceService) {}

  @Query(() => [NotificationPreferenceType], { description: 'Every kind of notice and whether you get it' })
  async myNotificationPreferences(@CurrentActor() actor: Actor, @Ctx() ctx: RequestContext): Promise<NotificationPreferenceType[]> {
    return (await this.prefs.mine(actor)).map((p) => toType(p, ctx.locale));
  }

  @Mutation(() => NotificationPreferenceType, { description: 'Opt out of (enabled: false) or back into one kind of notice, on every channel' })
  async setNotificationPreference(@CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Args('kind') kind: string, @Args('enabled') enabled: boolean): Promise<NotificationPreferenceType> {
    return toType(await this.prefs.set(actor, kind, enabled), ctx.locale);
  }
}
