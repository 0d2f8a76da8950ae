// Every address of the SPA in one place; each instance and schedule has its own, so links can be
// shared and a reload keeps the place.
export const paths = {
  home: () => '/',
  signIn: (next?: string) =>
    next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in',
  instances: () => '/instances',
  activity: () => '/activity',
  instance: (instanceId: string) => `/instances/${instanceId}`,
  newSchedule: (instanceId: string) => `/instances/${instanceId}/schedules/new`,
  editSchedule: (instanceId: string, scheduleId: string) =>
    `/instances/${instanceId}/schedules/${scheduleId}/edit`,
};

/** Only an address inside this app may follow sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  // "//host" and "/\\host" would leave the site: browsers read both as another host.
  return next && /^\/(?![/\\])/.test(next) ? next : paths.instances();
}
