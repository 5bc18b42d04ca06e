import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DocumentsModule } from '../documents/documents.module';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

// Terminus's own console logger is off: a failed readiness is logged once, through the app's logger.
@Module({ imports: [TerminusModule.forRoot({ logger: false }), DocumentsModule], controllers: [HealthController], providers: [ReadinessService] })
export class HealthModule {}
