import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { ROLES } from '../../users/role';
import type { Role } from '../../users/role';
import type { PlanContent, PlanTotals } from '../plan-content';
import { DIFF_CHANGES } from '../plan-diff';
import type { DiffChange, DiffEntry } from '../plan-diff';
import { VERSION_OUTCOMES } from '../plan-status';
import type { VersionOutcome } from '../plan-status';
import type { PlanCommentRow, PlanVersionRow } from '../plans.repository';
import { PlanContentResponse, PlanTotalsResponse } from './plan-content.response';
import { PlanUserRefResponse } from './plan.response';

/** One submitted version of a plan. */
export class PlanVersionResponse {
  @ApiProperty({ example: 2, description: '1 for the first submission, then one more per submission.' })
  number: number;

  @ApiProperty({ example: 0, description: 'The revision round it was submitted in.' })
  revision: number;

  @ApiProperty({ example: 'Rencana Program 2026: Kesehatan Mental Siswa' })
  title: string;

  @ApiProperty({ example: '2026-02-20T03:00:00.000Z' })
  submittedAt: string;

  @ApiProperty({ type: PlanUserRefResponse })
  submittedBy: PlanUserRefResponse;

  @ApiProperty({ example: false, description: "Submitted in the first round after the program year's plan deadline." })
  late: boolean;

  @ApiProperty({ enum: VERSION_OUTCOMES, example: 'changes_requested', description: 'What became of it: pending review, changes requested, approved, or withdrawn.' })
  outcome: VersionOutcome;

  static from(this: void, v: PlanVersionRow, outcome: VersionOutcome): PlanVersionResponse {
    return {
      number: v.number,
      revision: v.revision,
      title: v.title,
      submittedAt: v.submittedAt.toISOString(),
      submittedBy: { id: v.submittedByUserId, fullName: v.submittedByName },
      late: v.late,
      outcome,
    };
  }
}

/** Every submitted version of a plan, oldest first. */
export class PlanVersionListResponse {
  @ApiProperty({ type: [PlanVersionResponse] })
  items: PlanVersionResponse[];
}

/** One submitted version with its snapshot of the template and the totals computed from it. */
export class PlanVersionDetailResponse extends PlanVersionResponse {
  @ApiProperty({ type: PlanContentResponse })
  content: PlanContentResponse;

  @ApiProperty({ type: PlanTotalsResponse })
  totals: PlanTotalsResponse;

  static of(this: void, v: PlanVersionRow, outcome: VersionOutcome, content: PlanContent, totals: PlanTotals): PlanVersionDetailResponse {
    return { ...PlanVersionResponse.from(v, outcome), content, totals };
  }
}

/** A value in a plan: any JSON value, or null (OpenAPI 3.0 has no null type: the string branch carries it). */
const DIFF_VALUE = {
  oneOf: [
    { type: 'string', nullable: true },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true },
  ],
} satisfies ApiPropertyOptions;

/** One field that differs between two versions. */
export class PlanDiffEntryResponse {
  @ApiProperty({ example: 'content.programs[0].indicators[0].target', description: 'title, or a path into content; positions are those in the newer version (in the older one for a removed item).' })
  path: string;

  @ApiProperty({ enum: DIFF_CHANGES, example: 'changed' })
  change: DiffChange;

  @ApiProperty({ ...DIFF_VALUE, example: '80', description: 'The value in the older version (null when added): a field, a list of plain values, or a whole added or removed item.' })
  before: unknown;

  @ApiProperty({ ...DIFF_VALUE, example: '75', description: 'The value in the newer version (null when removed).' })
  after: unknown;
}

/** What changed from one submitted version to another. */
export class PlanDiffResponse {
  @ApiProperty({ example: 2, description: 'The newer version.' })
  version: number;

  @ApiProperty({ nullable: true, type: Number, example: 1, description: 'The version compared with; null for an empty plan.' })
  against: number | null;

  @ApiProperty({ type: [PlanDiffEntryResponse] })
  changes: PlanDiffEntryResponse[];

  static of(this: void, version: number, against: number | null, changes: DiffEntry[]): PlanDiffResponse {
    return { version, against, changes };
  }
}

/** Who wrote a comment. */
export class PlanCommentAuthorResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: 'Dewi Lestari (Fasilitator, Edukasi 101)' })
  fullName: string | null;

  @ApiProperty({ nullable: true, enum: ROLES, example: 'facilitator' })
  role: Role | null;

  @ApiProperty({ nullable: true, type: String, example: 'Edukasi 101' })
  organizationName: string | null;
}

/** A comment with its replies, oldest first. */
export class PlanCommentResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a126c001' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  parentId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'content.programs[0].indicators[0].target', description: 'null for a general comment.' })
  fieldPath: string | null;

  @ApiProperty({ nullable: true, type: Number, example: 1, description: 'The latest submitted version when the comment was written.' })
  versionNumber: number | null;

  @ApiProperty({ example: 'Is 75% realistic in one year? The baseline is 40%.' })
  body: string;

  @ApiProperty({ type: PlanCommentAuthorResponse })
  author: PlanCommentAuthorResponse;

  @ApiProperty({ example: '2026-02-22T03:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ type: () => [PlanCommentResponse], description: 'Answers to this comment, oldest first, each with its own replies.' })
  replies: PlanCommentResponse[];

  static from(this: void, c: PlanCommentRow): PlanCommentResponse {
    return {
      id: c.id,
      parentId: c.parentId,
      fieldPath: c.fieldPath,
      versionNumber: c.versionNumber,
      body: c.body,
      author: { id: c.authorUserId, fullName: c.authorName, role: c.authorRole, organizationName: c.authorOrganizationName },
      createdAt: c.createdAt.toISOString(),
      replies: [],
    };
  }

  /** Threads comments (oldest first) under their parents. */
  static threads(this: void, rows: PlanCommentRow[]): PlanCommentResponse[] {
    const byId = new Map(rows.map((r) => [r.id, PlanCommentResponse.from(r)]));
    const roots: PlanCommentResponse[] = [];
    for (const c of byId.values()) {
      const parent = c.parentId ? byId.get(c.parentId) : undefined;
      if (parent) parent.replies.push(c);
      else roots.push(c);
    }
    return roots;
  }
}

/** The threads of comments on a plan, oldest first. */
export class PlanCommentListResponse {
  @ApiProperty({ type: [PlanCommentResponse] })
  items: PlanCommentResponse[];
}
