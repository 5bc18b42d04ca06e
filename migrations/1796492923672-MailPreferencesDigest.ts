import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailPreferencesDigest1796492923672 implements MigrationInterface {
  name = 'MailPreferencesDigest1796492923672';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mail_digest_items" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "category" character varying(20) NOT NULL, "locale" character varying(2) NOT NULL, "subject" character varying(300) NOT NULL, "url" character varying(2000) NOT NULL, "entity_type" character varying(40), "entity_id" uuid, "dedupe_key" character varying(160), "digest_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0812306962fa8aa7a82c4a470e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mail_digest_items_dedupe_key" ON "mail_digest_items"  ("dedupe_key") WHERE "dedupe_key" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "mail_digest_items_waiting_idx" ON "mail_digest_items"  ("user_id", "created_at") WHERE "digest_on" IS NULL`);
    await queryRunner.query(`CREATE TABLE "mail_digests" ("user_id" uuid NOT NULL, "day" date NOT NULL, "outbox_message_id" uuid, "item_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_740c06607923c599dc32ef8ea4d" PRIMARY KEY ("user_id", "day"))`);
    await queryRunner.query(`CREATE TABLE "mail_preferences" ("user_id" uuid NOT NULL, "category" character varying(20) NOT NULL, "delivery" character varying(12) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mail_preferences_delivery_check" CHECK ("delivery" IN ('immediately', 'digest', 'off')), CONSTRAINT "mail_preferences_category_check" CHECK ("category" IN ('plans', 'money', 'mentoring', 'mous', 'competitions')), CONSTRAINT "PK_ee25ddee3d0da7c5f2c1dde52c0" PRIMARY KEY ("user_id", "category"))`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "list_unsubscribe" character varying(2100)`);
    await queryRunner.query(`ALTER TABLE "mail_digest_items" ADD CONSTRAINT "FK_32d968c0cf7de6f30af16d8ace2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mail_digests" ADD CONSTRAINT "FK_32c491030fc4b1862df7b54b4c9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mail_digests" ADD CONSTRAINT "FK_98d7565f32514ddc0184ca89252" FOREIGN KEY ("outbox_message_id") REFERENCES "outbox_messages"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mail_preferences" ADD CONSTRAINT "FK_91d10c82c4b1290df46ca896052" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_preferences" DROP CONSTRAINT "FK_91d10c82c4b1290df46ca896052"`);
    await queryRunner.query(`ALTER TABLE "mail_digests" DROP CONSTRAINT "FK_98d7565f32514ddc0184ca89252"`);
    await queryRunner.query(`ALTER TABLE "mail_digests" DROP CONSTRAINT "FK_32c491030fc4b1862df7b54b4c9"`);
    await queryRunner.query(`ALTER TABLE "mail_digest_items" DROP CONSTRAINT "FK_32d968c0cf7de6f30af16d8ace2"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "list_unsubscribe"`);
    await queryRunner.query(`DROP TABLE "mail_preferences"`);
    await queryRunner.query(`DROP TABLE "mail_digests"`);
    await queryRunner.query(`DROP INDEX "public"."mail_digest_items_waiting_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mail_digest_items_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "mail_digest_items"`);
  }
}
