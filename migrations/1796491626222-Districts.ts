import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows of one of idn-area-data's CSV files, without the header. */
function areaCsv(file: string): string[][] {
  const dir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
  return readFileSync(join(dir, file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(','));
}

const LEVEL_CHECK_V1 = `"level" IN ('province', 'regency')`;
const CODE_CHECK_V1 = `("level" = 'province' AND "code" ~ '^[0-9]{2}$' AND "province_code" IS NULL) OR ("level" = 'regency' AND "code" ~ '^[0-9]{2}[.][0-9]{2}$' AND "province_code" = left("code", 2))`;
const LEVEL_CHECK = `"level" IN ('province', 'regency', 'district')`;
const CODE_CHECK = `("level" = 'province' AND "code" ~ '^[0-9]{2}$' AND "province_code" IS NULL AND "regency_code" IS NULL) OR ("level" = 'regency' AND "code" ~ '^[0-9]{2}[.][0-9]{2}$' AND "province_code" = left("code", 2) AND "regency_code" IS NULL) OR ("level" = 'district' AND "code" ~ '^[0-9]{2}[.][0-9]{2}[.][0-9]{2}$' AND "province_code" = left("code", 2) AND "regency_code" = left("code", 5))`;

/**
 * Districts (kecamatan) under the regencies/cities, from idn-area-data, and a school's optional
 * district inside its regency/city, so offices can find schools by kecamatan and Dapodik files
 * with district codes import as they are. Codes grow to 8 characters ("63.71.03"); no row changes.
 */
export class Districts1796491626222 implements MigrationInterface {
  name = 'Districts1796491626222';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "regions" ALTER COLUMN "code" TYPE character varying(8)`);
    await queryRunner.query(`ALTER TABLE "regions" ADD "regency_code" character varying(5)`);
    await queryRunner.query(`ALTER TABLE "regions" DROP CONSTRAINT "regions_level_check"`);
    await queryRunner.query(`ALTER TABLE "regions" DROP CONSTRAINT "regions_code_check"`);
    await queryRunner.query(`ALTER TABLE "regions" ADD CONSTRAINT "regions_level_check" CHECK (${LEVEL_CHECK})`);
    await queryRunner.query(`ALTER TABLE "regions" ADD CONSTRAINT "regions_code_check" CHECK (${CODE_CHECK})`);
    // A quoted name ("Ra""as") is unquoted as CSV says.
    const unquote = (v: string) => (v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v);
    const districts = areaCsv('districts.csv').map(([code, regencyCode, ...name]) => ({ code, regencyCode, name: unquote(name.join(',').trim()) }));
    await queryRunner.query(
      `INSERT INTO "regions" ("code", "level", "province_code", "regency_code", "name")
       SELECT code, 'district', left(regency_code, 2), regency_code, name FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS d(code, regency_code, name)`,
      [districts.map((d) => d.code), districts.map((d) => d.regencyCode), districts.map((d) => d.name)],
    );
    await queryRunner.query(`CREATE INDEX "regions_regency_idx" ON "regions"  ("regency_code", "code") `);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "district_code" character varying(8)`);
    await queryRunner.query(`CREATE INDEX "organizations_district_idx" ON "organizations"  ("district_code") `);
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "organizations_district_check" CHECK ("district_code" IS NULL OR ("type" = 'school' AND "region_code" IS NOT NULL AND left("district_code", 5) = "region_code"))`,
    );
    await queryRunner.query(`ALTER TABLE "organizations" ADD CONSTRAINT "FK_a909f8f3c5e649d02d1c38102f2" FOREIGN KEY ("district_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "FK_a909f8f3c5e649d02d1c38102f2"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "organizations_district_check"`);
    await queryRunner.query(`DROP INDEX "public"."organizations_district_idx"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "district_code"`);
    await queryRunner.query(`DROP INDEX "public"."regions_regency_idx"`);
    await queryRunner.query(`DELETE FROM "regions" WHERE "level" = 'district'`);
    await queryRunner.query(`ALTER TABLE "regions" DROP CONSTRAINT "regions_code_check"`);
    await queryRunner.query(`ALTER TABLE "regions" DROP CONSTRAINT "regions_level_check"`);
    await queryRunner.query(`ALTER TABLE "regions" ADD CONSTRAINT "regions_level_check" CHECK (${LEVEL_CHECK_V1})`);
    await queryRunner.query(`ALTER TABLE "regions" ADD CONSTRAINT "regions_code_check" CHECK (${CODE_CHECK_V1})`);
    await queryRunner.query(`ALTER TABLE "regions" DROP COLUMN "regency_code"`);
    await queryRunner.query(`ALTER TABLE "regions" ALTER COLUMN "code" TYPE character varying(5)`);
  }
}
