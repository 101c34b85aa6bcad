import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { THREADS_ENTITIES } from './entities';
import { ThreadRepository } from './repositories/thread.repository';
import { ThreadModerationResolver } from './resolvers/thread-moderation.resolver';
import { ThreadPolicyRegistry } from './services/thread-policy.registry';
import { ThreadService } from './services/thread.service';

/**
 * Threads for every context: import it in the context's module, register a ThreadPolicy per subject
 * type in `onModuleInit`, and read and write through ThreadService. One instance per application, so
 * every context registers into the same registry and `hideComment` finds every policy.
 */
@Module({
  imports: [TypeOrmModule.forFeature(THREADS_ENTITIES)],
  providers: [ThreadRepository, ThreadPolicyRegistry, ThreadService, ThreadModerationResolver],
  exports: [ThreadService, ThreadPolicyRegistry],
})
export class ThreadsModule {}
