// The operations the benchmark measures, as autocannon requests: straight to Zomro's API (the
// emulator, directly or through the relay) and through the BFF.

// Instances of the emulator's demo data that take changes; creates go round-robin over them.
const ACTIVE = ['5203773', '5203801', '5203802', '5203815', '5204133', '5204201'];
const LIST_INSTANCE = ACTIVE[0];

const form = (params) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ out: 'json', lang: 'en', ...params }).toString(),
});

/** Each request creates on the next instance, so that creates are spread as a team's would be. */
function roundRobin(make) {
  let next = 0;
  return {
    requests: [
      { setupRequest: (request) => ({ ...request, ...make(ACTIVE[next++ % ACTIVE.length]) }) },
    ],
  };
}

const SCHEDULE = { name: 'bench', days: [1, 3, 5], time: '03:30' };

/**
 * list and create, each as `zomro(token)` (a form for Zomro's API) and `bff(cookie)` (the BFF's
 * JSON API at `bff`, which is also the Origin a change must carry).
 */
export function benchOperations(bff) {
  return {
    list: {
      zomro: (token) => ({
        ...form({
          func: 'instances.fleio_bckps.schedule',
          elid: LIST_INSTANCE,
          p_num: '1',
          auth: token,
        }),
      }),
      bff: (cookie) => ({
        method: 'GET',
        path: `/api/instances/${LIST_INSTANCE}/schedules`,
        headers: { cookie },
      }),
    },
    create: {
      zomro: (token) => ({
        ...roundRobin((plid) => ({
          path: '/billmgr',
          ...form({
            func: 'instances.fleio_bckps.schedule.edit',
            plid,
            name: SCHEDULE.name,
            rotation_days: SCHEDULE.days.join(','),
            rotation_time: SCHEDULE.time,
            sok: 'ok',
            auth: token,
          }),
        })),
      }),
      bff: (cookie) => ({
        ...roundRobin((instanceId) => ({
          method: 'POST',
          path: `/api/instances/${instanceId}/schedules`,
          headers: { cookie, origin: bff, 'content-type': 'application/json' },
          body: JSON.stringify(SCHEDULE),
        })),
      }),
    },
  };
}
