import { defineContext } from '@ashar/manifest';
import { THREADS_ENTITIES } from './entities';
import { THREADS_MIGRATIONS } from './migrations';
import { ThreadsModule } from './threads.module';

/**
 * Threads: comments with replies and moderation, for any context. A context also imports ThreadsModule
 * to register its policy; the moderation mutations' policies are in the tables of the contexts whose
 * threads they moderate.
 */
export const THREADS_MANIFEST = defineContext({
  name: 'threads',
  apiModule: ThreadsModule,
  entities: THREADS_ENTITIES,
  migrations: THREADS_MIGRATIONS,
});
