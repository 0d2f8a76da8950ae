// The backup functions of Zomro's panel (cloudVpsOperations.js: getImages, editImage,
// deleteImage; CreateSnapshotOrBackupModal.jsx): list an instance's backups, back up now, rename
// or protect, delete. Refusals the panel makes in its UI are made here as errors, worded as
// guesses (decision 005).
import { SCHEDULE_NAME_MAX, toZomroDateTime } from '@zomro-dash/shared';
import { startBackup, UPLOADING_STATUS, type BackupRecord } from './backups.js';
import {
  fail,
  findInstance,
  invalid,
  missed,
  notFound,
  OK,
  paging,
  param,
  RUNNING_OPERATION_ERROR,
  type BillmgrFunction,
  type SignedIn,
} from './call-kit.js';
import type { InstanceRecord } from './demo-data.js';
import { renderList, renderRow, text, type DocNode, type ErrorInfo, type Row } from './wire.js';

/** Zomro's panel: 5 manual backups a day and 100 in all. */
export const MANUAL_PER_DAY = 5;
export const MANUAL_TOTAL = 100;
/** `cost.stat_cost`: EUR per GB per day (a plausible figure; the live one is not known). */
export const STAT_COST = '0.0045';

export const DAILY_LIMIT_ERROR: ErrorInfo = {
  type: 'value',
  object: 'backup_limit',
  message: `The limit of ${MANUAL_PER_DAY} manual backups per day has been reached`,
  ru: `Достигнут лимит ручных резервных копий в сутки: ${MANUAL_PER_DAY}`,
};
export const TOTAL_LIMIT_ERROR: ErrorInfo = {
  type: 'value',
  object: 'backup_limit',
  message: `The limit of ${MANUAL_TOTAL} manual backups has been reached`,
  ru: `Достигнут лимит ручных резервных копий: ${MANUAL_TOTAL}`,
};
export const INSTANCE_STATE_ERROR: ErrorInfo = {
  type: 'value',
  object: 'instance_status',
  message: 'The action is unavailable in the current state of the instance',
  ru: 'Действие недоступно в текущем состоянии сервера',
};
export const PROTECTED_ERROR: ErrorInfo = {
  type: 'value',
  object: 'protected',
  message: 'The image is protected from deletion',
  ru: 'Образ защищён от удаления',
};
export const IMAGE_STATE_ERROR: ErrorInfo = {
  type: 'value',
  object: 'fleio_status',
  message: 'The image cannot be deleted in its current status',
  ru: 'Образ нельзя удалить в текущем статусе',
};

const DELETABLE_STATUSES = new Set(['active', 'suspended', 'killed']);
const DAY = 86_400_000;
const PROVIDER_OFFSET = 3 * 3_600_000;
const providerDay = (at: number) => Math.floor((at + PROVIDER_OFFSET) / DAY);

function manualToday(ctx: SignedIn, instanceId: string): number {
  const today = providerDay(ctx.state.clock());
  return (ctx.account.manualMadeAt.get(instanceId) ?? []).filter((at) => providerDay(at) === today)
    .length;
}

const manualKept = (ctx: SignedIn, instanceId: string) =>
  ctx.account.backups.filter((b) => b.instanceId === instanceId && b.type === 'manual').length;

function backupRow(backup: BackupRecord, instance: InstanceRecord): DocNode {
  const row: Row = {
    id: backup.id,
    name: backup.name,
    backup_type: backup.type,
    image_size: backup.status === 'saving' ? '' : String(backup.sizeGb),
    createdate: toZomroDateTime(new Date(backup.createdAt)),
    os_distro: instance.os.split(' ')[0] ?? '',
    os_version: instance.os.split(' ').slice(1).join(' '),
    fleio_status: backup.status,
    protected: backup.protected ? 'on' : 'off',
  };
  const node = renderRow(row);
  // The digest saw `createdate` as an array of `{$}` too: manual rows answer it that way, so
  // that clients read both forms (a guess, decision 005).
  if (backup.type === 'manual') node.createdate = [text(row.createdate!)];
  return node;
}

/** The backup `elid` names, of this account (and of `plid`'s instance when one is sent). */
function findBackup(ctx: SignedIn): BackupRecord {
  const elid = param(ctx, 'elid') ?? missed('elid', 'Id');
  const backup = ctx.account.backups.find((b) => b.id === elid.trim()) ?? notFound('elid', elid);
  const plid = param(ctx, 'plid');
  if (plid !== undefined && plid !== backup.instanceId) notFound('elid', elid);
  return backup;
}

function readName(ctx: SignedIn, field: string, label: string): string {
  const raw = ctx.params[field] ?? '';
  const name = raw.trim();
  if (name === '') missed(field, label);
  if ([...name].length > SCHEDULE_NAME_MAX) {
    invalid(field, label, raw, `at most ${SCHEDULE_NAME_MAX} characters`);
  }
  return name;
}

