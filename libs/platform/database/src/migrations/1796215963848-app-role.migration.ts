import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Least privilege for the running application. Migrations run as the owner of the schema; the API and
 * worker log in as a member of the NOLOGIN group role `ashar_app`, which owns nothing, so it cannot
 * ALTER (or disable the triggers of) any table, and may only read and append to the audit log.
 * Roles are cluster-wide and several databases (test suites, deployments) may run this at once: the
 * role is created only when absent and a concurrent creator's win is not an error.
 */
export class AppRole1796215963848 implements MigrationInterface {
  name = 'AppRole1796215963848';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ashar_app') THEN
          CREATE ROLE ashar_app NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ashar_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ashar_app`);
    await queryRunner.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ashar_app`);
    // Tables that later migrations create (as this same owner) get the ordinary DML grants by default;
    // a new append-only table must revoke them in its own migration, as below.
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ashar_app`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ashar_app`);
    // The audit log: read and append only (the trigger stays as a second line for the owner's mistakes).
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM ashar_app`);
    // The schema history is the owner's: the application only needs to read it (if at all).
    await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ashar_app`);
    // BullMQ's PostgreSQL backend runs CREATE SCHEMA IF NOT EXISTS at every start (migrate: true), which
    // needs CREATE on the database; the queue schema and its tables are then the app role's own. Only the
    // database owner may grant it: another migrating role gets a warning saying what to grant by hand
    // (queues on Redis do not need it).
    await queryRunner.query(`DO $$ BEGIN
        EXECUTE format('GRANT CREATE ON DATABASE %I TO ashar_app', current_database());
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE WARNING 'queues on PostgreSQL need: GRANT CREATE ON DATABASE % TO ashar_app (run it as the database owner)', quote_ident(current_database());
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The role is cluster-wide and may serve other databases: only this database's grants go.
    await queryRunner.query(`DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM ashar_app', current_database()); END $$`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT, UPDATE ON SEQUENCES FROM ashar_app`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ashar_app`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ashar_app`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ashar_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ashar_app`);
  }
}
