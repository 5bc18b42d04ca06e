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
}

/** The national region codes, to pick from when registering schools and offices. */
@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @Allow(Permission.OrganizationsRead)
  @ApiOperation({
    summary: 'Provinces, or the regencies/cities of one province',
    description: 'A bounded catalogue (38 provinces; at most a few dozen regencies/cities per province), so it is not paged. Codes and names come from the idn-area-data package (ODbL).',
  })
  @ApiOkResponse({ type: RegionList })
  @ApiProblems(422)
  list(@Query() query: ListRegionsQuery): Promise<RegionList> {
    return this.regions.list(query.provinceCode);
  }
}
