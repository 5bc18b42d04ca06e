import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Region } from './region.entity';
import type { RegionList } from './dto/region.response';

@Injectable()
export class RegionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The provinces, the regencies/cities of one province, or the districts (kecamatan) of one regency/city, by code. */
  async list(parent: { provinceCode?: string; regencyCode?: string } = {}): Promise<RegionList> {
    const where = parent.regencyCode
      ? { level: 'district' as const, regencyCode: parent.regencyCode }
      : parent.provinceCode
        ? { level: 'regency' as const, provinceCode: parent.provinceCode }
        : { level: 'province' as const };
    const items = await this.dataSource.getRepository(Region).find({ where, order: { code: 'ASC' } });
    return { items: items.map((r) => ({ code: r.code, level: r.level, provinceCode: r.provinceCode, regencyCode: r.regencyCode, name: r.name })) };
  }
}
