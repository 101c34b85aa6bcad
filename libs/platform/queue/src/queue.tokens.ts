export const QUEUE_BACKEND_KIND = Symbol('QUEUE_BACKEND_KIND');
/** The queues the manifests declare (QueueDeclaration[]): producers, relay and dispatcher read it. */
export const QUEUE_DECLARATIONS = Symbol('QUEUE_DECLARATIONS');
/** What a BullMQ Queue or Worker of this process connects with (QueueConnection). */
export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

export interface QueueConnection {
  connection: Record<string, unknown>;
  prefix: string;
}