function listBackups(ctx: SignedIn): DocNode {
  const field = param(ctx, 'elid') !== undefined ? 'elid' : 'plid';
  const id = param(ctx, field) ?? missed('elid', 'Instance');
  const instance = findInstance(ctx.account, field, id);
  const backups = ctx.account.backups
    .filter((b) => b.instanceId === instance.id)
    .sort((a, b) => a.createdAt - b.createdAt || Number(a.id) - Number(b.id));
  const rows = backups.map((b) => ({ id: b.id }));
  const page = renderList(rows, paging(ctx), ctx.state.oneRowAsObject);
  // renderList gave the page's ids; put the full rows (with their array-valued dates) in place.
  const byId = new Map(backups.map((b) => [b.id, backupRow(b, instance)]));
  if (Array.isArray(page.elem))
    page.elem = page.elem.map((e) => byId.get((e.id as DocNode).$ as string)!);
  else if (page.elem) page.elem = byId.get(((page.elem as DocNode).id as DocNode).$ as string)!;
  return {
    ...page,
    cost: { stat_cost: text(STAT_COST) },
    manual_created_today: text(String(manualToday(ctx, instance.id))),
    manual_created_total: text(String(manualKept(ctx, instance.id))),
  };
}

function backUpNow(ctx: SignedIn): DocNode {
  const plid = param(ctx, 'plid') ?? missed('plid', 'Instance');
  const instance = findInstance(ctx.account, 'plid', plid);
  if (ctx.params.sok !== 'ok') {
    return {
      plid: text(instance.id),
      name: text(''),
      rotation_days: text(''),
      rotation_time: text(''),
    };
  }
  const name = readName(ctx, 'name', 'Name');
  if (instance.instanceStatus === UPLOADING_STATUS) fail(RUNNING_OPERATION_ERROR);
  if (instance.instanceStatus === 'error') fail(INSTANCE_STATE_ERROR);
  if (manualToday(ctx, instance.id) >= MANUAL_PER_DAY) fail(DAILY_LIMIT_ERROR);
  if (manualKept(ctx, instance.id) >= MANUAL_TOTAL) fail(TOTAL_LIMIT_ERROR);
  const at = ctx.state.clock();
  startBackup(ctx.account, instance, {
    id: ctx.state.allocateBackupId(),
    name,
    type: 'manual',
    at,
  });
  ctx.account.manualMadeAt.set(instance.id, [
    ...(ctx.account.manualMadeAt.get(instance.id) ?? []),
    at,
  ]);
  // Like a schedule's create: a bare ok, no id of the new backup.
  return OK;
}

function editImage(ctx: SignedIn): DocNode {
  const backup = findBackup(ctx);
  if (ctx.params.sok !== 'ok') {
    return {
      elid: text(backup.id),
      image_name: text(backup.name),
      fleio_id: text(`img-${backup.id}`),
      instances_id: text(backup.instanceId),
      image_size: text(backup.status === 'saving' ? '' : String(backup.sizeGb)),
      created: text(toZomroDateTime(new Date(backup.createdAt))),
      fleio_status: text(backup.status),
      backup_type: text(backup.type),
      protected: text(backup.protected ? 'on' : 'off'),
    };
  }
  const name =
    ctx.params.image_name === undefined ? undefined : readName(ctx, 'image_name', 'Name');
  const rawProtected = ctx.params.protected;
  if (rawProtected !== undefined && rawProtected !== 'on' && rawProtected !== 'off') {
    invalid('protected', 'Protected', rawProtected, 'on or off');
  }
  if (name !== undefined) backup.name = name;
  if (rawProtected !== undefined) backup.protected = rawProtected === 'on';
  return OK;
}

function deleteImage(ctx: SignedIn): DocNode {
  const backup = findBackup(ctx);
  if (backup.protected) fail(PROTECTED_ERROR);
  // The panel offers Delete only for `active` and `suspended` images. A `killed` (failed) one is
  // taken too: OpenStack deletes failed images, and a client must be able to clear a failure
  // (a guess, decision 005); an image still being made is refused.
  if (!DELETABLE_STATUSES.has(backup.status)) fail(IMAGE_STATE_ERROR);
  ctx.account.backups = ctx.account.backups.filter((b) => b !== backup);
  return OK;
}

export const backupFunctions: Record<string, BillmgrFunction> = {
  'instances.fleio_bckps': { access: 'confirmed', run: listBackups },
  'instances.fleio_bckps.edit': { access: 'confirmed', run: backUpNow },
  'image.edit': { access: 'confirmed', run: editImage },
  'image.delete': { access: 'confirmed', run: deleteImage },
};
