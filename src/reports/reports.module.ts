import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { PartnershipTimelineSources } from '../partnerships/timeline/timeline-source';
import type { TimelineSource } from '../partnerships/timeline/timeline-source';
import { ChartRenderer } from './charts/chart-renderer';
import { ReportOutputsService } from './report-outputs.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { SchoolTimelineController } from './school-timeline.controller';
import { grantsSource } from './timeline-sources/grants.source';
import { mentoringSource } from './timeline-sources/mentoring.source';
import { plansSource } from './timeline-sources/plans.source';
import { parentEngagementSource } from './timeline-sources/parent-engagement.source';

/**
 * The timeline sources this module adds for plans, grants and mentoring, whose modules have none of
 * their own yet (competition results come from the competitions module's source).
 */
export const REPORT_TIMELINE_SOURCES: readonly TimelineSource[] = [plansSource, grantsSource, mentoringSource, parentEngagementSource];

@Module({
  imports: [PartnershipsModule],
  controllers: [ReportsController, SchoolTimelineController],
  providers: [ReportsService, ReportsRepository, ReportOutputsService, ChartRenderer],
})
export class ReportsModule implements OnApplicationBootstrap {
  constructor(private readonly timelineSources: PartnershipTimelineSources) {}

  /**
   * Adds the plans, grants and mentoring sources to the partnership timeline, after
   * every module has initialised: a source of the same name that its own module registered first
   * is kept, so the timeline never shows a kind of record twice.
   */
  onApplicationBootstrap(): void {
    const present = new Set(this.timelineSources.list().map((s) => s.name));
    for (const source of REPORT_TIMELINE_SOURCES) if (!present.has(source.name)) this.timelineSources.register(source);
  }
}
