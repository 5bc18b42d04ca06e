import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A province (code "63") or regency/city (code "63.71") from the national administrative codes,
 * loaded from the idn-area-data package (ODbL).
 */
@Entity('regions')
@Check('regions_level_check', `"level" IN ('province', 'regency')`)
@Check('regions_code_check', `("level" = 'province' AND "code" ~ '^[0-9]{2}$' AND "province_code" IS NULL) OR ("level" = 'regency' AND "code" ~ '^[0-9]{2}[.][0-9]{2}$' AND "province_code" = left("code", 2))`)
@Index('regions_province_idx', ['provinceCode', 'code'])
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code: string;

  @Column({ type: 'varchar', length: 10 })
  level: 'province' | 'regency';

  @Column({ type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}
