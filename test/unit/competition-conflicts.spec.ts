import { conflictReasons, mentoringWindow, toConflictMap } from '../../src/competitions/conflicts';
import type { ConflictFacts } from '../../src/competitions/conflicts';

const facts = (f: Partial<ConflictFacts> = {}): ConflictFacts => ({
  judgeUserId: 'j',
  judgeName: 'Dr. Bambang',
  judgeOrganizationId: 'ulm',
  schoolId: 's',
  schoolName: 'SDN Pelambuan 4',
  assignmentYears: [],
  sessionYears: [],
  reviewedPlanYears: [],
  commentedPlanYears: [],
  declaredReason: null,
  ...f,
});

describe('conflicts of interest', () => {
  it('counts mentoring in the competition year and the year before', () => {
    expect(mentoringWindow(2025)).toEqual([2024, 2025]);
  });

  it('finds no conflict without facts', () => {
    expect(conflictReasons(facts(), 2025)).toEqual([]);
  });

  it('gives a reason per rule, in both languages', () => {
    const reasons = conflictReasons(
      facts({ judgeOrganizationId: 's', assignmentYears: [2024], sessionYears: [2025], reviewedPlanYears: [2019], commentedPlanYears: [2016, 2016], declaredReason: 'My sister teaches there.' }),
      2025,
    );
    expect(reasons.map((r) => r.code)).toEqual(['belongs', 'mentored_assignment', 'mentored_session', 'reviewed_plan', 'commented_plan', 'declared']);
    expect(reasons.map((r) => r.en)).toEqual([
      'Dr. Bambang belongs to SDN Pelambuan 4',
      'Dr. Bambang was assigned to mentor SDN Pelambuan 4 in 2024 (mentoring in 2024 or 2025 counts)',
      'Dr. Bambang logged mentoring sessions at SDN Pelambuan 4 in program year 2025 (mentoring in 2024 or 2025 counts)',
      'Dr. Bambang is the facilitator reviewing the plan of SDN Pelambuan 4 for 2019',
      'Dr. Bambang commented on the plan of SDN Pelambuan 4 for 2016, and so reviewed it',
      'Dr. Bambang declared a conflict of interest with SDN Pelambuan 4: My sister teaches there.',
    ]);
    expect(reasons[0].id).toBe('Dr. Bambang merupakan bagian dari SDN Pelambuan 4');
  });

  it('lets mentoring older than the window go, but never plan reviews', () => {
    expect(conflictReasons(facts({ assignmentYears: [2023], sessionYears: [2022, 2026] }), 2025)).toEqual([]);
    expect(conflictReasons(facts({ reviewedPlanYears: [2012] }), 2025).map((r) => r.code)).toEqual(['reviewed_plan']);
  });

  it('keys the reasons by judge and school, leaving pairs without a reason out', () => {
    const map = toConflictMap([facts({ declaredReason: 'x' }), facts({ judgeUserId: 'k', assignmentYears: [2020] })], 2025);
    expect([...map.keys()]).toEqual(['j']);
    expect(map.get('j')?.get('s')?.map((r) => r.code)).toEqual(['declared']);
  });
});
