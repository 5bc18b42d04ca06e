import { ApiProperty } from '@nestjs/swagger';
import { COMPETITION_PHASES, nextPhase } from '../competition-phase';
import type { CompetitionPhase } from '../competition-phase';
import type { CategoryRow, CompetitionRow, CriterionRow } from '../competitions.repository';
import { LEVELS } from './competition-fields';
import type { CompetitionLevel } from './competition-fields';

/** A record named in another: its id and name. */
export class CompetitionRefResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  id: string;

  @ApiProperty({ example: 'Generasi Trakindo' })
  name: string;
}

/** The program year a competition belongs to. */
export class CompetitionYearResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000825' })
  id: string;

  @ApiProperty({ example: 2025 })
  year: number;
}

/** A competition as lists show it. */
export class CompetitionResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000c26' })
  id: string;

  @ApiProperty({ type: CompetitionRefResponse, example: { id: '00000000-0000-4000-8000-000000000801', name: 'Generasi Trakindo' } })
  program: CompetitionRefResponse;

  @ApiProperty({ type: CompetitionYearResponse })
  programYear: CompetitionYearResponse;

  @ApiProperty({ type: CompetitionRefResponse, example: { id: '00000000-0000-4000-8000-000000000101', name: 'PT Trakindo Utama' } })
  company: CompetitionRefResponse;

  @ApiProperty({ example: 'Generasi Trakindo National School Innovation Competition 2025' })
  title: string;

  @ApiProperty({ enum: LEVELS, example: 'national' })
  level: CompetitionLevel;

  @ApiProperty({ enum: COMPETITION_PHASES, example: 'published' })
  phase: CompetitionPhase;

  @ApiProperty({ nullable: true, enum: COMPETITION_PHASES, example: 'closed', description: 'The one phase it can move to next; null once closed.' })
  nextPhase: CompetitionPhase | null;

  @ApiProperty({ example: '2025-08-31T17:00:00.000Z' })
  entriesOpenAt: string;

  @ApiProperty({ example: '2025-10-31T16:59:59.000Z', description: 'The entry deadline.' })
  entriesCloseAt: string;

  @ApiProperty({ example: '2025-11-30T16:59:59.000Z', description: 'Scores can change until then (while judging).' })
  judgingEndsAt: string;

  @ApiProperty({ nullable: true, type: String, example: '2025-12-10T03:00:00.000Z' })
  publishedAt: string | null;

  @ApiProperty({ example: 3 })
  minJudgesPerEntry: number;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you update.' })
  version: number;

  @ApiProperty({ example: '2025-07-01T02:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2025-12-10T03:00:00.000Z' })
  updatedAt: string;

  static from(this: void, c: CompetitionRow): CompetitionResponse {
    return {
      id: c.id,
      program: { id: c.programId, name: c.programName },
      programYear: { id: c.programYearId, year: c.year },
      company: { id: c.companyId, name: c.companyName },
      title: c.title,
      level: c.level,
      phase: c.phase,
      nextPhase: nextPhase(c.phase),
      entriesOpenAt: c.entriesOpenAt.toISOString(),
      entriesCloseAt: c.entriesCloseAt.toISOString(),
      judgingEndsAt: c.judgingEndsAt.toISOString(),
      publishedAt: c.publishedAt?.toISOString() ?? null,
      minJudgesPerEntry: c.minJudgesPerEntry,
      version: c.version,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }
}

/** A category of a competition. */
export class CompetitionCategoryResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000cc260101' })
  id: string;

  @ApiProperty({ example: 'Literacy innovation' })
  name: string;

  @ApiProperty({ example: 1 })
  position: number;
}

/** One weighted criterion of the rubric. */
export class RubricCriterionResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000cc260201' })
  id: string;

  @ApiProperty({ example: 'Innovation' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: 'How new the idea is for the school and its surroundings.' })
  description: string | null;

  @ApiProperty({ example: 30, description: 'Percent of the total score.' })
  weight: number;

  @ApiProperty({ example: 20, description: 'Scores are whole numbers from 0 to maxScore.' })
  maxScore: number;

  @ApiProperty({ example: 1 })
  position: number;
}

/** A competition with its categories and rubric. */
export class CompetitionDetailResponse extends CompetitionResponse {
  @ApiProperty({ type: [CompetitionCategoryResponse] })
  categories: CompetitionCategoryResponse[];

  @ApiProperty({ type: [RubricCriterionResponse] })
  criteria: RubricCriterionResponse[];

  static of(this: void, c: CompetitionRow, categories: CategoryRow[], criteria: CriterionRow[]): CompetitionDetailResponse {
    return {
      ...CompetitionResponse.from(c),
      categories: categories.map((k) => ({ id: k.id, name: k.name, position: k.position })),
      criteria: criteria.map((r) => ({ id: r.id, name: r.name, description: r.description, weight: Number(r.weight), maxScore: r.maxScore, position: r.position })),
    };
  }
}
