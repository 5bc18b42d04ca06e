import { diffDocuments } from '../../src/plans/plan-diff';

describe('field-level diff of plan versions', () => {
  const base = () => ({
    title: 'Plan 2026',
    content: {
      workshop: { date: '2026-01-15', needs: ['books', 'training'] },
      programs: [
        {
          id: 'p1',
          goal: 'Read fluently',
          activities: [
            { id: 'a1', name: 'Daily reading', startMonth: 2 },
            { id: 'a2', name: 'Reading corners', startMonth: 3 },
          ],
        },
      ],
    },
  });

  it('finds nothing between equal documents', () => {
    expect(diffDocuments(base(), base())).toEqual([]);
  });

  it('reports changed fields with their paths and both values', () => {
    const after = base();
    after.title = 'Plan 2026 (revised)';
    after.content.programs[0].activities[1].startMonth = 4;
    expect(diffDocuments(base(), after)).toEqual([
      { path: 'title', change: 'changed', before: 'Plan 2026', after: 'Plan 2026 (revised)' },
      { path: 'content.programs[0].activities[1].startMonth', change: 'changed', before: 3, after: 4 },
    ]);
  });

  it('matches items by id, so an inserted item is one addition and later items are not shifted', () => {
    const after = base();
    after.content.programs[0].activities.unshift({ id: 'a0', name: 'Parent meeting', startMonth: 1 });
    expect(diffDocuments(base(), after)).toEqual([
      { path: 'content.programs[0].activities[0]', change: 'added', before: null, after: { id: 'a0', name: 'Parent meeting', startMonth: 1 } },
    ]);
  });

  it('reports a removed item at its position in the older version', () => {
    const after = base();
    after.content.programs[0].activities.splice(0, 1);
    expect(diffDocuments(base(), after)).toEqual([
      { path: 'content.programs[0].activities[0]', change: 'removed', before: { id: 'a1', name: 'Daily reading', startMonth: 2 }, after: null },
    ]);
  });

  it('uses the newer position of a moved item and reports only its changed fields', () => {
    const after = base();
    const [a1, a2] = after.content.programs[0].activities;
    after.content.programs[0].activities = [{ ...a2, name: 'Corners' }, a1];
    expect(diffDocuments(base(), after)).toEqual([{ path: 'content.programs[0].activities[0].name', change: 'changed', before: 'Reading corners', after: 'Corners' }]);
  });

  it('treats null and a missing value alike: filling a field is added, clearing it removed', () => {
    const before = { content: { goal: null as string | null, target: '75' as string | null } };
    const after = { content: { goal: 'Read', target: null } };
    expect(diffDocuments(before, after)).toEqual([
      { path: 'content.goal', change: 'added', before: null, after: 'Read' },
      { path: 'content.target', change: 'removed', before: '75', after: null },
    ]);
    expect(diffDocuments({ a: null }, {})).toEqual([]);
  });

  it('compares lists of plain values as one field', () => {
    const after = base();
    after.content.workshop.needs = ['books', 'parents', 'training'];
    expect(diffDocuments(base(), after)).toEqual([{ path: 'content.workshop.needs', change: 'changed', before: ['books', 'training'], after: ['books', 'parents', 'training'] }]);
  });

  it('compares lists of objects without ids position by position', () => {
    expect(diffDocuments({ rows: [{ a: 1 }, { a: 2 }] }, { rows: [{ a: 1 }, { a: 3 }, { a: 4 }] })).toEqual([
      { path: 'rows[1].a', change: 'changed', before: 2, after: 3 },
      { path: 'rows[2]', change: 'added', before: null, after: { a: 4 } },
    ]);
  });

  it('diffs against nothing: every top-level field is added whole', () => {
    expect(diffDocuments(null, { title: 'T', content: { programs: [] } })).toEqual([
      { path: 'title', change: 'added', before: null, after: 'T' },
      { path: 'content', change: 'added', before: null, after: { programs: [] } },
    ]);
  });

  it('reports a change of kind (text to list) as changed', () => {
    expect(diffDocuments({ x: 'a' }, { x: ['a'] })).toEqual([{ path: 'x', change: 'changed', before: 'a', after: ['a'] }]);
  });
});
