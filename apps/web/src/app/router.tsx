// The addresses of the SPA. Everything but /sign-in needs a session.
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { paths } from '@/config/paths';
import { RequireSession } from '@/features/auth/components/require-session';
import { AppLayout } from './layout';
import { ActivityRoute } from './routes/activity';
import { EditScheduleRoute } from './routes/edit-schedule';
import { InstanceRoute } from './routes/instance';
import { InstancesRoute } from './routes/instances';
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
        { path: 'instances', element: <InstancesRoute /> },
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
