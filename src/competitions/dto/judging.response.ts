import { ApiProperty } from '@nestjs/swagger';
import { CONFLICT_CODES } from '../conflicts';
import type { ConflictCode, ConflictReason } from '../conflicts';
import type { AssignmentRow, JudgeCandidateRow, PanelRow, ScoreRow } from '../judging.repository';
import type { Lang } from '../../common/errors/i18n';
import { round, weightedTotal } from '../scoring';
import { CompetitionRefResponse } from './competition.response';

/** A person named in a record. */
export class JudgeRefResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  id: string;

  @ApiProperty({ example: 'Dr. Bambang Sutrisno (Juri)' })
  fullName: string;
}

/** A user with the judge role the CSR officer can put on a panel. */
export class JudgeCandidateResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  userId: string;

  @ApiProperty({ example: 'Dr. Bambang Sutrisno (Juri)' })
  fullName: string;

  @ApiProperty({ example: 'judge@ulm.example' })
  email: string;

  @ApiProperty({ type: CompetitionRefResponse, example: { id: '00000000-0000-4000-8000-000000000501', name: 'Universitas Lambung Mangkurat' } })
  organization: CompetitionRefResponse;

  @ApiProperty({ example: false, description: 'Already on this competition’s panel.' })
  onPanel: boolean;

  static from(this: void, j: JudgeCandidateRow): JudgeCandidateResponse {
    return { userId: j.userId, fullName: j.fullName, email: j.email, organization: { id: j.organizationId, name: j.organizationName }, onPanel: j.onPanel };
  }
}

/** The judges that can be put on a panel, by name. */
export class JudgeCandidateListResponse {
  @ApiProperty({ type: [JudgeCandidateResponse] })
  items: JudgeCandidateResponse[];
}

/** A judge on a competition's panel. */
export class PanelJudgeResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  userId: string;

  @ApiProperty({ example: 'Dr. Bambang Sutrisno (Juri)' })
  fullName: string;

  @ApiProperty({ example: 'judge@ulm.example' })
  email: string;

  @ApiProperty({ type: CompetitionRefResponse, example: { id: '00000000-0000-4000-8000-000000000501', name: 'Universitas Lambung Mangkurat' } })
  organization: CompetitionRefResponse;

  @ApiProperty({ example: '2025-08-15T02:00:00.000Z' })
  addedAt: string;

  @ApiProperty({ example: 12, description: 'Entries assigned to the judge.' })
  assignedEntries: number;

  @ApiProperty({ example: 12, description: 'Assigned entries the judge has scored.' })
  scoredEntries: number;

  static from(this: void, j: PanelRow): PanelJudgeResponse {
    return {
      userId: j.userId,
      fullName: j.fullName,
      email: j.email,
      organization: { id: j.organizationId, name: j.organizationName },
      addedAt: j.addedAt.toISOString(),
      assignedEntries: j.assignedEntries,
      scoredEntries: j.scoredEntries,
    };
  }
}

/** The panel of a competition, by name. */
export class PanelResponse {
  @ApiProperty({ type: [PanelJudgeResponse] })
  items: PanelJudgeResponse[];
}

/** One judge assigned to one entry. */
export class JudgeAssignmentResponse {
  @ApiProperty({ example: '7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09' })
  id: string;

  @ApiProperty({ type: CompetitionRefResponse, description: 'The entry (id and title).', example: { id: '00000000-0000-4000-8000-000000000d01', name: 'Pojok Baca Siaga Bencana' } })
  entry: CompetitionRefResponse;

  @ApiProperty({ type: CompetitionRefResponse, example: { id: '00000000-0000-4000-8000-0000cc260101', name: 'Disaster preparedness' } })
  category: CompetitionRefResponse;

  @ApiProperty({ type: CompetitionRefResponse, example: { id: '00000000-0000-4000-8000-000000000201', name: 'SDN Pelambuan 4 Banjarmasin' } })
  school: CompetitionRefResponse;

  @ApiProperty({ type: JudgeRefResponse })
  judge: JudgeRefResponse;

  @ApiProperty({ example: false, description: 'Whether the judge has scored the entry.' })
  scored: boolean;

  @ApiProperty({ example: '2025-11-01T02:00:00.000Z' })
  createdAt: string;

  static from(this: void, a: AssignmentRow): JudgeAssignmentResponse {
    return {
      id: a.id,
      entry: { id: a.entryId, name: a.entryTitle },
      category: { id: a.categoryId, name: a.categoryName },
      school: { id: a.schoolId, name: a.schoolName },
      judge: { id: a.judgeUserId, fullName: a.judgeName },
      scored: a.scored,
      createdAt: a.createdAt.toISOString(),
    };
  }
}

/** Assignments, by category, school and judge. */
export class JudgeAssignmentListResponse {
  @ApiProperty({ type: [JudgeAssignmentResponse] })
  items: JudgeAssignmentResponse[];
}

/** One reason a judge may not judge a school. */
export class ConflictReasonResponse {
  @ApiProperty({ enum: CONFLICT_CODES, example: 'mentored_assignment', description: 'Stable code of the reason, for translation.' })
  code: ConflictCode;

  @ApiProperty({ example: 'Dewi Lestari was assigned to mentor SDN Pelambuan 4 Banjarmasin in 2025 (mentoring in 2024 or 2025 counts)', description: 'In the language of Accept-Language (id or en, the default).' })
  reason: string;

  /** A mapper of reasons in one language (English unless Bahasa Indonesia is asked for). */
  static in(this: void, lang: Lang = 'en'): (r: ConflictReason) => ConflictReasonResponse {
    return (r) => ({ code: r.code, reason: lang === 'id' ? r.id : r.en });
  }

