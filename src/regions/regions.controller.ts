import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { Allow } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { RegionList } from './dto/region.response';
import { RegionsService } from './regions.service';

class ListRegionsQuery {
  @ApiPropertyOptional({ example: '63', description: 'Give a province code to list its regencies/cities; leave out to list the provinces.' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be a 2-digit province code, e.g. 63' })
  provinceCode?: string;

  @ApiPropertyOptional({ example: '63.71', description: 'Give a regency/city code to list its districts (kecamatan).' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}$/, { message: 'regencyCode must be a regency/city code, e.g. 63.71' })
  regencyCode?: string;
}

/** The national region codes, to pick from when registering schools and offices. */
@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @Allow(Permission.OrganizationsRead)
  @ApiOperation({
    summary: 'Provinces, the regencies/cities of one province, or the districts (kecamatan) of one regency/city',
    description:
      'A bounded catalogue (38 provinces; at most a few dozen regencies/cities per province and a few dozen districts per regency/city), so it is not paged. ' +
      'Give provinceCode for its regencies/cities, regencyCode for its districts (regencyCode wins when both are given). Codes and names come from the idn-area-data package (ODbL).',
  })
  @ApiOkResponse({ type: RegionList })
  @ApiProblems(422)
  list(@Query() query: ListRegionsQuery): Promise<RegionList> {
    return this.regions.list(query);
  }
}
