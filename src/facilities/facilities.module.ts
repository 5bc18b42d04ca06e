import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { FacilitiesController } from './facilities.controller';
import { FacilitiesRepository } from './facilities.repository';
import { FacilitiesService } from './facilities.service';
import { FacilitiesTimelineSource } from './facilities-timeline.source';

/** In-kind facilities support (sarana prasarana): items, handovers and condition checks. */
@Module({
  imports: [DocumentsModule, PartnershipsModule],
  controllers: [FacilitiesController],
  providers: [FacilitiesService, FacilitiesRepository, FacilitiesTimelineSource],
  exports: [FacilitiesService],
})
export class FacilitiesModule {}
