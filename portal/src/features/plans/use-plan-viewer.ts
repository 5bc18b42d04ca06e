import { useSession } from '../../app/session';

/** Who is looking, as the plan pages need it. */
export function usePlanViewer() {
  const { me, hasPermission } = useSession();
  const role = me?.user.role ?? '';
  // Admins hold every permission but do not review in a company's name (the API refuses them).
  const reviewing = role !== 'admin';
  return {
    role,
    organizationId: me?.organization.id ?? '',
    canWrite: hasPermission('plans:write'),
    canReview: reviewing && hasPermission('plans:review'),
    canApprove: reviewing && hasPermission('plans:approve'),
  };
}
