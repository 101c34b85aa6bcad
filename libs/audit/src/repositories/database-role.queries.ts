import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The current login: is it a superuser, and how many public tables does it own (or act as owner of)? */
export async function currentRolePrivileges(dataSource: DataSource): Promise<{ role: string; superuser: boolean; owned: number }> {
  const [r]: { role: string; superuser: boolean; owned: number }[] = await dataSource.query(
    `SELECT current_user AS role, r.rolsuper AS superuser,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  return r;
}

/** The same question for Nest providers. */
@Injectable()
export class DatabaseRoleQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  privileges() {
    return currentRolePrivileges(this.db);
  }
}

/** What callers outside Nest (tests) hand over: a connection, or the query object. */
export type DatabaseRoleSource = DataSource | DatabaseRoleQueries;

export function privilegesOf(source: DatabaseRoleSource) {
  return source instanceof DatabaseRoleQueries ? source.privileges() : currentRolePrivileges(source);
}
