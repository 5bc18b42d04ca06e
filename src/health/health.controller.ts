import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/auth/decorators';
import { HealthChecks, ReadinessService } from './readiness.service';

/** What readiness looked at. */
class HealthChecksResponse implements HealthChecks {
  @ApiProperty({ enum: ['ok', 'unreachable'], example: 'ok', description: 'unreachable: the database did not answer within 2 seconds.' })
  database: 'ok' | 'unreachable';

  @ApiProperty({ enum: ['ok', 'pending', 'unknown'], example: 'ok', description: 'pending: the database lacks migrations this version needs.' })
  migrations: 'ok' | 'pending' | 'unknown';

  @ApiProperty({ enum: ['ok', 'unavailable'], example: 'ok', description: 'unavailable: the document storage cannot be used: with DOCUMENTS_STORAGE=filesystem the folder DOCUMENTS_DIR cannot be read or its disk is nearly full; with DOCUMENTS_STORAGE=s3 the bucket did not answer within 2 seconds or refused the credentials.' })
  documents: 'ok' | 'unavailable';
}

class HealthResponse {
  @ApiProperty({ example: 'ok', enum: ['ok', 'unavailable'] })
  status: 'ok' | 'unavailable';

  @ApiProperty({ required: false, type: HealthChecksResponse, description: 'Readiness only.' })
  checks?: HealthChecksResponse;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthResponse })
  live(): HealthResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: the database answers, every migration is applied and the document storage can be used (the folder has room, or the bucket answers)' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse })
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const { ok, checks } = await this.readiness.check();
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}
