import { ThreadMessage } from './thread-message.entity';
import { Thread } from './thread.entity';

export * from './thread.entity';
export * from './thread-message.entity';

export const THREADS_ENTITIES = [Thread, ThreadMessage];
