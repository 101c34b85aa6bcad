export * from './entities/notification-delivery.entity';
import { NotificationDelivery } from './entities/notification-delivery.entity';
export const NOTIFICATIONS_ENTITIES = [NotificationDelivery];
