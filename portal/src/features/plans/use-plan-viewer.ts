import { useSession } from '../../app/session';

/** Who is looking, as the plan pages need it. */
export function usePlanViewer() {
  const { me, hasPermission } = useSession();
  return { role: me?.user.role ?? '', organizationId: me?.organization.id ?? '', canWrite: hasPermission('plans:write') };
}