  static from(this: void, r: ConflictReason): ConflictReasonResponse {
    return ConflictReasonResponse.in('en')(r);
  }
}

/** A judge and school kept apart, and why. */
export class JudgeConflictResponse {
  @ApiProperty({ type: JudgeRefResponse })
  judge: JudgeRefResponse;

  @ApiProperty({ type: CompetitionRefResponse })
  school: CompetitionRefResponse;

  @ApiProperty({ type: [ConflictReasonResponse] })
  reasons: ConflictReasonResponse[];
}

/** The conflicts of the panel with the schools that entered (and those declared). */
export class JudgeConflictListResponse {
  @ApiProperty({ type: [JudgeConflictResponse] })
  items: JudgeConflictResponse[];
}

/** An entry that could not get all the judges asked for. */
export class UnfilledCompetitionEntryResponse {
  @ApiProperty({ type: CompetitionRefResponse, description: 'The entry (id and title).' })
  entry: CompetitionRefResponse;

  @ApiProperty({ type: CompetitionRefResponse })
  school: CompetitionRefResponse;

  @ApiProperty({ example: 3 })
  wanted: number;

  @ApiProperty({ example: 2, description: 'Judges it has now.' })
  assigned: number;
}

/** A judge left out of an entry because of a conflict of interest. */
export class SkippedPairResponse {
  @ApiProperty({ type: CompetitionRefResponse, description: 'The entry (id and title).' })
  entry: CompetitionRefResponse;

  @ApiProperty({ type: CompetitionRefResponse })
  school: CompetitionRefResponse;

  @ApiProperty({ type: JudgeRefResponse })
  judge: JudgeRefResponse;

  @ApiProperty({ type: [ConflictReasonResponse] })
  reasons: ConflictReasonResponse[];
}

/** What assigning a category did. */
export class AssignByCategoryResponse {
  @ApiProperty({ type: [JudgeAssignmentResponse], description: 'The new assignments.' })
  assigned: JudgeAssignmentResponse[];

  @ApiProperty({ type: [SkippedPairResponse], description: 'Judges left out of an entry, with the conflict reasons.' })
  skipped: SkippedPairResponse[];

  @ApiProperty({ type: [UnfilledCompetitionEntryResponse], description: 'Entries without enough unconflicted judges on the panel.' })
  unfilled: UnfilledCompetitionEntryResponse[];
}

/** A judge's declared conflict and the assignments it removed. */
export class DeclarationResponse {
  @ApiProperty({ example: '5c1f0a9e-2b7d-4e3a-8c6f-1d2e3f4a5b6c' })
  id: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000c26' })
  competitionId: string;

  @ApiProperty({ type: JudgeRefResponse })
  judge: JudgeRefResponse;

  @ApiProperty({ type: CompetitionRefResponse })
  school: CompetitionRefResponse;

  @ApiProperty({ example: 'My sister teaches at this school.' })
  reason: string;

  @ApiProperty({ example: '2025-11-02T02:00:00.000Z' })
  declaredAt: string;

  @ApiProperty({ type: [CompetitionRefResponse], description: "The school's entries the judge was taken off (their scores of them are removed too)." })
  removedFromEntries: CompetitionRefResponse[];
}

/** One criterion's score. */
export class CriterionScoreResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000cc260201' })
  criterionId: string;

  @ApiProperty({ example: 'Innovation' })
  criterionName: string;

  @ApiProperty({ example: 17 })
  score: number;

  @ApiProperty({ example: 20 })
  maxScore: number;

  @ApiProperty({ example: 30, description: 'Percent of the total.' })
  weight: number;

  @ApiProperty({ nullable: true, type: String, example: 'Strong involvement of parents in the drills.' })
  comment: string | null;
}

/** A judge's scores of an entry. */
export class ScoreSheetResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000d01' })
  entryId: string;

  @ApiProperty({ type: JudgeRefResponse })
  judge: JudgeRefResponse;

  @ApiProperty({ type: [CriterionScoreResponse] })
  scores: CriterionScoreResponse[];

  @ApiProperty({ example: 81.5, description: 'Σ score / maxScore × weight, 0–100, rounded to 2 decimals.' })
  weightedTotal: number;

  @ApiProperty({ example: '2025-11-20T02:00:00.000Z', description: 'When the sheet last changed.' })
  updatedAt: string;

  /** Groups score rows (ordered by judge) into one sheet per judge. */
  static list(this: void, rows: ScoreRow[]): ScoreSheetResponse[] {
    const byJudge = new Map<string, ScoreRow[]>();
    for (const r of rows) byJudge.set(r.judgeUserId, [...(byJudge.get(r.judgeUserId) ?? []), r]);
    return [...byJudge.values()].map((own) => ({
      entryId: own[0].entryId,
      judge: { id: own[0].judgeUserId, fullName: own[0].judgeName },
      scores: own.map((r) => ({ criterionId: r.criterionId, criterionName: r.criterionName, score: r.score, maxScore: r.maxScore, weight: Number(r.weight), comment: r.comment })),
      weightedTotal: round(weightedTotal(own.map((r) => ({ score: r.score, maxScore: r.maxScore, weight: Number(r.weight) }))), 2),
      updatedAt: new Date(Math.max(...own.map((r) => r.updatedAt.getTime()))).toISOString(),
    }));
  }
}

/** Scores of an entry: a judge sees only their own sheet; the CSR officer every judge's. */
export class ScoreSheetListResponse {
  @ApiProperty({ type: [ScoreSheetResponse] })
  items: ScoreSheetResponse[];
}
