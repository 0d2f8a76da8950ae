// The addresses of the SPA. Everything but /sign-in needs a session; /instances is the overview.
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { paths } from '@/config/paths';
import { RequireSession } from '@/features/auth/components/require-session';
import { AppLayout } from './layout';
import { InstanceRoute } from './routes/instance';
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
          // The overview (the fleet feature): on demand too, so the sign-in page stays small.
          lazy: () => import('./routes/overview').then((m) => ({ Component: m.OverviewRoute })),
        },
        // Screens used less often than the lists load on demand (docs/decisions/017-first-screen.md).
        {
          path: 'activity',
          lazy: () => import('./routes/activity').then((m) => ({ Component: m.ActivityRoute })),
        },
        {
          path: 'instances/:instanceId',
          element: <InstanceRoute />,
          children: [
            {
              path: 'schedules/new',
              lazy: () =>
                import('./routes/new-schedule').then((m) => ({ Component: m.NewScheduleRoute })),
            },
            {
              path: 'schedules/:scheduleId/edit',
              lazy: () =>
                import('./routes/edit-schedule').then((m) => ({ Component: m.EditScheduleRoute })),
            },
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
