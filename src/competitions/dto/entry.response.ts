import { ApiProperty } from '@nestjs/swagger';
import { DocumentResponse } from '../../documents/dto/document.response';
import type { EntryRow } from '../entries.repository';
import { CompetitionRefResponse } from './competition.response';

/** A team member named on an entry. */
export class EntryTeamMemberResponse {
  @ApiProperty({ example: 'Nurul Hidayah, S.Pd.' })
  name: string;

  @ApiProperty({ example: 'Class 5 teacher, literacy coordinator' })
  role: string;
}

/** Who submitted an entry. */
export class EntrySubmitterResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: 'Hj. Siti Rahmah, S.Pd. (Kepala Sekolah)' })
  fullName: string | null;
}

/** A school's entry in a competition. */
export class EntryResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000d01' })
  id: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000c26' })
  competitionId: string;

  @ApiProperty({ type: CompetitionRefResponse, example: { id: '00000000-0000-4000-8000-0000cc260101', name: 'Disaster preparedness' } })
  category: CompetitionRefResponse;

  @ApiProperty({ type: CompetitionRefResponse, example: { id: '00000000-0000-4000-8000-000000000201', name: 'SDN Pelambuan 4 Banjarmasin' } })
  school: CompetitionRefResponse;

  @ApiProperty({ example: 'Pojok Baca Siaga Bencana' })
  title: string;

  @ApiProperty({ example: 'Every class runs a monthly drill and reads a story about it first.' })
  summary: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  planId: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  planProgramId: string | null;

  @ApiProperty({ type: [String], example: [], description: 'Ids of the evidence files; download each from GET /api/v1/entries/{id}/evidence/{documentId}.' })
  evidenceDocumentIds: string[];

  @ApiProperty({ type: [EntryTeamMemberResponse] })
  teamMembers: EntryTeamMemberResponse[];

  @ApiProperty({ type: EntrySubmitterResponse })
  submittedBy: EntrySubmitterResponse;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you update.' })
  version: number;

  @ApiProperty({ example: '2025-10-02T03:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2025-10-02T03:00:00.000Z' })
  updatedAt: string;

  static from(this: void, e: EntryRow): EntryResponse {
    return {
      id: e.id,
      competitionId: e.competitionId,
      category: { id: e.categoryId, name: e.categoryName },
      school: { id: e.schoolId, name: e.schoolName },
      title: e.title,
      summary: e.summary,
      planId: e.planId,
      planProgramId: e.planProgramId,
      evidenceDocumentIds: e.evidenceDocumentIds,
      teamMembers: e.teamMembers.map((m) => ({ name: m.name, role: m.role })),
      submittedBy: { id: e.submittedByUserId, fullName: e.submittedByName },
      version: e.version,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }
}

/** An entry with its evidence files. */
export class EntryDetailResponse extends EntryResponse {
  @ApiProperty({ type: [DocumentResponse], description: 'Oldest first.' })
  evidence: DocumentResponse[];

  static of(this: void, e: EntryRow, evidence: DocumentResponse[]): EntryDetailResponse {
    return { ...EntryResponse.from(e), evidence };
  }
}
