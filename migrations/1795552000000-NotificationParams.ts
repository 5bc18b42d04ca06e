import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationParams1795552000000 implements MigrationInterface {
  name = 'NotificationParams1795552000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The values a notice is made of, so the portal can word it in the reader's language.
    await queryRunner.query(`ALTER TABLE "notifications" ADD "params" jsonb NOT NULL DEFAULT '{}'`);
    // The unread count on every page: one index-only lookup per user.
    await queryRunner.query(`CREATE INDEX "notifications_unread_idx" ON "notifications" ("user_id") WHERE "read_at" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_unread_idx"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "params"`);
  }
}
