import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows of one CSV file of the idn-area-data package (national administrative codes, ODbL). */
function areaCsv(file: string): string[][] {
  const dir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
  return readFileSync(join(dir, file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(','));
}

export class Partners1795545291536 implements MigrationInterface {
  name = 'Partners1795545291536';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "regions" ("code" character varying(5) NOT NULL, "level" character varying(10) NOT NULL, "province_code" character varying(2), "name" character varying(100) NOT NULL, CONSTRAINT "regions_code_check" CHECK (("level" = 'province' AND "code" ~ '^[0-9]{2}$' AND "province_code" IS NULL) OR ("level" = 'regency' AND "code" ~ '^[0-9]{2}[.][0-9]{2}$' AND "province_code" = left("code", 2))), CONSTRAINT "regions_level_check" CHECK ("level" IN ('province', 'regency')), CONSTRAINT "PK_4f6dc5a464961e7c65a395ea4c6" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE INDEX "regions_province_idx" ON "regions"  ("province_code", "code") `);
    // Provinces and regencies/cities, so region codes can be checked by a foreign key.
    const provinces = areaCsv('provinces.csv').map(([code, name]) => ({ code, name }));
    const regencies = areaCsv('regencies.csv').map(([code, provinceCode, name]) => ({ code, provinceCode, name }));
    await queryRunner.query(
      `INSERT INTO "regions" ("code", "level", "province_code", "name")
       SELECT code, 'province', NULL, name FROM unnest($1::varchar[], $2::varchar[]) AS p(code, name)`,
      [provinces.map((p) => p.code), provinces.map((p) => p.name)],
    );
    await queryRunner.query(
      `INSERT INTO "regions" ("code", "level", "province_code", "name")
       SELECT code, 'regency', province_code, name FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS r(code, province_code, name)`,
      [regencies.map((r) => r.code), regencies.map((r) => r.provinceCode), regencies.map((r) => r.name)],
    );
    await queryRunner.query(`CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "position" character varying(120), "phone" character varying(30), "email" character varying(254), "is_primary" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "contacts_organization_idx" ON "contacts"  ("organization_id", "name", "id") `);
    await queryRunner.query(`CREATE TABLE "partner_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "education_office_id" uuid NOT NULL, "program_id" uuid, "region_code" character varying(5) NOT NULL, "school_levels" character varying array NOT NULL DEFAULT '{}', "schools_wanted" integer NOT NULL, "need_topics" character varying array NOT NULL DEFAULT '{}', "needs_note" text, "due_date" date NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'open', "created_by_user_id" uuid NOT NULL, "answered_by_user_id" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "partner_requests_wanted_check" CHECK ("schools_wanted" BETWEEN 1 AND 100), CONSTRAINT "partner_requests_status_check" CHECK ("status" IN ('open', 'answered', 'closed', 'withdrawn', 'expired')), CONSTRAINT "PK_fd71d017be37b179be76c7cd5f0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "partner_requests_office_idx" ON "partner_requests"  ("education_office_id", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "partner_requests_company_idx" ON "partner_requests"  ("company_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "partner_recommendations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "school_id" uuid NOT NULL, "rank" integer NOT NULL, "rationale" text NOT NULL, "decision" character varying(10) NOT NULL DEFAULT 'pending', "decision_reason" text, "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "recommended_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "partner_recommendations_rank_check" CHECK ("rank" >= 1), CONSTRAINT "partner_recommendations_decline_reason_check" CHECK ("decision" <> 'declined' OR "decision_reason" IS NOT NULL), CONSTRAINT "partner_recommendations_decision_check" CHECK ("decision" IN ('pending', 'accepted', 'declined')), CONSTRAINT "PK_d194f66c345e2c9513658a5ff48" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "partner_recommendations_school_idx" ON "partner_recommendations"  ("school_id", "decision") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "partner_recommendations_rank_key" ON "partner_recommendations"  ("request_id", "rank") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "partner_recommendations_school_key" ON "partner_recommendations"  ("request_id", "school_id") `);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "sector" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "ownership" character varying(10)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "address" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "student_count" integer`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "teacher_count" integer`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "principal_name" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "needs" character varying array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "invitation_token_hash" character(64)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "invitation_expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "invited_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "organizations_region_idx" ON "organizations"  ("region_code") `);
    await queryRunner.query(`CREATE INDEX "organizations_created_idx" ON "organizations"  ("created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_invitation_key" ON "users"  ("invitation_token_hash") WHERE "invitation_token_hash" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD CONSTRAINT "organizations_counts_check" CHECK (("student_count" IS NULL OR "student_count" >= 0) AND ("teacher_count" IS NULL OR "teacher_count" >= 0))`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD CONSTRAINT "organizations_ownership_check" CHECK ("ownership" IS NULL OR "ownership" IN ('public', 'private'))`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_password_or_invitation_check" CHECK ("password_hash" IS NOT NULL OR "invitation_token_hash" IS NOT NULL OR "disabled_at" IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD CONSTRAINT "FK_c3197e5729ee63b66b923616a1f" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contacts" ADD CONSTRAINT "FK_0799185e89f0eec8f7ec05a5bb8" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "partner_requests" ADD CONSTRAINT "FK_1e1e14ed7599327f0acb68f9347" FOREIGN KEY ("company_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "partner_requests" ADD CONSTRAINT "FK_332837b30f7f062e97aa42922a7" FOREIGN KEY ("education_office_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "partner_requests" ADD CONSTRAINT "FK_a082d3ecf8565f3dfd30f37a213" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "partner_recommendations" ADD CONSTRAINT "FK_0220cf44cd53050c3d8aa5a2fcc" FOREIGN KEY ("request_id") REFERENCES "partner_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "partner_recommendations" ADD CONSTRAINT "FK_a43e1efba72e11e3b320dfa59f8" FOREIGN KEY ("school_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partner_recommendations" DROP CONSTRAINT "FK_a43e1efba72e11e3b320dfa59f8"`);
    await queryRunner.query(`ALTER TABLE "partner_recommendations" DROP CONSTRAINT "FK_0220cf44cd53050c3d8aa5a2fcc"`);
    await queryRunner.query(`ALTER TABLE "partner_requests" DROP CONSTRAINT "FK_a082d3ecf8565f3dfd30f37a213"`);
    await queryRunner.query(`ALTER TABLE "partner_requests" DROP CONSTRAINT "FK_332837b30f7f062e97aa42922a7"`);
    await queryRunner.query(`ALTER TABLE "partner_requests" DROP CONSTRAINT "FK_1e1e14ed7599327f0acb68f9347"`);
    await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_0799185e89f0eec8f7ec05a5bb8"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "FK_c3197e5729ee63b66b923616a1f"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_password_or_invitation_check"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "organizations_ownership_check"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "organizations_counts_check"`);
    await queryRunner.query(`DROP INDEX "public"."users_invitation_key"`);
    await queryRunner.query(`DROP INDEX "public"."organizations_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."organizations_region_idx"`);
    // Invitations go with this migration: users invited who never set a password cannot stay.
    await queryRunner.query(`DELETE FROM "users" WHERE "password_hash" IS NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "invited_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "invitation_expires_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "invitation_token_hash"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "needs"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "principal_name"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "teacher_count"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "student_count"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "address"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "ownership"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "sector"`);
    await queryRunner.query(`DROP INDEX "public"."partner_recommendations_school_key"`);
    await queryRunner.query(`DROP INDEX "public"."partner_recommendations_rank_key"`);
    await queryRunner.query(`DROP INDEX "public"."partner_recommendations_school_idx"`);
    await queryRunner.query(`DROP TABLE "partner_recommendations"`);
    await queryRunner.query(`DROP INDEX "public"."partner_requests_company_idx"`);
    await queryRunner.query(`DROP INDEX "public"."partner_requests_office_idx"`);
    await queryRunner.query(`DROP TABLE "partner_requests"`);
    await queryRunner.query(`DROP INDEX "public"."contacts_organization_idx"`);
    await queryRunner.query(`DROP TABLE "contacts"`);
    await queryRunner.query(`DROP INDEX "public"."regions_province_idx"`);
    await queryRunner.query(`DROP TABLE "regions"`);
  }
}
