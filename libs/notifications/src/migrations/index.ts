import { NotificationDeliveries1796226041775 } from './1796226041775-notification-deliveries.migration';
import { NotificationPreferences1796621000000 } from './1796621000000-notification-preferences.migration';
import { SmsCostAndReports1796660000000 } from './1796660000000-sms-cost-and-reports.migration';
import { SmsInboundAndOptOuts1796660100000 } from './1796660100000-sms-inbound-and-opt-outs.migration';

/** Notifications' schema history; the manifest list orders every context's by timestamp. */
export const NOTIFICATIONS_MIGRATIONS = [NotificationDeliveries1796226041775, NotificationPreferences1796621000000, SmsCostAndReports1796660000000, SmsInboundAndOptOuts1796660100000];
