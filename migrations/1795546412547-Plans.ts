import { MigrationInterface, QueryRunner } from 'typeorm';

export class Plans1795546412547 implements MigrationInterface {
  name = 'Plans1795546412547';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "program_year_id" uuid NOT NULL, "partnership_id" uuid NOT NULL, "facilitator_user_id" uuid, "title" character varying(200) NOT NULL, "content" jsonb NOT NULL DEFAULT '{}', "status" character varying(20) NOT NULL DEFAULT 'draft', "revision" integer NOT NULL DEFAULT '0', "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_late" boolean NOT NULL DEFAULT false, "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by_user_id" uuid, "completed_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "created_by_user_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "plans_status_check" CHECK ("status" IN ('draft', 'submitted', 'changes_requested', 'approved', 'in_progress', 'completed', 'withdrawn')), CONSTRAINT "PK_3720521a81c7c24fe9b7202ba61" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "plans_partnership_idx" ON "plans"  ("partnership_id") `);
    await queryRunner.query(`CREATE INDEX "plans_program_year_idx" ON "plans"  ("program_year_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "plans_school_year_key" ON "plans"  ("school_id", "program_year_id") `);
    await queryRunner.query(`CREATE TABLE "plan_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "version_number" integer, "field_path" character varying(200), "parent_id" uuid, "author_user_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f65850fbbbae5ecc92d3964e98a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "plan_comments_plan_idx" ON "plan_comments"  ("plan_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "plan_editors" ("plan_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_374565e2ad17f08af121e3d8c54" PRIMARY KEY ("plan_id", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "plan_activity_progress" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "note" text, "evidence_document_id" uuid, "updated_by_user_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "plan_activity_progress_status_check" CHECK ("status" IN ('not_started', 'in_progress', 'done')), CONSTRAINT "PK_9b1c2b384847ee5c5a0123aa883" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "plan_activity_progress_key" ON "plan_activity_progress"  ("plan_id", "activity_id") `);
    await queryRunner.query(`CREATE TABLE "plan_indicator_results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "achieved_value" numeric(14,2) NOT NULL, "note" text, "updated_by_user_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2729101a207599f5b45829b5f2d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "plan_indicator_results_key" ON "plan_indicator_results"  ("plan_id", "indicator_id") `);
    await queryRunner.query(`CREATE TABLE "plan_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "number" integer NOT NULL, "revision" integer NOT NULL, "title" character varying(200) NOT NULL, "content" jsonb NOT NULL, "submitted_by_user_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "late" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_dd2f605d45f2679a86a7c1c5b20" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "plan_versions_number_key" ON "plan_versions"  ("plan_id", "number") `);
    await queryRunner.query(`ALTER TABLE "plans" ADD CONSTRAINT "FK_e72b4bdee14c27f9f4bc09c36e1" FOREIGN KEY ("school_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plans" ADD CONSTRAINT "FK_781921e28fb42121990fafa7e0b" FOREIGN KEY ("program_year_id") REFERENCES "program_years"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plans" ADD CONSTRAINT "FK_8d0f2377973829f7bd2b0ff32af" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plans" ADD CONSTRAINT "FK_c18540875843c7cbaf7611525d2" FOREIGN KEY ("facilitator_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_comments" ADD CONSTRAINT "FK_b39af7437718c3fb0067fc13b8b" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_comments" ADD CONSTRAINT "FK_3167eaca6a0d983e840f757dddc" FOREIGN KEY ("parent_id") REFERENCES "plan_comments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_comments" ADD CONSTRAINT "FK_1ade6deb3d4d6959b707c7cb235" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_editors" ADD CONSTRAINT "FK_1dac54cfdec628f453588d3894b" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_editors" ADD CONSTRAINT "FK_5ea41631666a430898f44fb5744" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_activity_progress" ADD CONSTRAINT "FK_632524fc2bd16159bf8588cc9d8" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_activity_progress" ADD CONSTRAINT "FK_ea8cc098fb5fec35d4a7246a214" FOREIGN KEY ("evidence_document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_indicator_results" ADD CONSTRAINT "FK_26adddb75cf4c03920f89ba0f99" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_versions" ADD CONSTRAINT "FK_b504a5b710ec5832245809b7bce" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plan_versions" DROP CONSTRAINT "FK_b504a5b710ec5832245809b7bce"`);
    await queryRunner.query(`ALTER TABLE "plan_indicator_results" DROP CONSTRAINT "FK_26adddb75cf4c03920f89ba0f99"`);
    await queryRunner.query(`ALTER TABLE "plan_activity_progress" DROP CONSTRAINT "FK_ea8cc098fb5fec35d4a7246a214"`);
    await queryRunner.query(`ALTER TABLE "plan_activity_progress" DROP CONSTRAINT "FK_632524fc2bd16159bf8588cc9d8"`);
    await queryRunner.query(`ALTER TABLE "plan_editors" DROP CONSTRAINT "FK_5ea41631666a430898f44fb5744"`);
    await queryRunner.query(`ALTER TABLE "plan_editors" DROP CONSTRAINT "FK_1dac54cfdec628f453588d3894b"`);
    await queryRunner.query(`ALTER TABLE "plan_comments" DROP CONSTRAINT "FK_1ade6deb3d4d6959b707c7cb235"`);
    await queryRunner.query(`ALTER TABLE "plan_comments" DROP CONSTRAINT "FK_3167eaca6a0d983e840f757dddc"`);
    await queryRunner.query(`ALTER TABLE "plan_comments" DROP CONSTRAINT "FK_b39af7437718c3fb0067fc13b8b"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP CONSTRAINT "FK_c18540875843c7cbaf7611525d2"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP CONSTRAINT "FK_8d0f2377973829f7bd2b0ff32af"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP CONSTRAINT "FK_781921e28fb42121990fafa7e0b"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP CONSTRAINT "FK_e72b4bdee14c27f9f4bc09c36e1"`);
    await queryRunner.query(`DROP INDEX "public"."plan_versions_number_key"`);
    await queryRunner.query(`DROP TABLE "plan_versions"`);
    await queryRunner.query(`DROP INDEX "public"."plan_indicator_results_key"`);
    await queryRunner.query(`DROP TABLE "plan_indicator_results"`);
    await queryRunner.query(`DROP INDEX "public"."plan_activity_progress_key"`);
    await queryRunner.query(`DROP TABLE "plan_activity_progress"`);
    await queryRunner.query(`DROP TABLE "plan_editors"`);
    await queryRunner.query(`DROP INDEX "public"."plan_comments_plan_idx"`);
    await queryRunner.query(`DROP TABLE "plan_comments"`);
    await queryRunner.query(`DROP INDEX "public"."plans_school_year_key"`);
    await queryRunner.query(`DROP INDEX "public"."plans_program_year_idx"`);
    await queryRunner.query(`DROP INDEX "public"."plans_partnership_idx"`);
    await queryRunner.query(`DROP TABLE "plans"`);
  }
}
