import { Injectable } from '@nestjs/common';
import { ResidentProfile } from '../entities/resident-profile.entity';
import { ResidentProfilesRepository } from '../repositories/resident-profiles.repository';

/** Residents' optional facts (village, birth year, gender) for other contexts' statistics; read only, also in the worker. */
@Injectable()
export class ResidentProfileReader {
  constructor(private readonly profiles: ResidentProfilesRepository) {}

  /** In slices: a city's vote can have tens of thousands of voters. */
  async profilesOf(accountIds: readonly string[]): Promise<ResidentProfile[]> {
    const out: ResidentProfile[] = [];
    for (let i = 0; i < accountIds.length; i += 5000) out.push(...(await this.profiles.ofAccounts(accountIds.slice(i, i + 5000))));
    return out;
  }
}
