import { Injectable } from '@nestjs/common';
import { InjectConfig } from '@ashar/runtime';
import type { AppConfig } from '@ashar/kernel';
import * as argon2 from 'argon2';

@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: this.config.argon2MemoryKiB, timeCost: 2, parallelism: 1 });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    // Unknown accounts still pay for one verification, so timing does not reveal which logins exist.
    if (!hash) {
      this.dummyHash ??= this.hash('not-a-real-password-0000');
      await argon2.verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
