import { ApiProperty } from '@nestjs/swagger';
import { canonicalDecimal } from '../plan-money';
import type { PlanContent } from '../plan-content';
import { activitiesOf, indicatorsOf } from '../plan-content';
import { ACTIVITY_PROGRESS } from '../plan-status';
import type { ActivityProgress } from '../plan-status';
import type { ActivityProgressRow, IndicatorResultRow } from '../plans.repository';
import { PlanUserRefResponse } from './plan.response';

/** An evidence file of an activity. */
export class EvidenceResponse {
  @ApiProperty({ example: '5c1f0a9e-2b7d-4e3a-8c6f-1d2e3f4a5b6c', description: 'Download it with GET /api/v1/plans/{id}/documents/{documentId}.' })
  documentId: string;

  @ApiProperty({ nullable: true, type: String, example: 'reading-corner.jpg' })
  filename: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'image/jpeg' })
  contentType: string | null;
}

/** How one planned activity is going. */
export class ActivityProgressResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260002' })
  activityId: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260001' })
  programId: string;

  @ApiProperty({ example: 'Daily 15-minute reading before lessons' })
  name: string;

  @ApiProperty({ nullable: true, type: Number, example: 2 })
  startMonth: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 11 })
  endMonth: number | null;

  @ApiProperty({ enum: ACTIVITY_PROGRESS, example: 'in_progress', description: 'not_started until the school reports.' })
  status: ActivityProgress;

  @ApiProperty({ nullable: true, type: String, example: 'Reading corners set up in 6 of 12 classes.' })
  note: string | null;

  @ApiProperty({ nullable: true, type: EvidenceResponse })
  evidence: EvidenceResponse | null;

  @ApiProperty({ nullable: true, type: PlanUserRefResponse, description: 'Who reported last; null when never reported.' })
  updatedBy: PlanUserRefResponse | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-05-02T03:00:00.000Z' })
  updatedAt: string | null;
}

/** The value an indicator reached. */
export class IndicatorResultResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260008' })
  indicatorId: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260001' })
  programId: string;

  @ApiProperty({ example: 'Students of grades 1–3 who read fluently' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '40' })
  baseline: string | null;

  @ApiProperty({ nullable: true, type: String, example: '75' })
  target: string | null;

  @ApiProperty({ nullable: true, type: String, example: '%' })
  unit: string | null;

  @ApiProperty({ nullable: true, type: String, example: '78.5', description: 'null until reported.' })
  achievedValue: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Measured in November.' })
  note: string | null;

  @ApiProperty({ nullable: true, type: PlanUserRefResponse })
  updatedBy: PlanUserRefResponse | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-20T03:00:00.000Z' })
  updatedAt: string | null;
}

/** Where a plan stands: every activity's progress and every indicator's result, in template order. */
export class PlanProgressResponse {
  @ApiProperty({ type: [ActivityProgressResponse] })
  activities: ActivityProgressResponse[];

  @ApiProperty({ type: [IndicatorResultResponse] })
  indicators: IndicatorResultResponse[];

  @ApiProperty({ example: 3, description: 'Indicators with a reported result; completing the plan needs all of them.' })
  indicatorsReported: number;

  static of(this: void, content: PlanContent, progress: ActivityProgressRow[], results: IndicatorResultRow[]): PlanProgressResponse {
    const byActivity = new Map(progress.map((p) => [p.activityId, p]));
    const byIndicator = new Map(results.map((r) => [r.indicatorId, r]));
    const activities = activitiesOf(content).map(({ program, activity }): ActivityProgressResponse => {
      const p = byActivity.get(activity.id);
      return {
        activityId: activity.id,
        programId: program.id,
        name: activity.name,
        startMonth: activity.startMonth,
        endMonth: activity.endMonth,
        status: p?.status ?? 'not_started',
        note: p?.note ?? null,
        evidence: p?.evidenceDocumentId ? { documentId: p.evidenceDocumentId, filename: p.evidenceFilename, contentType: p.evidenceContentType } : null,
        updatedBy: p ? { id: p.updatedByUserId, fullName: p.updatedByName } : null,
        updatedAt: p?.updatedAt.toISOString() ?? null,
      };
    });
    const indicators = indicatorsOf(content).map(({ program, indicator }): IndicatorResultResponse => {
      const r = byIndicator.get(indicator.id);
      return {
        indicatorId: indicator.id,
        programId: program.id,
        name: indicator.name,
        baseline: indicator.baseline,
        target: indicator.target,
        unit: indicator.unit,
        achievedValue: r ? canonicalDecimal(r.achievedValue) : null,
        note: r?.note ?? null,
        updatedBy: r ? { id: r.updatedByUserId, fullName: r.updatedByName } : null,
        updatedAt: r?.updatedAt.toISOString() ?? null,
      };
    });
    return { activities, indicators, indicatorsReported: indicators.filter((i) => i.achievedValue !== null).length };
  }
}
