import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An assignment's detail names the assignment it replaced (`replacesId`: the one whose
 * replaced_by_id is this one). Without an index that is a pass over every assignment, on every
 * assignment read and every mentoring session recorded (13 ms at 120,000 assignments).
 */
export class AssignmentReplacedByIndex1796500400000 implements MigrationInterface {
  name = 'AssignmentReplacedByIndex1796500400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "mentoring_assignments_replaced_by_idx" ON "mentoring_assignments" ("replaced_by_id") WHERE "replaced_by_id" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."mentoring_assignments_replaced_by_idx"`);
  }
}
