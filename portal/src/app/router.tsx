import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { authRoutes, openRoutes } from '../features/auth/routes';
import { competitionRoutes } from '../features/competitions/routes';
import { grantRoutes } from '../features/grants/routes';
import { facilityRoutes } from '../features/facilities/routes';
import { homeRoutes } from '../features/home/routes';
import { mentoringRoutes } from '../features/mentoring/routes';
import { planRoutes } from '../features/plans/routes';
import { practiceRoutes } from '../features/practices/routes';
import { schoolRoutes } from '../features/school/routes';
import { portfolioRoutes } from '../features/portfolio/routes';
import { partnerRequestRoutes } from '../features/partner-requests/routes';
import { programRoutes } from '../features/programs/routes';
import { mouRoutes } from '../features/mous/routes';
import { trainingRoutes } from '../features/trainings/routes';
import { adminRoutes } from '../features/admin/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { parentEngagementRoutes } from '../features/parent-engagement/routes';
import { storedLanguage, withStrings } from '../i18n';
import { NotFound, PageState } from '../ui/problems';
import { Layout } from './layout';
import { useSession } from './session';

/** Pages behind sign-in: a signed-out visitor is sent to the sign-in page and comes back after. */
function RequireSession() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <PageState loading />;
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <Layout>
      <Outlet />
    </Layout>
  );
}

/** Pages for signed-out visitors; once signed in, on to the page they first asked for. */
function PublicOnly() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <PageState loading />;
  if (status === 'signed-in') return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;
  return <Outlet />;
}

const routes: RouteObject[] = [
  { element: <PublicOnly />, children: [{ path: '/login', element: <LoginPage /> }, ...authRoutes] },
  ...openRoutes,
  {
    element: <RequireSession />,
    children: [
      ...homeRoutes,
      ...withStrings('school', schoolRoutes, storedLanguage),
      ...withStrings('plans', planRoutes, storedLanguage),
      ...withStrings('grants', grantRoutes, storedLanguage),
      ...withStrings('facilities', facilityRoutes, storedLanguage),
      ...withStrings('mentoring', mentoringRoutes, storedLanguage),
      ...withStrings('competitions', competitionRoutes, storedLanguage),
      ...withStrings('portfolio', portfolioRoutes, storedLanguage),
      ...withStrings('requests', partnerRequestRoutes, storedLanguage),
      ...withStrings('programs', programRoutes, storedLanguage),
      ...withStrings('mous', mouRoutes, storedLanguage),
      ...withStrings('trainings', trainingRoutes, storedLanguage),
      ...withStrings('practices', practiceRoutes, storedLanguage),
      ...withStrings('admin', adminRoutes, storedLanguage),
      ...withStrings('notifications', notificationRoutes, storedLanguage),
      ...withStrings('parents', parentEngagementRoutes, storedLanguage),
      { path: '*', element: <NotFound /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
