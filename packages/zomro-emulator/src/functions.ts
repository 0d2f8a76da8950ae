// The BILLmanager functions the emulator answers, each checking its session and parameters
// the way Zomro does, and returning the content of the `doc` it answers with.
import {
  formatRotationDaysNames,
  parseRotationDays,
  PROVIDER_UTC_OFFSET_MINUTES,
  SCHEDULE_NAME_MAX,
  TIME_PATTERN,
  WEEKDAY_NAMES,
  type Weekday,
} from '@zomro-dash/shared';
import type { InstanceRecord, ScheduleRecord } from './demo-data.js';
import { backupFunctions } from './backup-functions.js';
import {
  ACCESS_ERROR,
  BAD_PASSWORD_MESSAGE,
  BAD_PASSWORD_MESSAGE_RU,
  CallError,
  fail,
  invalid,
  missed,
  notFound,
  OK,
  param,
  findInstance,
  paging,
  type BillmgrFunction,
  type CallContext,
  type SignedIn,
} from './call-kit.js';
import { verifyTotp } from './totp.js';
import { renderError, renderList, text, type DocNode, type Row } from './wire.js';

export {
  ACCESS_ERROR,
  ACCESS_MESSAGE,
  ACCESS_MESSAGE_RU,
  BAD_PASSWORD_MESSAGE,
  RUNNING_OPERATION_ERROR,
  RUNNING_OPERATION_MESSAGE,
  RUNNING_OPERATION_MESSAGE_RU,
} from './call-kit.js';

/** Fields of a form whose value must be a number in a range. */
const BACKUP_ROTATION = { min: 1, max: 10 };

function instanceRow(instance: InstanceRecord): Row {
  return {
    id: instance.id,
    servername: instance.servername,
    name: instance.name,
    ip: instance.ip,
    instance_status: instance.instanceStatus,
    item_status: instance.itemStatus,
    status: instance.status,
    instances_os: instance.os,
    datacenter_name: instance.datacenter,
    expiredate: instance.expireDate,
  };
}

function scheduleRow(schedule: ScheduleRecord, instance: InstanceRecord): Row {
  return {
    create_date: schedule.createDate,
    id: schedule.id,
    instance_id: schedule.instanceId,
    name: schedule.name,
    rotation_days: formatRotationDaysNames(schedule.days),
    rotation_time: schedule.time,
    servername: instance.servername,
  };
}

