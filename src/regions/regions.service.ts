import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Region } from './region.entity';
import type { RegionList } from './dto/region.response';

@Injectable()
export class RegionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The provinces, or the regencies/cities of one province, by code. */
  async list(provinceCode?: string): Promise<RegionList> {
    const items = await this.dataSource.getRepository(Region).find({
      where: provinceCode ? { provinceCode } : { level: 'province' },
      order: { code: 'ASC' },
    });
    return { items: items.map((r) => ({ code: r.code, level: r.level, provinceCode: r.provinceCode, name: r.name })) };
  }
}
