import { MigrationInterface, QueryRunner } from 'typeorm';

export class Grants1795546497907 implements MigrationInterface {
  name = 'Grants1795546497907';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "grants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "school_id" uuid NOT NULL, "program_year_id" uuid NOT NULL, "partnership_id" uuid NOT NULL, "company_id" uuid NOT NULL, "awarded_amount" bigint NOT NULL, "disbursed_amount" bigint NOT NULL DEFAULT '0', "accepted_amount" bigint NOT NULL DEFAULT '0', "returned_amount" bigint NOT NULL DEFAULT '0', "carried_over_amount" bigint NOT NULL DEFAULT '0', "funded_budget_line_ids" uuid array NOT NULL DEFAULT '{}', "conditions" text array NOT NULL DEFAULT '{}', "require_report_before_next_tranche" boolean NOT NULL DEFAULT false, "status" character varying(20) NOT NULL DEFAULT 'awarded', "cancelled_reason" text, "awarded_by_user_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "grants_settled_check" CHECK ("returned_amount" >= 0 AND "carried_over_amount" >= 0 AND "accepted_amount" + "returned_amount" + "carried_over_amount" <= "disbursed_amount"), CONSTRAINT "grants_accepted_check" CHECK ("accepted_amount" >= 0 AND "accepted_amount" <= "disbursed_amount"), CONSTRAINT "grants_disbursed_check" CHECK ("disbursed_amount" >= 0 AND "disbursed_amount" <= "awarded_amount"), CONSTRAINT "grants_awarded_check" CHECK ("awarded_amount" > 0), CONSTRAINT "grants_status_check" CHECK ("status" IN ('awarded', 'disbursing', 'fully_disbursed', 'reporting', 'closed', 'cancelled')), CONSTRAINT "PK_a25f5f89eff8b3277f7969b7094" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "grants_company_idx" ON "grants"  ("company_id", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "grants_program_year_idx" ON "grants"  ("program_year_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "grants_plan_key" ON "grants"  ("plan_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "grants_school_year_key" ON "grants"  ("school_id", "program_year_id") `);
    await queryRunner.query(`CREATE TABLE "disbursements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "grant_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "tranche_number" integer NOT NULL, "amount" bigint NOT NULL, "disbursed_on" date NOT NULL, "transfer_reference" character varying(100) NOT NULL, "reverses_id" uuid, "note" text, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "disbursements_reversal_check" CHECK (("kind" = 'reversal') = ("reverses_id" IS NOT NULL)), CONSTRAINT "disbursements_amount_check" CHECK ("amount" > 0), CONSTRAINT "disbursements_kind_check" CHECK ("kind" IN ('tranche', 'reversal')), CONSTRAINT "PK_2f9ea0e5b8382113aaa3e51cdfa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "disbursements_tranche_key" ON "disbursements"  ("grant_id", "tranche_number") WHERE "kind" = 'tranche'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "disbursements_reverses_key" ON "disbursements"  ("reverses_id") WHERE "reverses_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "disbursements_grant_idx" ON "disbursements"  ("grant_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "expense_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "grant_id" uuid NOT NULL, "tranche_number" integer, "title" character varying(200) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'draft', "submitted_at" TIMESTAMP WITH TIME ZONE, "reviewed_by_user_id" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "return_reason" text, "accepted_amount" bigint NOT NULL DEFAULT '0', "created_by_user_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "expense_reports_status_check" CHECK ("status" IN ('draft', 'submitted', 'accepted', 'returned')), CONSTRAINT "PK_087d47d12dae6177c2022064785" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "expense_reports_grant_idx" ON "expense_reports"  ("grant_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "expense_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "position" integer NOT NULL, "spent_on" date NOT NULL, "description" character varying(300) NOT NULL, "budget_line_id" uuid NOT NULL, "amount" bigint NOT NULL, "receipt_document_ids" uuid array NOT NULL DEFAULT '{}', "review" character varying(10) NOT NULL DEFAULT 'pending', "review_note" text, CONSTRAINT "expense_lines_review_check" CHECK ("review" IN ('pending', 'accepted', 'rejected')), CONSTRAINT "expense_lines_amount_check" CHECK ("amount" > 0), CONSTRAINT "PK_5f619057c82d903df4a361423da" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "expense_lines_report_idx" ON "expense_lines"  ("report_id", "position") `);
    await queryRunner.query(`CREATE TABLE "grant_ledger_entries" ("id" BIGSERIAL NOT NULL, "grant_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "amount" bigint NOT NULL, "occurred_on" date NOT NULL, "ref_id" uuid, "note" text, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "grant_ledger_entries_kind_check" CHECK ("kind" IN ('award', 'award_change', 'tranche', 'reversal', 'expense_accepted', 'returned', 'carried_over', 'cancelled')), CONSTRAINT "PK_c4a2df48fdf9d825a2dc1e3bc9b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "grant_ledger_entries_grant_idx" ON "grant_ledger_entries"  ("grant_id", "id") `);
    await queryRunner.query(`CREATE TABLE "idempotency_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "key" character varying(200) NOT NULL, "endpoint" character varying(200) NOT NULL, "request_hash" character(64) NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8ad20779ad0411107a56e53d0f6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idempotency_keys_expiry_idx" ON "idempotency_keys"  ("expires_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "idempotency_keys_key" ON "idempotency_keys"  ("user_id", "key") `);
    await queryRunner.query(`ALTER TABLE "grants" ADD CONSTRAINT "FK_909d60e7e9801b9f2e519169f61" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "grants" ADD CONSTRAINT "FK_5368ab4f5e8110a650595f8919d" FOREIGN KEY ("school_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "grants" ADD CONSTRAINT "FK_68ac717a2de39bc453034e6e1a2" FOREIGN KEY ("program_year_id") REFERENCES "program_years"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "grants" ADD CONSTRAINT "FK_fa6eb626ecbe60999586a7bce30" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "disbursements" ADD CONSTRAINT "FK_dc70d357cef94bc38b23c380251" FOREIGN KEY ("grant_id") REFERENCES "grants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "disbursements" ADD CONSTRAINT "FK_4bb08477a23bccfb5f13935e601" FOREIGN KEY ("reverses_id") REFERENCES "disbursements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expense_reports" ADD CONSTRAINT "FK_875edadff84db831e083d900e04" FOREIGN KEY ("grant_id") REFERENCES "grants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expense_lines" ADD CONSTRAINT "FK_000980f8a36b35f9b604388cd49" FOREIGN KEY ("report_id") REFERENCES "expense_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "grant_ledger_entries" ADD CONSTRAINT "FK_be77c0b85d2ddb585e77b818f5f" FOREIGN KEY ("grant_id") REFERENCES "grants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Money records are append-only: the database refuses to change or remove a ledger entry or a disbursement.
    await queryRunner.query(`CREATE FUNCTION "money_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed; record a correcting entry instead', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$`);
    await queryRunner.query(`CREATE TRIGGER "grant_ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "grant_ledger_entries" FOR EACH ROW EXECUTE FUNCTION "money_append_only"()`);
    await queryRunner.query(`CREATE TRIGGER "grant_ledger_entries_no_truncate" BEFORE TRUNCATE ON "grant_ledger_entries" FOR EACH STATEMENT EXECUTE FUNCTION "money_append_only"()`);
    await queryRunner.query(`CREATE TRIGGER "disbursements_append_only" BEFORE UPDATE OR DELETE ON "disbursements" FOR EACH ROW EXECUTE FUNCTION "money_append_only"()`);
    await queryRunner.query(`CREATE TRIGGER "disbursements_no_truncate" BEFORE TRUNCATE ON "disbursements" FOR EACH STATEMENT EXECUTE FUNCTION "money_append_only"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "disbursements_no_truncate" ON "disbursements"`);
    await queryRunner.query(`DROP TRIGGER "disbursements_append_only" ON "disbursements"`);
    await queryRunner.query(`DROP TRIGGER "grant_ledger_entries_no_truncate" ON "grant_ledger_entries"`);
    await queryRunner.query(`DROP TRIGGER "grant_ledger_entries_append_only" ON "grant_ledger_entries"`);
    await queryRunner.query(`DROP FUNCTION "money_append_only"()`);
    await queryRunner.query(`ALTER TABLE "grant_ledger_entries" DROP CONSTRAINT "FK_be77c0b85d2ddb585e77b818f5f"`);
    await queryRunner.query(`ALTER TABLE "expense_lines" DROP CONSTRAINT "FK_000980f8a36b35f9b604388cd49"`);
    await queryRunner.query(`ALTER TABLE "expense_reports" DROP CONSTRAINT "FK_875edadff84db831e083d900e04"`);
    await queryRunner.query(`ALTER TABLE "disbursements" DROP CONSTRAINT "FK_4bb08477a23bccfb5f13935e601"`);
    await queryRunner.query(`ALTER TABLE "disbursements" DROP CONSTRAINT "FK_dc70d357cef94bc38b23c380251"`);
    await queryRunner.query(`ALTER TABLE "grants" DROP CONSTRAINT "FK_fa6eb626ecbe60999586a7bce30"`);
    await queryRunner.query(`ALTER TABLE "grants" DROP CONSTRAINT "FK_68ac717a2de39bc453034e6e1a2"`);
    await queryRunner.query(`ALTER TABLE "grants" DROP CONSTRAINT "FK_5368ab4f5e8110a650595f8919d"`);
    await queryRunner.query(`ALTER TABLE "grants" DROP CONSTRAINT "FK_909d60e7e9801b9f2e519169f61"`);
    await queryRunner.query(`DROP INDEX "public"."idempotency_keys_key"`);
    await queryRunner.query(`DROP INDEX "public"."idempotency_keys_expiry_idx"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "public"."grant_ledger_entries_grant_idx"`);
    await queryRunner.query(`DROP TABLE "grant_ledger_entries"`);
    await queryRunner.query(`DROP INDEX "public"."expense_lines_report_idx"`);
    await queryRunner.query(`DROP TABLE "expense_lines"`);
    await queryRunner.query(`DROP INDEX "public"."expense_reports_grant_idx"`);
    await queryRunner.query(`DROP TABLE "expense_reports"`);
    await queryRunner.query(`DROP INDEX "public"."disbursements_grant_idx"`);
    await queryRunner.query(`DROP INDEX "public"."disbursements_reverses_key"`);
    await queryRunner.query(`DROP INDEX "public"."disbursements_tranche_key"`);
    await queryRunner.query(`DROP TABLE "disbursements"`);
    await queryRunner.query(`DROP INDEX "public"."grants_school_year_key"`);
    await queryRunner.query(`DROP INDEX "public"."grants_plan_key"`);
    await queryRunner.query(`DROP INDEX "public"."grants_program_year_idx"`);
    await queryRunner.query(`DROP INDEX "public"."grants_company_idx"`);
    await queryRunner.query(`DROP TABLE "grants"`);
  }
}
