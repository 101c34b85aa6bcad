import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectAppLogger } from '@ashar/runtime';
import { Logger } from 'pino';
import { DatabaseRoleQueries, DatabaseRoleSource, privilegesOf } from '../repositories/database-role.queries';

/**
 * What the application's database login could do beyond its job. A superuser or an owner of the tables
 * can disable the audit trigger and rewrite history; the app should log in as a member of ashar_app.
 */
export async function excessPrivileges(source: DatabaseRoleSource): Promise<string[]> {
  const r = await privilegesOf(source);
  const problems: string[] = [];
  if (r.superuser) problems.push(`database role "${r.role}" is a superuser`);
  else if (r.owned > 0) problems.push(`database role "${r.role}" owns ${r.owned} tables`);
  return problems;
}

/** Start-up warning (not a refusal: existing single-role deployments keep working while they migrate). */
@Injectable()
export class LeastPrivilegeCheck implements OnApplicationBootstrap {
  constructor(
    private readonly roles: DatabaseRoleQueries,
    @InjectAppLogger() private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const problems = await excessPrivileges(this.roles);
      if (problems.length) {
        this.log.warn(
          { problems },
          'DATABASE_URL has more privileges than the application needs: it could disable the audit trigger; connect as a member of ashar_app and run migrations with MIGRATION_DATABASE_URL (see README, Security)',
        );
      }
    } catch (err) {
      this.log.warn({ err }, 'could not check the database role privileges');
    }
  }
}
