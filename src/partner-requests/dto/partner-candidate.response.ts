import { ApiProperty } from '@nestjs/swagger';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { SCHOOL_LEVELS } from '../../organizations/organization-type';
import type { SchoolLevel } from '../../organizations/organization-type';
import { explainCandidate, ScoreReason } from '../candidate-score';
import type { CandidateRow } from '../partner-requests.repository';

const REASON_CODES: ScoreReason['code'][] = ['no_active_partner', 'has_active_partner', 'level_matches', 'any_level', 'level_not_asked', 'states_need', 'no_need_matches'];

/** One line of a candidate's score. */
export class ScoreReasonResponse {
  @ApiProperty({ enum: REASON_CODES, example: 'states_need', description: 'Stable code of the reason, for translation.' })
  code: ScoreReason['code'];

  @ApiProperty({ example: 10 })
  points: number;

  @ApiProperty({ example: 'states need: literacy' })
  reason: string;

  @ApiProperty({ nullable: true, enum: TOPICS, example: 'literacy', description: 'The need a states_need line is about, for translation; null on every other line.' })
  topic: Topic | null;

  @ApiProperty({ nullable: true, enum: SCHOOL_LEVELS, example: 'SD', description: "The school's level on a level_matches or level_not_asked line; null on every other line." })
  level: SchoolLevel | null;
}

/** A school suggested for a request, with its score and the reasons that add up to it. */
export class PartnerCandidateResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000202' })
  schoolId: string;

  @ApiProperty({ example: 'SDN Sungai Miai 5 Banjarmasin' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '30304188' })
  npsn: string | null;

  @ApiProperty({ nullable: true, enum: SCHOOL_LEVELS, example: 'SD' })
  schoolLevel: SchoolLevel | null;

  @ApiProperty({ nullable: true, type: String, example: '63.71' })
  regionCode: string | null;

  @ApiProperty({ example: 75, description: 'The sum of the points of `reasons`.' })
  score: number;

  @ApiProperty({ type: [ScoreReasonResponse], description: 'One line per reason, e.g. +40 "no active CSR partner yet", +25 "level SD matches the request", +10 "states need: literacy".' })
  reasons: ScoreReasonResponse[];

  static from(this: void, c: CandidateRow, request: { schoolLevels: SchoolLevel[]; needTopics: CandidateRow['matchedNeeds'] }): PartnerCandidateResponse {
    const { score, reasons } = explainCandidate({
      hasActivePartner: c.hasActivePartner,
      schoolLevel: c.schoolLevel,
      levelsAsked: request.schoolLevels,
      needsAsked: request.needTopics,
      matchedNeeds: c.matchedNeeds,
    });
    // The states_need lines follow the matched needs in order; topic and level let a reader translate each line.
    let need = 0;
    const explained = reasons.map((r) => ({
      ...r,
      topic: r.code === 'states_need' ? (c.matchedNeeds[need++] ?? null) : null,
      level: r.code === 'level_matches' || r.code === 'level_not_asked' ? c.schoolLevel : null,
    }));
    return { schoolId: c.id, name: c.name, npsn: c.npsn, schoolLevel: c.schoolLevel, regionCode: c.regionCode, score, reasons: explained };
  }
}

/** The suggested candidates of a request, best first. */
export class PartnerCandidateListResponse {
  @ApiProperty({ type: [PartnerCandidateResponse] })
  items: PartnerCandidateResponse[];
}
