// The seed page's three curl commands, run as printed there with only the URL and the session
// token changed, must get the answers the page shows.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../src/index.js';
import { rows, startTestEmulator, type Doc } from './helpers.js';

const SEED_CREATE = `curl --location 'https://api.zomro.com/' \\
--form 'func="instances.fleio_bckps.schedule.edit"' \\
--form 'auth="7e0cb9825a87e4c1a150dc9b"' \\
--form 'out="json"' \\
--form 'name="MySchedule"' \\
--form 'rotation_days="1,2,3,4,5,6"' \\
--form 'rotation_time="02:01"' \\
--form 'plid="5203773"' \\
--form 'sok="ok"'`;

const SEED_LIST = `curl --location 'https://api.zomro.com/' \\
--form 'func="instances.fleio_bckps.schedule"' \\
--form 'auth="7e0cb9825a87e4c1a150dc9b"' \\
--form 'out="json"' \\
--form 'elid="5203773"'`;

const SEED_DELETE = `curl --location 'https://api.zomro.com/' \\
--form 'func="instances.fleio_bckps.schedule.delete"' \\
--form 'auth="7c70d43c92c610c4c6c42c2c"' \\
--form 'out="json"' \\
--form 'elid="14"'`;

/** The row the seed page shows for its list call. */
const SEED_ROW = {
  create_date: { $: '2024-07-24' },
  id: { $: '14' },
  instance_id: { $: '5203773' },
  name: { $: 'MySchedule' },
  rotation_days: { $: 'Monday Tuesday Wednesday Thursday Friday Saturday ' },
  rotation_time: { $: '02:01' },
  servername: { $: 'MyServer' },
};

function runShell(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`curl exited ${code}: ${stderr}`)),
    );
  });
}

describe("the seed page's curl commands", () => {
  it('list, delete and create as the seed shows', async () => {
    // The seed shows its lone row inside an array, so this run renders lists the same way.
    const emulator = await startTestEmulator({ oneRowAsObject: false });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const run = async (seedCommand: string): Promise<Doc> => {
      const command = seedCommand
        .replace("'https://api.zomro.com/'", `'${emulator.url}'`)
        .replace(/auth="[0-9a-f]+"/, `auth="${auth}"`);
      const body = JSON.parse(await runShell(command)) as { doc: Doc };
      return body.doc;
    };

    const listed = await run(SEED_LIST);
    expect(listed.elem).toEqual([SEED_ROW]);

    const deleted = await run(SEED_DELETE);
    expect(deleted.ok).toBeDefined();
    expect(deleted.error).toBeUndefined();
    expect(emulator.control.schedulesOf('demo', '5203773')).toEqual([]);
    expect((await run(SEED_LIST)).elem).toBeUndefined();

    const created = await run(SEED_CREATE);
    expect(created.ok).toBeDefined();
    expect(created.error).toBeUndefined();
    const [schedule] = emulator.control.schedulesOf('demo', '5203773');
    // curl strips the double quotes around each --form value: the name is MySchedule, not "MySchedule".
    expect(schedule).toMatchObject({ name: 'MySchedule', days: [1, 2, 3, 4, 5, 6], time: '02:01' });

    const relisted = rows(await run(SEED_LIST));
    expect(relisted).toHaveLength(1);
    expect(relisted[0]).toEqual({
      ...SEED_ROW,
      id: { $: schedule?.id },
      create_date: { $: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string },
    });

    const calls = emulator.control.calls.filter((c) => c.func !== 'auth');
    expect(calls.map((c) => c.func)).toEqual([
      'instances.fleio_bckps.schedule',
      'instances.fleio_bckps.schedule.delete',
      'instances.fleio_bckps.schedule',
      'instances.fleio_bckps.schedule.edit',
      'instances.fleio_bckps.schedule',
    ]);
    expect(calls.every((c) => c.params.auth === '***')).toBe(true);
  });
});
