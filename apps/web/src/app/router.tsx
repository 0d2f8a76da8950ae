// The addresses of the SPA. Everything but /sign-in needs a session; /instances is the overview.
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { paths } from '@/config/paths';
import { RequireSession } from '@/features/auth/components/require-session';
import { AppLayout } from './layout';
import { ActivityRoute } from './routes/activity';
import { EditScheduleRoute } from './routes/edit-schedule';
import { InstanceRoute } from './routes/instance';
import { NewScheduleRoute } from './routes/new-schedule';
import { NotFoundRoute } from './routes/not-found';
import { SignInRoute } from './routes/sign-in';

export function createRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInRoute /> },
    {
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <Navigate to={paths.instances()} replace /> },
        {
          path: 'instances',
          // The overview (the fleet feature) is loaded on demand: the sign-in page stays small.
          lazy: async () => ({ Component: (await import('./routes/overview')).OverviewRoute }),
        },
        { path: 'activity', element: <ActivityRoute /> },
        {
          path: 'instances/:instanceId',
          element: <InstanceRoute />,
          children: [
            { path: 'schedules/new', element: <NewScheduleRoute /> },
            { path: 'schedules/:scheduleId/edit', element: <EditScheduleRoute /> },
          ],
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}

export function AppRouter({ router }: { router: ReturnType<typeof createRouter> }) {
  return <RouterProvider router={router} />;
}
