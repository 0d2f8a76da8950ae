// The addresses of the SPA. Everything but /sign-in needs a session; /instances is the overview.
// Screens used less often than an instance's schedules load on demand (docs/decisions/017).
import { paths } from '@/config/paths';
import { lazyWithTexts } from '@/lib/lazy';
import { RequireSession } from '@/features/auth/components/require-session';
import { Navigate, Route, Router, Switch } from '@/lib/router';
import { AppLayout } from './layout';
import { RouteLoading } from '@/components/ui/route-loading';
import { InstanceRoute, INSTANCE_ROUTE } from './routes/instance';
import { OverviewRoute } from './routes/overview';
import { SignInRoute } from './routes/sign-in';

const ActivityRoute = lazyWithTexts(() => import('./routes/activity'));
const NotFoundRoute = lazyWithTexts(() => import('./routes/not-found'));

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/sign-in">
        <SignInRoute />
      </Route>
      <Route>
        <RequireSession>
          <AppLayout>
            <RouteLoading>
              <Switch>
                <Route path="/">
                  <Navigate to={paths.instances()} replace />
                </Route>
                <Route path="/instances">
                  <OverviewRoute />
                </Route>
                <Route path="/activity">
                  <ActivityRoute />
                </Route>
                <Route path={INSTANCE_ROUTE}>
                  <InstanceRoute />
                </Route>
                <Route>
                  <NotFoundRoute />
                </Route>
              </Switch>
            </RouteLoading>
          </AppLayout>
        </RequireSession>
      </Route>
    </Switch>
  );
}

export function AppRouter() {
  return (
    <Router>
      <AppRoutes />
    </Router>
  );
}
