import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationPreference } from './entities/notification-preference.entity';
import { DeliverNotificationHandler } from './jobs/deliver-notification.handler';
import { ChannelProviders } from './providers/channel-providers';
import { NotificationDeliveriesRepository } from './repositories/notification-deliveries.repository';
import { NotificationPreferencesRepository } from './repositories/notification-preferences.repository';
import { NotificationPreferenceResolver } from './resolvers/notification-preference.resolver';
import { NotificationKinds } from './services/notification-kinds';
import { NotificationPreferenceService } from './services/notification-preference.service';
import { NotificationResolver } from './resolvers/notification.resolver';
import { DeliveryService } from './services/delivery.service';
import { NotificationService } from './services/notification.service';
import { SmsEstimateResolver } from './resolvers/sms-estimate.resolver';
import { SmsEstimateService } from './services/sms-estimate.service';
import { SmsDeliveryReportService } from './services/sms-delivery-report.service';
import { SmsWebhooksController } from './http/sms-webhooks.controller';
import { SmsInboundMessage } from './entities/sms-inbound-message.entity';
import { SmsOptOut } from './entities/sms-opt-out.entity';
import { SmsInboundRepository } from './repositories/sms-inbound.repository';
import { SmsInboundService } from './services/sms-inbound.service';
import { SmsReplyHandlers } from './services/sms-reply-handlers';

export const NOTIFICATIONS_ENTITIES = [NotificationDelivery, NotificationPreference, SmsInboundMessage, SmsOptOut];

/** What other contexts use: `NotificationService.send`, `NotificationKinds` (no resolvers, no job processing). */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES)],
  providers: [NotificationDeliveriesRepository, NotificationPreferencesRepository, SmsInboundRepository, NotificationKinds, SmsReplyHandlers, NotificationService, NotificationPreferenceService],
  exports: [NotificationService, NotificationKinds, SmsReplyHandlers, NotificationPreferenceService],
})
export class NotificationsCoreModule {}

/** The API side: the recipient's inbox over GraphQL. */
@Module({
  imports: [NotificationsCoreModule],
  controllers: [SmsWebhooksController],
  providers: [NotificationDeliveriesRepository, NotificationResolver, NotificationPreferenceResolver, SmsEstimateService, SmsEstimateResolver, SmsDeliveryReportService, SmsInboundRepository, SmsInboundService],
  exports: [NotificationsCoreModule],
})
export class NotificationsModule {}

/** The worker side: sends email and SMS deliveries through the configured providers. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES)],
  providers: [NotificationDeliveriesRepository, ChannelProviders, DeliveryService, DeliverNotificationHandler],
  exports: [DeliveryService],
})
export class NotificationsJobsModule {}
