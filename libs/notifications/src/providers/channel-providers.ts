import { Injectable } from '@nestjs/common';
import { AppConfig, NotificationChannelConfig } from '@ashar/kernel';
import { InjectAppLogger, InjectConfig } from '@ashar/runtime';
import type { Logger } from 'pino';
import { HttpNotificationProvider } from './http.provider';
import { LoggingNotificationProvider } from './logging.provider';
import { NotificationProvider } from './notification-provider';

/** The provider of each outgoing channel, chosen by configuration (in-app needs none: the row is the message). */
@Injectable()
export class ChannelProviders {
  private readonly byChannel: Record<'email' | 'sms', NotificationProvider>;

  constructor(@InjectConfig() config: AppConfig, @InjectAppLogger() log: Logger) {
    const make = (c: NotificationChannelConfig): NotificationProvider =>
      c.provider === 'http' && c.http ? new HttpNotificationProvider(c.http) : new LoggingNotificationProvider(log, config.nodeEnv !== 'production');
    this.byChannel = { email: make(config.notifications.email), sms: make(config.notifications.sms) };
  }

  for(channel: 'email' | 'sms'): NotificationProvider {
    return this.byChannel[channel];
  }
}
