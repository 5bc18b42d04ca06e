import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The library of good practice (horizontal learning) and its sharing sessions. Search is PostgreSQL
 * full text with the `simple` configuration (PostgreSQL has no Indonesian stemmer): a GIN index over
 * one expression of title, summary and what was done, which the search query repeats word for word.
 * No extension is needed (pg_trgm is not loaded in the embedded PGlite mode), so the same migration
 * runs on a server, under a non-superuser schema owner, and embedded.
 */
export class PracticeLibrary1796500100000 implements MigrationInterface {
  name = 'PracticeLibrary1796500100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "practices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "summary" text NOT NULL, "topic" character varying(40) NOT NULL, "school_level" character varying(10) NOT NULL, "what_was_done" text NOT NULL, "results" jsonb NOT NULL DEFAULT '[]', "year" integer NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'draft', "source_plan_id" uuid, "source_plan_program_id" uuid, "source_entry_id" uuid, "proposed_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "returned_at" TIMESTAMP WITH TIME ZONE, "returned_reason" text, "reviewed_by_user_id" uuid, "created_by_user_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "practices_year_check" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "practices_status_check" CHECK ("status" IN ('draft', 'proposed', 'published', 'returned')), CONSTRAINT "PK_0934829c5859a843625e6ff1c34" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "practices_status_idx" ON "practices"  ("status", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "practices_search_idx" ON "practices" USING gin (to_tsvector('simple'::regconfig, "title" || ' ' || "summary" || ' ' || "what_was_done"))`);
    await queryRunner.query(`CREATE INDEX "practices_school_idx" ON "practices"  ("school_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "learning_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "host_school_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "held_on" date NOT NULL, "place" character varying(300) NOT NULL, "notes" text, "attendees" jsonb NOT NULL DEFAULT '[]', "created_by_user_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ae528cc9815d53624aca51b2e54" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "learning_events_host_idx" ON "learning_events"  ("host_school_id", "held_on") `);
    await queryRunner.query(`CREATE TABLE "learning_event_participants" ("event_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, CONSTRAINT "learning_event_participants_kind_check" CHECK ("kind" IN ('school', 'company')), CONSTRAINT "PK_2c1a8127cceae02ea5ce07c9645" PRIMARY KEY ("event_id", "organization_id"))`);
    await queryRunner.query(`CREATE INDEX "learning_event_participants_org_idx" ON "learning_event_participants"  ("organization_id") `);
    await queryRunner.query(`CREATE TABLE "learning_event_practices" ("event_id" uuid NOT NULL, "practice_id" uuid NOT NULL, CONSTRAINT "PK_863cb9c087572500bd594798598" PRIMARY KEY ("event_id", "practice_id"))`);
    await queryRunner.query(`CREATE INDEX "learning_event_practices_practice_idx" ON "learning_event_practices"  ("practice_id") `);
    await queryRunner.query(`ALTER TABLE "practices" ADD CONSTRAINT "FK_91a1b254cec77e788c1d8984464" FOREIGN KEY ("school_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "practices" ADD CONSTRAINT "FK_56b0dd87b53dce16dd206bc4a89" FOREIGN KEY ("source_plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "practices" ADD CONSTRAINT "FK_baa93603071f8858b06262b1d65" FOREIGN KEY ("source_entry_id") REFERENCES "competition_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_events" ADD CONSTRAINT "FK_c442c6990276bec9632d8a5e780" FOREIGN KEY ("host_school_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_event_participants" ADD CONSTRAINT "FK_443e616d79f07ea9aa369062593" FOREIGN KEY ("event_id") REFERENCES "learning_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_event_participants" ADD CONSTRAINT "FK_635bb33ba3effe9fe4c9c55e247" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_event_practices" ADD CONSTRAINT "FK_5c0f97dc30dc7fc8189417924f4" FOREIGN KEY ("event_id") REFERENCES "learning_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_event_practices" ADD CONSTRAINT "FK_728249a338d0304d0430df35be8" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "learning_event_practices" DROP CONSTRAINT "FK_728249a338d0304d0430df35be8"`);
    await queryRunner.query(`ALTER TABLE "learning_event_practices" DROP CONSTRAINT "FK_5c0f97dc30dc7fc8189417924f4"`);
    await queryRunner.query(`ALTER TABLE "learning_event_participants" DROP CONSTRAINT "FK_635bb33ba3effe9fe4c9c55e247"`);
    await queryRunner.query(`ALTER TABLE "learning_event_participants" DROP CONSTRAINT "FK_443e616d79f07ea9aa369062593"`);
    await queryRunner.query(`ALTER TABLE "learning_events" DROP CONSTRAINT "FK_c442c6990276bec9632d8a5e780"`);
    await queryRunner.query(`ALTER TABLE "practices" DROP CONSTRAINT "FK_baa93603071f8858b06262b1d65"`);
    await queryRunner.query(`ALTER TABLE "practices" DROP CONSTRAINT "FK_56b0dd87b53dce16dd206bc4a89"`);
    await queryRunner.query(`ALTER TABLE "practices" DROP CONSTRAINT "FK_91a1b254cec77e788c1d8984464"`);
    await queryRunner.query(`DROP INDEX "public"."learning_event_practices_practice_idx"`);
    await queryRunner.query(`DROP TABLE "learning_event_practices"`);
    await queryRunner.query(`DROP INDEX "public"."learning_event_participants_org_idx"`);
    await queryRunner.query(`DROP TABLE "learning_event_participants"`);
    await queryRunner.query(`DROP INDEX "public"."learning_events_host_idx"`);
    await queryRunner.query(`DROP TABLE "learning_events"`);
    await queryRunner.query(`DROP INDEX "public"."practices_school_idx"`);
    await queryRunner.query(`DROP INDEX "public"."practices_search_idx"`);
    await queryRunner.query(`DROP INDEX "public"."practices_status_idx"`);
    await queryRunner.query(`DROP TABLE "practices"`);
  }
}
