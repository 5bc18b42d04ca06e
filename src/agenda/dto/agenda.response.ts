import { ApiProperty } from '@nestjs/swagger';
import type { Lang } from '../../common/errors/i18n';
import { OrganizationRefResponse } from '../../common/http/ref.response';
import type { Role } from '../../users/role';
import { AGENDA_KINDS, AGENDA_LIMIT, MOU_AGENDA_DAYS } from '../agenda-kind';
import type { AgendaKind } from '../agenda-kind';
import type { AgendaRow } from '../agenda.repository';
import { agendaTitle } from '../agenda-titles';

const KINDS_DOC =
  'principal: plan_to_write (a year in planning or running of an active partnership without a plan yet; id = programYearId), ' +
  'plan_to_revise (draft or changes_requested), plan_comments_to_answer (open threads whose last comment is not from the school; count = threads), ' +
  'session_to_confirm (a pending mentoring session), follow_up (an open follow-up the school owes), ' +
  'expense_report_to_write (a paid tranche no report names yet; id = grantId), expense_report_draft, expense_report_returned, ' +
  'competition_open (a competition taking entries the school may still enter or change). ' +
  `csr_officer: plan_to_review, expense_report_to_review, mou_expiring (active, expiring within ${MOU_AGENDA_DAYS} days, no renewal started). ` +
  'facilitator: plan_to_review (plans naming them or of schools assigned to them), follow_up (overdue ones of their assignments), session_disputed. ' +
  'judge: entries_to_score (per competition in judging; count = entries). education_officer: partner_request_to_answer.';

/** One thing that needs the caller now, with what the portal needs to link to it. */
export class AgendaItemResponse {
  @ApiProperty({ enum: AGENDA_KINDS, enumName: 'AgendaKind', example: 'plan_to_revise', description: `What the item asks. ${KINDS_DOC}` })
  kind: AgendaKind;

  @ApiProperty({
    example: '00000000-0000-4000-8000-0000a1260000',
    description: 'The record to open: the plan, report, session, follow-up, competition, MoU or partner request; the program year for plan_to_write, the grant for expense_report_to_write.',
  })
  id: string;

  @ApiProperty({ example: 'Rencana program 2026 perlu direvisi', description: 'What to do, in the language of Accept-Language (id or en).' })
  title: string;

  @ApiProperty({ nullable: true, type: String, example: '2026-02-28', description: 'The date it is due (YYYY-MM-DD, UTC), where one applies: the plan deadline, the grant reporting deadline, a follow-up or MoU expiry date, an entry or judging deadline.' })
  dueDate: string | null;

  @ApiProperty({ example: false, description: 'The due date has passed (a follow-up is overdue from the day after its due date).' })
  overdue: boolean;

  @ApiProperty({ nullable: true, type: Number, example: null, description: 'How many records the item groups (comment threads of a plan, entries to score); null for an item about one record.' })
  count: number | null;

  @ApiProperty({ nullable: true, type: OrganizationRefResponse, description: 'The school the item is about; null for competitions, judging and partner requests.' })
  school: OrganizationRefResponse | null;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-0000a1260000', description: 'The plan (plan_* kinds).' })
  planId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000826', description: 'The program year the item belongs to.' })
  programYearId: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'The grant (expense_report_* kinds).' })
  grantId: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'The expense report (expense_report_draft, _returned, _to_review).' })
  reportId: string | null;

  @ApiProperty({ nullable: true, type: Number, example: null, description: 'The tranche an expense report is (to be) about.' })
  trancheNumber: number | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'The mentoring session (session_* kinds; for follow_up the session it came from).' })
  sessionId: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'The competition (competition_open, entries_to_score).' })
  competitionId: string | null;

  static from(this: void, r: AgendaRow, lang: Lang, role: Role): AgendaItemResponse {
    return {
      kind: r.kind,
      id: r.id,
      title: agendaTitle(r, lang, role),
      dueDate: r.dueDate,
      overdue: r.overdue,
      count: r.groupCount,
      school: r.schoolId && r.schoolName ? { id: r.schoolId, name: r.schoolName } : null,
      planId: r.planId,
      programYearId: r.programYearId,
      grantId: r.grantId,
      reportId: r.reportId,
      trancheNumber: r.trancheNumber,
      sessionId: r.sessionId,
      competitionId: r.competitionId,
    };
  }
}

/** What needs the signed-in user now: overdue first, then by due date, then the longest waiting. */
export class AgendaResponse {
  @ApiProperty({ example: '2026-12-05', description: "The day the agenda was read for (the platform's UTC date)." })
  today: string;

  @ApiProperty({ example: 3, description: `How many items there are in all; at most ${AGENDA_LIMIT} are listed.` })
  total: number;

  @ApiProperty({
    type: [AgendaItemResponse],
    example: [
      {
        kind: 'follow_up',
        id: '00000000-0000-4000-8000-0000c1262005',
        title: 'Tindak lanjut terlambat: Mengumpulkan hasil survei kesejahteraan siswa dari setiap kelas dan mengirimkannya kepada fasilitator.',
        dueDate: '2026-09-30',
        overdue: true,
        count: null,
        school: { id: '00000000-0000-4000-8000-000000000201', name: 'SDN Pelambuan 4 Banjarmasin' },
        planId: null,
        programYearId: '00000000-0000-4000-8000-000000000826',
        grantId: null,
        reportId: null,
        trancheNumber: null,
        sessionId: '00000000-0000-4000-8000-0000c1261007',
        competitionId: null,
      },
      {
        kind: 'plan_comments_to_answer',
        id: '00000000-0000-4000-8000-0000a1260000',
        title: '2 komentar pada rencana program 2026 menunggu tanggapan',
        dueDate: null,
        overdue: false,
        count: 2,
        school: { id: '00000000-0000-4000-8000-000000000201', name: 'SDN Pelambuan 4 Banjarmasin' },
        planId: '00000000-0000-4000-8000-0000a1260000',
        programYearId: '00000000-0000-4000-8000-000000000826',
        grantId: null,
        reportId: null,
        trancheNumber: null,
        sessionId: null,
        competitionId: null,
      },
      {
        kind: 'session_to_confirm',
        id: '00000000-0000-4000-8000-0000c1261011',
        title: 'Konfirmasi sesi pendampingan 11 November 2026 (kunjungan) dengan Dewi Lestari (Fasilitator, Edukasi 101)',
        dueDate: null,
        overdue: false,
        count: null,
        school: { id: '00000000-0000-4000-8000-000000000201', name: 'SDN Pelambuan 4 Banjarmasin' },
        planId: null,
        programYearId: '00000000-0000-4000-8000-000000000826',
        grantId: null,
        reportId: null,
        trancheNumber: null,
        sessionId: '00000000-0000-4000-8000-0000c1261011',
        competitionId: null,
      },
    ],
  })
  items: AgendaItemResponse[];
}
