import { Module } from '@nestjs/common';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsRepository } from './partnerships.repository';
import { PartnershipsService } from './partnerships.service';
import { PartnershipTimelineSources } from './timeline/timeline-source';

@Module({
  controllers: [PartnershipsController],
  providers: [PartnershipsService, PartnershipsRepository, PartnershipTimelineSources],
  // The sources registry is the timeline's extension point for plans, grants, mentoring and competitions.
  exports: [PartnershipsService, PartnershipTimelineSources],
})
export class PartnershipsModule {}
