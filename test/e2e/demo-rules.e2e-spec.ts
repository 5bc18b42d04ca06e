import { loadDemoData } from '../../src/demo/demo';
import { createTestApp, TestApp } from '../support/app';

/**
 * The demo is loaded by inserting rows, not through the API; these checks replay it through the
 * rules the services enforce, so the story it tells is one the product could have recorded. Each
 * query returns the offending records, named, so a failure says which record broke which rule.
 */
describe('demo data obeys the rules it demonstrates', () => {
  let t: TestApp;
  const offenders = async (sql: string): Promise<string[]> => ((await t.dataSource.query(sql)) as Array<{ what: string }>).map((r) => r.what);

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoData(t.dataSource);
  });
  afterAll(() => t.close());

  it('loads grants, disbursements, expense reports, mentoring sessions, MoUs, plans, partnership events and competition entries to check', async () => {
    const [counts] = (await t.dataSource.query(
      `SELECT (SELECT count(*) FROM grants)::int AS grants, (SELECT count(*) FROM disbursements)::int AS disbursements,
              (SELECT count(*) FROM expense_lines)::int AS lines, (SELECT count(*) FROM mentoring_sessions)::int AS sessions,
              (SELECT count(*) FROM mou_signatures)::int AS signatures, (SELECT count(*) FROM plans WHERE approved_at IS NOT NULL)::int AS plans,
              (SELECT count(*) FROM partnership_events)::int AS events, (SELECT count(*) FROM competition_entries)::int AS entries,
              (SELECT count(*) FROM entry_scores)::int AS scores`,
    )) as Array<Record<string, number>>;
    for (const [what, n] of Object.entries(counts)) expect(`${what}: ${n > 0 ? 'some' : 'none'}`).toBe(`${what}: some`);
  });

  it('awards a grant only for an approved plan, never before the plan was approved', async () => {
    expect(
      await offenders(
        `SELECT 'grant ' || g.id || ' awarded ' || g.created_at || ' for plan ' || pl.id || ' (' || pl.title || ') ' ||
                COALESCE('approved ' || pl.approved_at, 'never approved') AS what
           FROM grants g JOIN plans pl ON pl.id = g.plan_id
          WHERE pl.approved_at IS NULL OR g.created_at < pl.approved_at
             OR EXISTS (SELECT 1 FROM grant_ledger_entries e WHERE e.grant_id = g.id AND e.kind = 'award' AND e.occurred_on < CAST(pl.approved_at AS date))`,
      ),
    ).toEqual([]);
  });

  it('disburses only after the award, not in the future, and never more than the award', async () => {
    expect(
      await offenders(
        `SELECT 'tranche ' || d.tranche_number || ' of grant ' || g.id || ' on ' || d.disbursed_on || ' (recorded ' || d.created_at || ', grant awarded ' || g.created_at || ')' AS what
           FROM disbursements d JOIN grants g ON g.id = d.grant_id
          WHERE d.created_at < g.created_at OR d.disbursed_on < CAST(g.created_at AS date) OR d.disbursed_on > CURRENT_DATE
         UNION ALL
         SELECT 'grant ' || g.id || ' disbursed ' || SUM(CASE d.kind WHEN 'tranche' THEN d.amount ELSE -d.amount END) || ' of an award of ' || g.awarded_amount
           FROM disbursements d JOIN grants g ON g.id = d.grant_id
          GROUP BY g.id HAVING SUM(CASE d.kind WHEN 'tranche' THEN d.amount ELSE -d.amount END) > g.awarded_amount`,
      ),
    ).toEqual([]);
  });

  it('pays a next tranche only after the previous tranche’s expense report was accepted, where the grant requires it', async () => {
    expect(
      await offenders(
        `SELECT 'tranche ' || d.tranche_number || ' of grant ' || g.id || ' on ' || d.disbursed_on || ' before the report of tranche ' || (d.tranche_number - 1) || ' was accepted' AS what
           FROM disbursements d JOIN grants g ON g.id = d.grant_id
          WHERE g.require_report_before_next_tranche AND d.kind = 'tranche' AND d.tranche_number > 1
            AND NOT EXISTS (SELECT 1 FROM expense_reports r WHERE r.grant_id = g.id AND r.tranche_number = d.tranche_number - 1
                               AND r.status = 'accepted' AND r.reviewed_at <= d.created_at)`,
      ),
    ).toEqual([]);
  });

  it('has expense lines spent by the day they were written down and reports submitted after every line', async () => {
    expect(
      await offenders(
        `SELECT 'line ' || l.position || ' of expense report "' || r.title || '" spent ' || l.spent_on || ', report written ' || r.created_at || COALESCE(', submitted ' || r.submitted_at, '') AS what
           FROM expense_lines l JOIN expense_reports r ON r.id = l.report_id
          WHERE l.spent_on > CURRENT_DATE OR l.spent_on > CAST(r.created_at AS date)
             OR (r.submitted_at IS NOT NULL AND (l.spent_on > CAST(r.submitted_at AS date) OR r.submitted_at < r.created_at))
             OR (r.reviewed_at IS NOT NULL AND r.reviewed_at < r.submitted_at)`,
      ),
    ).toEqual([]);
  });

  it('logs mentoring sessions under an assignment that had started and not ended, held on or before the day logged, none in the future', async () => {
    expect(
      await offenders(
        `SELECT 'mentoring session ' || s.id || ' held ' || s.held_on || ', logged ' || s.created_at || ' under assignment ' || a.id ||
                ' (from ' || a.created_at || COALESCE(', ended ' || a.ended_at, '') || ')' AS what
           FROM mentoring_sessions s JOIN mentoring_assignments a ON a.id = s.assignment_id
          WHERE s.held_on > CURRENT_DATE OR s.held_on > CAST(s.created_at AS date)
             OR s.created_at < a.created_at OR (a.ended_at IS NOT NULL AND s.created_at > a.ended_at)
             OR (s.confirmed_at IS NOT NULL AND s.confirmed_at < s.created_at)`,
      ),
    ).toEqual([]);
  });

  it('has MoUs signed before they became active, and no active MoU whose effective date has not come', async () => {
    expect(
      await offenders(
        `SELECT 'MoU ' || m.number || ' (' || m.status || ', effective ' || m.effective_date || ') signed ' || s.signed_at || ' by ' || o.name AS what
           FROM mou_signatures s JOIN mous m ON m.id = s.mou_id JOIN organizations o ON o.id = s.organization_id
          WHERE s.amendment_id IS NULL AND (s.signed_at > now() OR s.signed_at < m.created_at
             OR EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_type = 'mou' AND e.entity_id = CAST(m.id AS text)
                          AND e.changes -> 'status' ->> 'to' = 'active' AND e.occurred_at < s.signed_at))
         UNION ALL
         SELECT 'MoU ' || m.number || ' is active from ' || m.effective_date || ', which has not come'
           FROM mous m WHERE m.status = 'active' AND m.effective_date > CURRENT_DATE`,
      ),
    ).toEqual([]);
  });

  it('has plans submitted after they were created and approved after they were submitted', async () => {
    expect(
      await offenders(
        `SELECT 'plan ' || pl.id || ' (' || pl.title || ') created ' || pl.created_at || COALESCE(', submitted ' || pl.submitted_at, '') || COALESCE(', approved ' || pl.approved_at, '') AS what
           FROM plans pl
          WHERE pl.submitted_at < pl.created_at OR pl.approved_at < pl.submitted_at OR (pl.approved_at IS NOT NULL AND pl.submitted_at IS NULL)
             OR pl.completed_at < pl.approved_at
             OR EXISTS (SELECT 1 FROM plan_versions v WHERE v.plan_id = pl.id AND (v.submitted_at < pl.created_at OR v.submitted_at > now()))`,
      ),
    ).toEqual([]);
  });

  it('has each partnership’s status history in date order, one status leading to the next, none in the future', async () => {
    expect(
      await offenders(
        `WITH h AS (
           SELECT e.*, LAG(e.to_status) OVER w AS prev_to, LAG(e.occurred_on) OVER w AS prev_on
             FROM partnership_events e WINDOW w AS (PARTITION BY e.partnership_id ORDER BY e.occurred_on, e.created_at))
         SELECT 'partnership ' || o.name || ': ' || COALESCE(h.from_status, '-') || ' → ' || h.to_status || ' on ' || h.occurred_on ||
                COALESCE(' after ' || h.prev_to || ' on ' || h.prev_on, '') AS what
           FROM h JOIN partnerships p ON p.id = h.partnership_id JOIN organizations o ON o.id = p.school_id
          WHERE h.occurred_on > CURRENT_DATE OR h.from_status IS DISTINCT FROM h.prev_to`,
      ),
    ).toEqual([]);
  });

  it('has competition entries inside the entry window, scores inside judging, and results published after every score', async () => {
    expect(
      await offenders(
        `SELECT 'entry "' || e.title || '" of ' || c.title || ' made ' || e.created_at || ', window ' || c.entries_open_at || ' – ' || c.entries_close_at AS what
           FROM competition_entries e JOIN competitions c ON c.id = e.competition_id
          WHERE e.created_at < c.entries_open_at OR e.created_at > c.entries_close_at OR e.updated_at > c.entries_close_at
         UNION ALL
         SELECT 'score of entry "' || e.title || '" of ' || c.title || ' given ' || s.updated_at || ', entries closed ' || c.entries_close_at ||
                ', judging ended ' || c.judging_ends_at || COALESCE(', published ' || c.published_at, '')
           FROM entry_scores s JOIN competition_entries e ON e.id = s.entry_id JOIN competitions c ON c.id = e.competition_id
          WHERE s.updated_at > now() OR s.updated_at < c.entries_close_at OR s.updated_at > c.judging_ends_at OR s.updated_at > c.published_at
         UNION ALL
         SELECT 'results of ' || c.title || ' written ' || r.created_at || ' before published ' || COALESCE(CAST(c.published_at AS text), 'never')
           FROM competition_results r JOIN competitions c ON c.id = r.competition_id
          WHERE c.published_at IS NULL OR r.created_at > now() OR c.published_at > now()`,
      ),
    ).toEqual([]);
  });
});
