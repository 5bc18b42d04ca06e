import { describe, expect, it } from 'vitest';
import { agendaLink, type AgendaItem } from './agenda-links';

const item = (over: Partial<AgendaItem>): AgendaItem =>
  ({ kind: 'plan_to_revise', id: 'p1', title: '', dueDate: null, overdue: false, count: null, school: null, planId: null, programYearId: null, grantId: null, reportId: null, trancheNumber: null, sessionId: null, competitionId: null, ...over }) as AgendaItem;

describe('agenda links', () => {
  it('opens the page where each item is done', () => {
    expect(agendaLink(item({ kind: 'plan_to_revise', planId: 'p1' }))).toBe('/plans/p1');
    expect(agendaLink(item({ kind: 'plan_comments_to_answer', planId: 'p1' }))).toBe('/plans/p1#comments');
    expect(agendaLink(item({ kind: 'plan_to_write', id: 'y1' }))).toBe('/plans');
    expect(agendaLink(item({ kind: 'session_to_confirm', id: 's1', sessionId: 's1' }))).toBe('/mentoring/sessions/s1');
    expect(agendaLink(item({ kind: 'expense_report_returned', id: 'r1', grantId: 'g1', reportId: 'r1' }))).toBe('/grants/g1/reports/r1');
    expect(agendaLink(item({ kind: 'expense_report_to_write', id: 'g1', grantId: 'g1' }))).toBe('/grants/g1');
    expect(agendaLink(item({ kind: 'competition_open', id: 'c1', competitionId: 'c1' }))).toBe('/competitions/c1');
  });
});
