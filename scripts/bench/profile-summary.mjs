// Where a Node process's CPU time went, from a V8 `.cpuprofile` (`node --cpu-prof`): self time per
// part of the stack (the Zomro calls' undici or fetch, Fastify, logging, zod, Node's own work, …).
//
// Time in Node's own modules and in native code counts for the nearest caller outside them: a
// socket's `writev` under undici is the Zomro call's, the `write` under pino is the log line's.
// Only what Node does with no such caller on the stack (reading a socket, parsing an incoming
// request, running timers) counts as Node's.

/** The package a script belongs to, from its path under node_modules (pnpm's layout included). */
function packageOf(url) {
  const at = url.lastIndexOf('node_modules/');
  if (at === -1) return null;
  const [first, second] = url.slice(at + 'node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

const ZOMRO_CALLS = 'the Zomro calls (undici, or fetch before decision 015)';
const GROUPS = [
  [ZOMRO_CALLS, /^undici$/],
  [
    'Fastify and its plugins',
    /^(fastify|@fastify\/.*|fastify-.*|find-my-way|avvio|fast-json-stringify|fast-querystring|light-my-request|toad-cache|ret|safe-regex2)$/,
  ],
  [
    'logging (pino)',
    /^(pino|pino-std-serializers|sonic-boom|fast-redact|@pinojs\/.*|thread-stream|on-exit-leak-free)$/,
  ],
  ['zod (validation)', /^zod$/],
  ['helmet (security headers)', /^helmet$/],
];
const WITHOUT_JAVASCRIPT = 'V8 and native code with no JavaScript on the stack';
const SPECIAL = new Map([
  ['(garbage collector)', 'garbage collection'],
  ['(program)', WITHOUT_JAVASCRIPT],
  ['(root)', WITHOUT_JAVASCRIPT],
]);

/** Node's own modules, native functions, and Node's bundled copy of undici (its `fetch`). */
const isNodeOrNative = (url) => url === '' || url.startsWith('node:');
const isNodesFetch = (url) => url.startsWith('node:internal/deps/undici');

/** The category of a frame outside Node (a package, the BFF, the shared package). */
function categoryOfCode(url) {
  const name = packageOf(url);
  if (name !== null) {
    for (const [group, pattern] of GROUPS) if (pattern.test(name)) return group;
    return 'other packages';
  }
  if (url.includes('/apps/bff/')) return "the BFF's own code";
  if (url.includes('/packages/shared/')) return 'the shared package (schemas, weekdays)';
  return 'other';
}

/** The category of Node's own work, by the innermost Node module on the stack. */
function categoryOfNode(url) {
  if (url.startsWith('node:_http') || url.startsWith('node:http')) return 'Node: HTTP';
  if (/^node:(net|stream|internal\/stream)/.test(url)) return 'Node: sockets and streams';
  return 'Node: other (timers, events, promises, …)';
}

/** The category a node's own time counts under (see the top of the file); null for idle time. */
function categorize(node, parents) {
  const { functionName } = node.callFrame;
  if (functionName === '(idle)') return null;
  if (SPECIAL.has(functionName)) return SPECIAL.get(functionName);
  let firstNode = null;
  for (let at = node; at; at = parents.get(at.id)) {
    const { url } = at.callFrame;
    if (isNodesFetch(url)) return ZOMRO_CALLS;
    if (!isNodeOrNative(url)) return categoryOfCode(url);
    if (firstNode === null && url !== '') firstNode = url;
  }
  return firstNode === null ? WITHOUT_JAVASCRIPT : categoryOfNode(firstNode);
}

/** How a frame is named in the list of busiest functions (native ones with their caller). */
function nameOf(node, parents) {
  const name = (frame) => frame.functionName || '(anonymous)';
  let caller = node;
  while (caller && caller.callFrame.url === '' && !SPECIAL.has(caller.callFrame.functionName)) {
    caller = parents.get(caller.id);
  }
  caller ??= node;
  const { url, lineNumber } = caller.callFrame;
  const where = url ? ` (${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1})` : '';
  const via = caller === node ? '' : ` ← ${name(caller.callFrame)}`;
  return `${name(node.callFrame)}${via}${where}`;
}

/**
 * Self time per category and the busiest functions over the profile's last `lastUs` microseconds
 * (all of it when omitted). Shares are of the time that was not idle.
 */
export function summarize(profile, { lastUs = Infinity, top = 12 } = {}) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parents.set(child, node);
  }
  let at = profile.startTime;
  const times = profile.timeDeltas.map((delta) => (at += delta));
  const from = profile.endTime - lastUs;
  const perCategory = new Map();
  const perFunction = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  let busy = 0;
  profile.samples.forEach((id, i) => {
    if (times[i] < from) return;
    // A sample's time is the gap to the next one (the last one's, the gap to the profile's end).
    const us = (i + 1 < times.length ? times[i + 1] : profile.endTime) - times[i];
    const node = nodes.get(id);
    const category = categorize(node, parents);
    if (category === null) return;
    busy += us;
    add(perCategory, category, us);
    add(perFunction, nameOf(node, parents), us);
  });
  const sorted = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / busy }));
  return {
    busyMs: busy / 1000,
    categories: sorted(perCategory),
    functions: sorted(perFunction).slice(0, top),
  };
}