/** Today in the provider's zone, `YYYY-MM-DD`, as `create_date` shows it. */
function providerDate(at: number): string {
  return new Date(at + PROVIDER_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** `rotation_days` as Zomro takes it: day numbers 0–6 (Sunday = 0) separated by commas. */
function readDays(value: string): Weekday[] | null {
  if (!/^\s*[0-6](\s*,\s*[0-6])*\s*$/.test(value)) return null;
  return parseRotationDays(value);
}

function editSchedule(ctx: SignedIn): DocNode {
  const { account, state } = ctx;
  const elid = param(ctx, 'elid');
  const plid = param(ctx, 'plid');
  const existing =
    elid === undefined
      ? undefined
      : (account.schedules.find((s) => s.id === elid) ?? notFound('elid', elid));
  let instance: InstanceRecord;
  if (plid !== undefined) {
    instance = findInstance(account, 'plid', plid);
    if (existing && existing.instanceId !== plid) notFound('elid', existing.id);
  } else if (existing) {
    instance = findInstance(account, 'elid', existing.instanceId);
  } else {
    return missed('plid', 'Instance');
  }

  if (ctx.params.sok !== 'ok') {
    // Without sok=ok BILLmanager only shows the form, filled with the current values.
    return {
      elid: text(existing?.id ?? ''),
      plid: text(instance.id),
      name: text(existing?.name ?? ''),
      rotation_days: text(existing ? existing.days.join(',') : ''),
      rotation_time: text(existing?.time ?? ''),
      slist: [
        {
          $name: 'rotation_days',
          val: WEEKDAY_NAMES.map((name, day) => ({ $key: String(day), $: name })),
        },
      ],
    };
  }

  const rawName = ctx.params.name ?? '';
  const name = rawName.trim();
  if (name === '') missed('name', 'Name');
  if ([...name].length > SCHEDULE_NAME_MAX) {
    invalid('name', 'Name', rawName, `at most ${SCHEDULE_NAME_MAX} characters`);
  }
  const rawDays = param(ctx, 'rotation_days') ?? missed('rotation_days', 'Days');
  const days =
    readDays(rawDays) ?? invalid('rotation_days', 'Days', rawDays, 'days are numbers 0–6');
  const time = param(ctx, 'rotation_time') ?? missed('rotation_time', 'Time (GMT+3)');
  if (!TIME_PATTERN.test(time)) invalid('rotation_time', 'Time (GMT+3)', time, 'use HH:MM');

  if (existing) {
    Object.assign(existing, { name, days, time });
  } else {
    account.schedules.push({
      id: state.allocateScheduleId(),
      instanceId: instance.id,
      name,
      days,
      time,
      createDate: providerDate(state.clock()),
    });
  }
  // Zomro answers a bare ok: the new schedule's id is not returned.
  return OK;
}

/**
 * `instances.edit`: without `sok=ok` the instance's form; with it, the fields sent are changed.
 * Only `backup_rotation` (how many scheduled backups are kept, 1–10) is modelled.
 */
function editInstance(ctx: SignedIn): DocNode {
  const elid = param(ctx, 'elid') ?? missed('elid', 'Id');
  const instance = findInstance(ctx.account, 'elid', elid);
  if (ctx.params.sok !== 'ok') {
    return {
      elid: text(instance.id),
      servername: text(instance.servername),
      backup_rotation: text(instance.backupRotation),
    };
  }
  const raw = ctx.params.backup_rotation;
  if (raw !== undefined) {
    const label = 'Maximum number of scheduled backups';
    const value = raw.trim();
    if (value === '') missed('backup_rotation', label);
    const count = Number(value);
    if (!/^\d+$/.test(value) || count < BACKUP_ROTATION.min || count > BACKUP_ROTATION.max) {
      invalid(
        'backup_rotation',
        label,
        raw,
        `a number from ${BACKUP_ROTATION.min} to ${BACKUP_ROTATION.max}`,
      );
    }
    instance.backupRotation = String(count);
  }
  return OK;
}

const FUNCTIONS: Record<string, BillmgrFunction> = {
  whoami: {
    access: 'password',
    run: ({ session }) =>
      session.totpPending
        ? { ok: { $type: 'form', $: 'func=totp.confirm' } }
        : { user: { $level: '16', $name: session.username, $: session.username } },
  },
  'totp.confirm': {
    access: 'password',
    run: (ctx) => {
      const { session, account, state } = ctx;
      if (session.totpPending) {
        const code = param(ctx, 'qrcode')?.trim() ?? missed('qrcode', 'Code');
        if (!account.totpSecret || !verifyTotp(account.totpSecret, code, state.now())) {
          fail({
            type: 'value',
            object: 'qrcode',
            message: 'Invalid confirmation code',
            params: { object: 'qrcode' },
          });
        }
        session.totpPending = false;
      }
      // Zomro's panel always continues with the id in this answer: it may be a new one.
      const current = state.settings.totpRenewsSession ? state.renewSession(session) : session;
      return { ok: {}, auth: { $id: current.id, $: current.id } };
    },
  },
  keepalive: { access: 'confirmed', run: () => OK },
  instances: {
    access: 'confirmed',
    run: (ctx) =>
      renderList(ctx.account.instances.map(instanceRow), paging(ctx), ctx.state.oneRowAsObject),
  },
  'instances.edit': { access: 'confirmed', run: editInstance },
  'instances.fleio_bckps.schedule': {
    access: 'confirmed',
    run: (ctx) => {
      // The panel and the seed's curl send the instance as elid, the seed's table as plid.
      const field = param(ctx, 'elid') !== undefined ? 'elid' : 'plid';
      const id = param(ctx, field) ?? missed('elid', 'Instance');
      const instance = findInstance(ctx.account, field, id);
      const rows = ctx.account.schedules
        .filter((s) => s.instanceId === instance.id)
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map((s) => scheduleRow(s, instance));
      return {
        ...renderList(rows, paging(ctx), ctx.state.oneRowAsObject),
        backup_rotation: text(instance.backupRotation),
      };
    },
  },
  'instances.fleio_bckps.schedule.edit': { access: 'confirmed', run: editSchedule },
  ...backupFunctions,
  'instances.fleio_bckps.schedule.delete': {
    access: 'confirmed',
    run: (ctx) => {
      const raw = param(ctx, 'elid') ?? missed('elid', 'Id');
      const ids = raw.split(',').map((id) => id.trim());
      // All or nothing: one unknown id and no schedule is deleted.
      for (const id of ids) {
        if (!ctx.account.schedules.some((s) => s.id === id)) notFound('elid', id);
      }
      const doomed = new Set(ids);
      ctx.account.schedules = ctx.account.schedules.filter((s) => !doomed.has(s.id));
      return OK;
    },
  },
};

function signIn(ctx: CallContext): DocNode {
  const username = ctx.params.username ?? '';
  const account = ctx.state.accounts.get(username);
  if (!account || account.password !== (ctx.params.password ?? '')) {
    return fail({
      type: 'auth',
      object: 'badpassword',
      message: BAD_PASSWORD_MESSAGE,
      ru: BAD_PASSWORD_MESSAGE_RU,
    });
  }
  const session = ctx.state.openSession(username, account.totpSecret !== undefined);
  return { auth: { $id: session.id, $level: '16', $: session.id } };
}

/**
 * `logon` ends the session it names, with or without `sok=ok` (Zomro's panel logs out without
 * it, and ends the session `recovery.change` opened the same way). Without `sok` the answer is
 * the login form, with it a bare ok; an unknown session changes nothing and is no error.
 */
function signOut(ctx: CallContext): DocNode {
  const id = ctx.params.auth;
  if (id !== undefined) ctx.state.sessions.delete(id);
  return ctx.params.sok === 'ok' ? OK : { username: text('') };
}

/** Runs one call and returns the content of its `doc`, an error included. */
export function runFunction(func: string, ctx: CallContext): DocNode {
  try {
    if (func === 'auth') return signIn(ctx);
    if (func === 'logon') return signOut(ctx);
    const spec = FUNCTIONS[func];
    if (!spec) {
      return fail({
        type: 'missed',
        object: 'func',
        message: `Unknown function "${func}"`,
        params: { object: 'func', value: func },
      });
    }
    const session = ctx.state.touchSession(ctx.params.auth);
    const account = session && ctx.state.accounts.get(session.username);
    if (!session || !account) return fail(ACCESS_ERROR);
    // Until the second factor is confirmed the session may only ask who it is and confirm;
    // anything else answers a bare ok with no data (or, when told, the access error).
    if (spec.access === 'confirmed' && session.totpPending) {
      return ctx.state.settings.totpPendingAnswer === 'empty' ? OK : fail(ACCESS_ERROR);
    }
    // Whatever time has passed, the account's schedules have run before it is answered.
    ctx.state.catchUpBackups(account);
    return spec.run({ ...ctx, session, account });
  } catch (error) {
    if (error instanceof CallError) return renderError(error.info, ctx.lang);
    throw error;
  }
}
