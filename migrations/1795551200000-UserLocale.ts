import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserLocale1795551200000 implements MigrationInterface {
  name = 'UserLocale1795551200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Every existing user reads Bahasa Indonesia until they choose English.
    await queryRunner.query(`ALTER TABLE "users" ADD "locale" character varying(2) NOT NULL DEFAULT 'id'`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_locale_check" CHECK ("locale" IN ('id', 'en'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_locale_check"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "locale"`);
  }
}
