import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-kind facilities support (sarana prasarana): the items a company gives a partner school in a
 * program year, with their handover (berita acara serah terima, its signed scan in documents), and
 * the school's condition checks over the years.
 */
export class FacilitiesSupport1796500000000 implements MigrationInterface {
  name = 'FacilitiesSupport1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "facility_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partnership_id" uuid NOT NULL, "program_year_id" uuid NOT NULL, "company_id" uuid NOT NULL, "school_id" uuid NOT NULL, "category" character varying(30) NOT NULL, "item_name" character varying(200) NOT NULL, "quantity" integer NOT NULL, "unit" character varying(40) NOT NULL, "value" bigint NOT NULL, "supplier" character varying(200), "delivered_on" date, "note" text, "handover_number" character varying(100), "handed_over_on" date, "received_by" character varying(200), "handover_document_id" uuid, "handed_over_by_user_id" uuid, "handed_over_at" TIMESTAMP WITH TIME ZONE, "last_checked_on" date, "last_condition" character varying(20), "created_by_user_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "facility_items_last_condition_check" CHECK ("last_condition" IS NULL OR "last_condition" IN ('good', 'minor_repair', 'major_repair', 'out_of_use', 'lost')), CONSTRAINT "facility_items_handover_check" CHECK (("handover_number" IS NULL AND "handed_over_on" IS NULL AND "received_by" IS NULL AND "handover_document_id" IS NULL) OR ("handover_number" IS NOT NULL AND "handed_over_on" IS NOT NULL AND "received_by" IS NOT NULL)), CONSTRAINT "facility_items_value_check" CHECK ("value" >= 0), CONSTRAINT "facility_items_quantity_check" CHECK ("quantity" > 0), CONSTRAINT "facility_items_category_check" CHECK ("category" IN ('library', 'sanitation_handwashing', 'school_health_unit', 'classroom_furniture', 'ict', 'learning_media', 'building_repair', 'other')), CONSTRAINT "PK_7eb19bc4db06d05a0f745d44ca5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "facility_items_program_year_idx" ON "facility_items"  ("program_year_id") `);
    await queryRunner.query(`CREATE INDEX "facility_items_school_idx" ON "facility_items"  ("school_id", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "facility_items_company_idx" ON "facility_items"  ("company_id", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "facility_items_partnership_idx" ON "facility_items"  ("partnership_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "facility_condition_checks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "condition" character varying(20) NOT NULL, "checked_on" date NOT NULL, "note" text, "photo_document_id" uuid, "checked_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "facility_condition_checks_condition_check" CHECK ("condition" IN ('good', 'minor_repair', 'major_repair', 'out_of_use', 'lost')), CONSTRAINT "PK_55b31afccc0ba75154080ecb853" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "facility_condition_checks_item_idx" ON "facility_condition_checks"  ("item_id", "checked_on", "created_at") `);
    await queryRunner.query(`ALTER TABLE "facility_items" ADD CONSTRAINT "FK_95e9fc3f54c9709117fe29cccfe" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "facility_items" ADD CONSTRAINT "FK_fa78b095686dbcfbb9e4393c5ce" FOREIGN KEY ("program_year_id") REFERENCES "program_years"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "facility_items" ADD CONSTRAINT "FK_352ad8eb0310e7337c4157be05c" FOREIGN KEY ("company_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "facility_items" ADD CONSTRAINT "FK_267963b4844f19cfb49b4b6f0f4" FOREIGN KEY ("school_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "facility_items" ADD CONSTRAINT "FK_3a0ca32c5101c10f4956d54d914" FOREIGN KEY ("handover_document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "facility_items" ADD CONSTRAINT "FK_9850a46e4b1633e1850e53903d0" FOREIGN KEY ("handed_over_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "facility_items" ADD CONSTRAINT "FK_aa8dbdf979e038cc2175a673867" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "facility_condition_checks" ADD CONSTRAINT "FK_b8c0e292faf9b54d210abb03ae1" FOREIGN KEY ("item_id") REFERENCES "facility_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "facility_condition_checks" ADD CONSTRAINT "FK_ff1c5db079636cc22a180680706" FOREIGN KEY ("photo_document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "facility_condition_checks" ADD CONSTRAINT "FK_9763918eaa4570d9d902563b252" FOREIGN KEY ("checked_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "facility_condition_checks" DROP CONSTRAINT "FK_9763918eaa4570d9d902563b252"`);
    await queryRunner.query(`ALTER TABLE "facility_condition_checks" DROP CONSTRAINT "FK_ff1c5db079636cc22a180680706"`);
    await queryRunner.query(`ALTER TABLE "facility_condition_checks" DROP CONSTRAINT "FK_b8c0e292faf9b54d210abb03ae1"`);
    await queryRunner.query(`ALTER TABLE "facility_items" DROP CONSTRAINT "FK_aa8dbdf979e038cc2175a673867"`);
    await queryRunner.query(`ALTER TABLE "facility_items" DROP CONSTRAINT "FK_9850a46e4b1633e1850e53903d0"`);
    await queryRunner.query(`ALTER TABLE "facility_items" DROP CONSTRAINT "FK_3a0ca32c5101c10f4956d54d914"`);
    await queryRunner.query(`ALTER TABLE "facility_items" DROP CONSTRAINT "FK_267963b4844f19cfb49b4b6f0f4"`);
    await queryRunner.query(`ALTER TABLE "facility_items" DROP CONSTRAINT "FK_352ad8eb0310e7337c4157be05c"`);
    await queryRunner.query(`ALTER TABLE "facility_items" DROP CONSTRAINT "FK_fa78b095686dbcfbb9e4393c5ce"`);
    await queryRunner.query(`ALTER TABLE "facility_items" DROP CONSTRAINT "FK_95e9fc3f54c9709117fe29cccfe"`);
    await queryRunner.query(`DROP INDEX "public"."facility_condition_checks_item_idx"`);
    await queryRunner.query(`DROP TABLE "facility_condition_checks"`);
    await queryRunner.query(`DROP INDEX "public"."facility_items_partnership_idx"`);
    await queryRunner.query(`DROP INDEX "public"."facility_items_company_idx"`);
    await queryRunner.query(`DROP INDEX "public"."facility_items_school_idx"`);
    await queryRunner.query(`DROP INDEX "public"."facility_items_program_year_idx"`);
    await queryRunner.query(`DROP TABLE "facility_items"`);
  }
}
