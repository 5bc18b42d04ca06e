import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/decorators';
import { migrationsApplied } from '../database/data-source';

/** What readiness looked at. */
class HealthChecksResponse {
  @ApiProperty({ enum: ['ok', 'unreachable'], example: 'ok' })
  database: 'ok' | 'unreachable';

  @ApiProperty({ enum: ['ok', 'pending', 'unknown'], example: 'ok', description: 'pending: the database lacks migrations this version needs.' })
  migrations: 'ok' | 'pending' | 'unknown';
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
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthResponse })
  live(): HealthResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: the database answers and every migration is applied' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse })
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const checks: HealthChecksResponse = { database: 'unreachable', migrations: 'unknown' };
    try {
      await this.dataSource.query('SELECT 1');
      checks.database = 'ok';
      checks.migrations = (await migrationsApplied(this.dataSource)) ? 'ok' : 'pending';
    } catch {
      // Whatever was not reached keeps its pessimistic value.
    }
    const ok = checks.database === 'ok' && checks.migrations === 'ok';
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}
