import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { LearningEventsController } from './learning-events.controller';
import { LearningEventsRepository } from './learning-events.repository';
import { LearningEventsService } from './learning-events.service';
import { PracticesController } from './practices.controller';
import { PracticesRepository } from './practices.repository';
import { PracticesService } from './practices.service';
import { PracticesTimelineSource } from './practices-timeline.source';

/** Horizontal learning: the library of good practice across companies, and the sharing sessions between schools. */
@Module({
  imports: [DocumentsModule, PartnershipsModule],
  controllers: [PracticesController, LearningEventsController],
  providers: [PracticesService, PracticesRepository, LearningEventsService, LearningEventsRepository, PracticesTimelineSource],
  exports: [PracticesService],
})
export class PracticesModule {}
