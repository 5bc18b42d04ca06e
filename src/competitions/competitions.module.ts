import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { CompetitionResultsTimelineSource } from './competition-results.source';
import { CompetitionsController } from './competitions.controller';
import { CompetitionsRepository } from './competitions.repository';
import { CompetitionsService } from './competitions.service';
import { EntriesController } from './entries.controller';
import { EntriesRepository } from './entries.repository';
import { EntriesService } from './entries.service';
import { JudgingController } from './judging.controller';
import { JudgingRepository } from './judging.repository';
import { JudgingService } from './judging.service';
import { ResultsRepository } from './results.repository';
import { ResultsService } from './results.service';
import { MailModule } from '../mail/mail.module';

/**
 * The annual innovation competitions: competitions and their rubric, entries with evidence, the
 * panel, conflict-aware assignments, scores, results, and the results in the partnership timeline.
 */
@Module({
  imports: [DocumentsModule, IdempotencyModule, PartnershipsModule, MailModule],
  controllers: [CompetitionsController, EntriesController, JudgingController],
  providers: [
    CompetitionsService,
    CompetitionsRepository,
    EntriesService,
    EntriesRepository,
    JudgingService,
    JudgingRepository,
    ResultsService,
    ResultsRepository,
    CompetitionResultsTimelineSource,
  ],
  exports: [CompetitionsService],
})
export class CompetitionsModule {}
