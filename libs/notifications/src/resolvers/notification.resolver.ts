import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, RequestContext } from '@ashar/graphql';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotificationType } from '../dtos/notification.type';
import { NotificationDelivery } from '../entities/notification-delivery.entity';
import { renderNotification } from '../services/notification-renderer';
import { NotificationService } from '../services/notification.service';

const toType = (d: NotificationDelivery, locale: string): NotificationType => ({
  id: d.id,
  templateKey: d.templateKey,
  text: renderNotification(d.templateKey, d.params, locale).text,
  createdAt: d.createdAt.toISOString(),
  readAt: d.readAt ? new Date(d.readAt).toISOString() : null,
});

@Resolver(() => NotificationType)
export class NotificationResolver {
  constructor(private readonly notifications: NotificationService) {}

  @Query(() => [NotificationType], { description: 'Your in-app notifications, newest first' })
  async myNotifications(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @Args('limit', { type: () => Int, nullable: true, description: '1 to 100, default 20' }) limit?: number | null,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean | null,
  ): Promise<NotificationType[]> {
    return (await this.notifications.inbox(actor, { limit, unreadOnly })).map((d) => toType(d, ctx.locale));
  }

  @Mutation(() => NotificationType, { description: 'Marks one of your in-app notifications read' })
  async markNotificationRead(@CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<NotificationType> {
    return toType(await this.notifications.markRead(actor, id), ctx.locale);
  }
}
