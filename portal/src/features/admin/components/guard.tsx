import type { ReactNode } from 'react';
import { useSession } from '../../../app/session';
import { NotFound } from '../../../ui/problems';

/** A page only for those holding a permission; anyone else meets the friendly not-found page. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { hasPermission } = useSession();
  return hasPermission(permission) ? <>{children}</> : <NotFound />;
}
