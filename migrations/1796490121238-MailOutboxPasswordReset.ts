import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailOutboxPasswordReset1796490121238 implements MigrationInterface {
  name = 'MailOutboxPasswordReset1796490121238';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The e-mail outbox: each message written in the same transaction as the change it tells of.
    await queryRunner.query(`CREATE TABLE "outbox_messages" ("id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "user_id" uuid, "to_address" character varying(254) NOT NULL, "locale" character varying(2) NOT NULL, "subject" character varying(300) NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "message_id" character varying(200) NOT NULL, "entity_type" character varying(40), "entity_id" uuid, "dedupe_key" character varying(160), "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "outbox_messages_locale_check" CHECK ("locale" IN ('id', 'en')), CONSTRAINT "outbox_messages_status_check" CHECK ("status" IN ('pending', 'sent', 'kept', 'failed')), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outbox_messages_user_idx" ON "outbox_messages"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "outbox_messages_dedupe_key" ON "outbox_messages"  ("dedupe_key") WHERE "dedupe_key" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "outbox_messages_message_id_key" ON "outbox_messages"  ("message_id") `);
    await queryRunner.query(`CREATE INDEX "outbox_messages_created_idx" ON "outbox_messages"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "outbox_messages_due_idx" ON "outbox_messages"  ("next_attempt_at", "id") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE TABLE "password_reset_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "requested_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d16bebd73e844c48bca50ff8d3d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "password_reset_tokens_hash_key" ON "password_reset_tokens"  ("token_hash") `);
    // Password reset requests are counted in the sign-in throttle's table, under scopes of their own;
    // the column is widened in place so the failures counted so far are kept.
    await queryRunner.query(`ALTER TABLE "login_failures" DROP CONSTRAINT "login_failures_scope_check"`);
    await queryRunner.query(`ALTER TABLE "login_failures" ALTER COLUMN "scope" TYPE character varying(20)`);
    await queryRunner.query(`ALTER TABLE "login_failures" ADD CONSTRAINT "login_failures_scope_check" CHECK ("scope" IN ('account', 'address', 'reset_account', 'reset_address'))`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "FK_2da2b5a8ebd90e1ad73b785f9ef" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "FK_52ac39dd8a28730c63aeb428c9c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset_tokens" DROP CONSTRAINT "FK_52ac39dd8a28730c63aeb428c9c"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_2da2b5a8ebd90e1ad73b785f9ef"`);
    await queryRunner.query(`ALTER TABLE "login_failures" DROP CONSTRAINT "login_failures_scope_check"`);
    await queryRunner.query(`DELETE FROM "login_failures" WHERE "scope" IN ('reset_account', 'reset_address')`);
    await queryRunner.query(`ALTER TABLE "login_failures" ALTER COLUMN "scope" TYPE character varying(10)`);
    await queryRunner.query(`ALTER TABLE "login_failures" ADD CONSTRAINT "login_failures_scope_check" CHECK ("scope" IN ('account', 'address'))`);
    await queryRunner.query(`DROP INDEX "public"."password_reset_tokens_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."password_reset_tokens_user_idx"`);
    await queryRunner.query(`DROP TABLE "password_reset_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_messages_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_messages_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_messages_message_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_messages_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_messages_user_idx"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
  }
}
