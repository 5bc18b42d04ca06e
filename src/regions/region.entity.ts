import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type RegionLevel = 'province' | 'regency' | 'district';

/**
 * A province (code "63"), regency/city (code "63.71") or district, kecamatan (code "63.71.03"), from
 * the national administrative codes, loaded from the idn-area-data package (ODbL).
 */
@Entity('regions')
@Check('regions_level_check', `"level" IN ('province', 'regency', 'district')`)
@Check(
  'regions_code_check',
  `("level" = 'province' AND "code" ~ '^[0-9]{2}$' AND "province_code" IS NULL AND "regency_code" IS NULL) OR ("level" = 'regency' AND "code" ~ '^[0-9]{2}[.][0-9]{2}$' AND "province_code" = left("code", 2) AND "regency_code" IS NULL) OR ("level" = 'district' AND "code" ~ '^[0-9]{2}[.][0-9]{2}[.][0-9]{2}$' AND "province_code" = left("code", 2) AND "regency_code" = left("code", 5))`,
)
@Index('regions_province_idx', ['provinceCode', 'code'])
@Index('regions_regency_idx', ['regencyCode', 'code'])
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code: string;

  @Column({ type: 'varchar', length: 10 })
  level: RegionLevel;

  @Column({ type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  /** Districts: their regency/city. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  regencyCode: string | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}
