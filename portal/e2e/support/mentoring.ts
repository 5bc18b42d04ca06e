import { apiAs, DEMO, expect, type ApiCaller } from './fixtures';

/** A day before today as the API sees it (its clock is UTC), so a session is never in the future. */
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The facilitator's active assignment at the demo school. */
export async function demoAssignment(facilitator: ApiCaller): Promise<string> {
  const me = await apiAs(DEMO.principal);
  const school = (await me.get<{ organization: { id: string } }>('/auth/me')).organization.id;
  const { items } = await facilitator.get<{ items: Array<{ id: string; active: boolean; school: { id: string } }> }>(`/mentoring/assignments?schoolId=${school}`);
  const active = items.find((a) => a.active);
  expect(active, 'the facilitator is assigned to the demo school').toBeTruthy();
  return active!.id;
}

/** A session the demo facilitator logs at the demo school for one test, so no other test's changes matter. */
export async function logSession(notes: string, extra: Record<string, unknown> = {}) {
  const facilitator = await apiAs(DEMO.facilitator);
  const session = await facilitator.post('/mentoring/sessions', {
    assignmentId: await demoAssignment(facilitator),
    heldOn: daysAgo(1),
    durationMinutes: 150,
    mode: 'visit',
    topic: 'literacy',
    attendeeCounts: { principal: 1, teachers: 9 },
    notes,
    ...extra,
  });
  return { facilitator, session };
}
