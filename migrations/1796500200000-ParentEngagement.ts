import { MigrationInterface, QueryRunner } from 'typeorm';

/** Parent-engagement activities of a school (parenting classes, committee meetings, home visits...). */
export class ParentEngagement1796500200000 implements MigrationInterface {
  name = 'ParentEngagement1796500200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "parent_engagement_activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "held_on" date NOT NULL, "parents_reached" integer NOT NULL, "parents_by_grade" jsonb, "teachers_involved" integer NOT NULL DEFAULT '0', "notes" text, "plan_id" uuid, "plan_program_id" uuid, "created_by_user_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `CONSTRAINT "parent_engagement_activities_plan_check" CHECK ("plan_program_id" IS NULL OR "plan_id" IS NOT NULL), ` +
        `CONSTRAINT "parent_engagement_activities_counts_check" CHECK ("parents_reached" >= 0 AND "teachers_involved" >= 0), ` +
        `CONSTRAINT "parent_engagement_activities_kind_check" CHECK ("kind" IN ('parenting_class', 'school_committee_meeting', 'home_visit', 'communication_book_check', 'volunteering_day', 'learning_at_home_guidance', 'joint_decision_making', 'community_collaboration')), ` +
        `CONSTRAINT "PK_ae66ed634e61d5d7f60aef49949" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "parent_engagement_activities_school_idx" ON "parent_engagement_activities"  ("school_id", "held_on", "id")`);
    await queryRunner.query(
      `ALTER TABLE "parent_engagement_activities" ADD CONSTRAINT "FK_10fb851ebd4d14425c17b34b95d" FOREIGN KEY ("school_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "parent_engagement_activities" ADD CONSTRAINT "FK_60c2a954281a93b7484bbe76376" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "parent_engagement_activities" DROP CONSTRAINT "FK_60c2a954281a93b7484bbe76376"`);
    await queryRunner.query(`ALTER TABLE "parent_engagement_activities" DROP CONSTRAINT "FK_10fb851ebd4d14425c17b34b95d"`);
    await queryRunner.query(`DROP INDEX "public"."parent_engagement_activities_school_idx"`);
    await queryRunner.query(`DROP TABLE "parent_engagement_activities"`);
  }
}
