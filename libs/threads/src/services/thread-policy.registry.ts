import { Injectable } from '@nestjs/common';
import { ThreadPolicy } from '../thread-policy';

/**
 * The policies contexts register (usually in `onModuleInit` of one of their providers), keyed by
 * context and subject type. A thread of a kind nobody registered cannot be read, written or moderated.
 */
@Injectable()
export class ThreadPolicyRegistry {
  private readonly policies = new Map<string, ThreadPolicy>();

  register(policy: ThreadPolicy): void {
    const key = `${policy.context}/${policy.subjectType}`;
    const known = this.policies.get(key);
    if (known && known !== policy) throw new Error(`threads: a policy for ${key} is already registered`);
    this.policies.set(key, policy);
  }

  get(context: string, subjectType: string): ThreadPolicy {
    const p = this.policies.get(`${context}/${subjectType}`);
    if (!p) throw new Error(`threads: no policy registered for ${context}/${subjectType}`);
    return p;
  }
}
