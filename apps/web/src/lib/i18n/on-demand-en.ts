// English texts of the screens that load on demand: the schedule form, the delete confirmation,
// Activity, the edit-conflict dialog and the overlap warning. They load with those screens
// (loadMoreTexts in ./index.ts), not with the first screen (docs/decisions/017-first-screen.md).
export const onDemandEn = {
  form: {
    createTitle: 'New backup schedule',
    editTitle: 'Edit “{{name}}”',
    name: 'Name',
    nameCount: '{{count}} of {{max}} characters',
    days: 'Days',
    presets: 'Presets',
    weekdays: 'Weekdays',
    weekends: 'Weekends',
    everyDay: 'Every day',
    time: 'Time ({{zone}})',
    instanceState: {
      stopped:
        'This instance is stopped. The schedule is saved all the same; check in Zomro’s panel that backups are made while it is stopped.',
      suspended:
        'This instance is suspended (usually for payment). The schedule is saved all the same, but Zomro may make no backups until it runs again.',
    },
    timePlaceholder: 'HH:MM',
    timeHint: '24-hour HH:MM in the provider’s time, as Zomro’s panel shows it.',
    localEquivalent: '{{time}} your time ({{zone}})',
    preview: 'Next runs',
    previewEmpty: 'The next runs appear here once the days and a valid time are set.',
    yourTime: 'Your time ({{zone}})',
    create: 'Create schedule',
    save: 'Save changes',
    creating: 'Creating…',
    savingChanges: 'Saving…',
    cancel: 'Cancel',
    leaveTitle: 'Discard unsaved changes?',
    leaveText: 'The changes in this form have not been saved. If you leave now, they are lost.',
    leaveStay: 'Keep editing',
    leaveDiscard: 'Discard changes',
  },
  deleteDialog: {
    title: 'Delete backup schedule?',
    text: 'The schedule “{{name}}” of {{instance}} will be deleted, and Zomro stops making backups on it. This cannot be undone.',
    confirm: 'Delete',
    cancel: 'Cancel',
  },
  activity: {
    title: 'Activity',
    lead: 'Who signed in, who created, changed or deleted which schedule, and who changed how many backups an instance keeps — newest first.',
    filterOperator: 'Operator',
    filterOperatorPlaceholder: 'Any operator',
    filterInstance: 'Instance',
    anyInstance: 'All instances',
    clearFilters: 'Clear filters',
    caption: 'Activity of this Zomro account',
    columns: {
      when: 'When',
      operator: 'Operator',
      action: 'Action',
      target: 'Instance and schedule',
      change: 'Change',
      outcome: 'Outcome',
    },
    action: {
      'session.sign-in': 'Signed in',
      'session.sign-in-failed': 'Sign-in failed',
      'session.sign-out': 'Signed out',
      'schedule.create': 'Created a schedule',
      'schedule.update': 'Changed a schedule',
      'schedule.delete': 'Deleted a schedule',
      'instance.retention': 'Changed how many backups are kept',
      other: 'Other ({{action}})',
    },
    outcome: {
      ok: 'Done',
      failed: 'Failed',
      unknown: 'Unknown',
      unknownTitle: 'Zomro’s answer was lost: the change may or may not have happened.',
      pending: 'Pending',
      pendingTitle: 'Zomro accepted the change; it did not show in the list yet.',
    },
    schedule: 'schedule {{id}}',
    retentionChange: 'Backups kept: {{before}} → {{after}}',
    empty: 'Nothing has been recorded yet.',
    emptyFiltered: 'No activity matches these filters.',
    show: 'Show',
    view: {
      changes: 'Changes',
      sessions: 'Sign-ins and sign-outs',
      all: 'Everything',
      oneAction: 'One action',
    },
    localTime: '{{time}} your time',
    providerTime: '{{time}} GMT+3',
    reason: {
      BAD_CREDENTIALS: 'wrong username or password',
      TOTP_INVALID: 'wrong code',
      RATE_LIMITED: 'too many attempts',
    },
    pages: 'Pages of the activity',
    pageOf: 'Page {{page}}',
    newer: 'Newer',
    older: 'Older',
    exportCsv: 'Export CSV',
    exportJson: 'Export JSON',
    exportNote: 'Everything the filter shows, on every page.',
    exportFailed: 'Could not export the activity',
    loadMore: 'Show older',
    loadingMore: 'Loading…',
    end: 'That is the beginning of the record.',
    loadFailed: 'Could not load the activity',
  },
  conflict: {
    title: 'Someone else changed this schedule',
    text: '{{actor}} changed “{{name}}” after you opened it. Compare, then keep theirs or save yours over it.',
    textUnknown:
      '“{{name}}” was changed after you opened it. Compare, then keep theirs or save yours over it.',
    field: 'Field',
    theirs: 'Now in Zomro',
    mine: 'Yours',
    reload: 'Keep theirs and reload',
    overwrite: 'Save mine over it',
    deleteTitle: 'This schedule changed since you looked',
    deleteText:
      '{{actor}} changed “{{name}}” after your list was loaded. It now looks like this. Delete it anyway?',
    deleteTextUnknown:
      '“{{name}}” was changed after your list was loaded. It now looks like this. Delete it anyway?',
    deleteAnyway: 'Delete anyway',
    reloaded: 'The form now shows the current version of “{{name}}”.',
  },
  overlap: {
    warning:
      'Starts at the same time as “{{name}}” on {{days}}. Zomro takes both; the backups will compete.',
    warningOn:
      '{{server}}: starts at the same time as “{{name}}” on {{days}}. Zomro takes both; the backups will compete.',
  },
  // Error texts load with the first error (src/lib/api-client.ts); NETWORK_ERROR and UNKNOWN
  // stay with the first screen, for when nothing more can be loaded.
  errors: {
    title: {
      BAD_CREDENTIALS: 'Sign-in failed',
      TOTP_INVALID: 'Wrong code',
      UNAUTHENTICATED: 'Not signed in',
      SESSION_EXPIRED: 'Session expired',
      FORBIDDEN: 'Not allowed',
      NOT_FOUND: 'Not found',
      VALIDATION_FAILED: 'Some values are not valid',
      UNSUPPORTED_MEDIA_TYPE: 'The request was not understood',
      UPSTREAM_REJECTED: 'Zomro refused the change',
      INSTANCE_BLOCKED: 'Schedules cannot be changed now',
      UPSTREAM_BUSY: 'Zomro is busy',
      UPSTREAM_BLOCKED: 'Zomro blocked the request',
      UPSTREAM_BAD_RESPONSE: 'Zomro sent an unexpected answer',
      UPSTREAM_UNAVAILABLE: 'Zomro cannot be reached',
      UPSTREAM_TIMEOUT: 'Zomro did not answer in time',
      INTERNAL_ERROR: 'Something went wrong',
      BAD_RESPONSE: 'The dashboard server sent an unexpected answer',
      INVALID_JSON: 'The request could not be read',
      PRECONDITION_FAILED: 'Changed by someone else',
      IDEMPOTENCY_KEY_REUSED: 'Request already sent',
      RATE_LIMITED: 'Too many attempts',
      BACKUP_QUOTA_REACHED: 'Today’s manual backups are used up',
      BACKUP_PROTECTED: 'The backup is protected',
      BACKUP_BUSY: 'The backup is busy',
      UPSTREAM_ACCOUNT_REJECTED: 'Zomro refused the team account',
      AUDIT_UNAVAILABLE: 'Activity log unavailable',
      STORE_UNAVAILABLE: 'Storage unavailable',
      PAYLOAD_TOO_LARGE: 'Too much data',
      PROXY_IDENTITY_INVALID: 'Sign-in through the proxy refused',
    },
    message: {
      VALIDATION_FAILED: 'Some values are not valid. Check the marked fields and try again.',
      INVALID_JSON: 'The server could not read the request. Reload the page and try again.',
      BAD_CREDENTIALS: 'The username or password is wrong. Check them and try again.',
      TOTP_INVALID:
        'The code is wrong or has expired. Enter the current code from your authenticator app.',
      UNAUTHENTICATED: 'You are not signed in. Sign in to continue.',
      SESSION_EXPIRED: 'Your session has ended. Sign in again to continue.',
      FORBIDDEN:
        'This is not allowed: your role here is view-only, or Zomro refused it for this account. Ask an editor, or whoever manages the Zomro account.',
      NOT_FOUND: 'It was not found: it may have been deleted, or the address is wrong.',
      UNSUPPORTED_MEDIA_TYPE:
        'The request came in a form the server does not accept. Reload the page and try again.',
      PRECONDITION_FAILED:
        'Someone changed this schedule after you opened it. Reload to see their version.',
      IDEMPOTENCY_KEY_REUSED:
        'This request was already sent with other values. Reload the page and try again.',
      RATE_LIMITED: 'Too many attempts. Wait a moment, then try again.',
      BACKUP_QUOTA_REACHED:
        'Zomro allows 5 manual backups a day. Nothing was sent; try again tomorrow.',
      BACKUP_PROTECTED: 'Unprotect the backup before deleting it. Nothing was sent.',
      BACKUP_BUSY:
        'The backup is being made or deleted; it can be deleted once it is ready. Nothing was sent.',
      UPSTREAM_REJECTED: 'Zomro refused it: “{{detail}}”',
      UPSTREAM_BUSY:
        'Zomro is busy with another operation on this instance. Wait a little, then try again.',
      UPSTREAM_BAD_RESPONSE:
        'Zomro sent an answer the dashboard does not understand. Try again; if it keeps happening, tell whoever runs the dashboard.',
      UPSTREAM_ACCOUNT_REJECTED:
        "Zomro refused the team's shared account. Tell whoever runs the dashboard.",
      AUDIT_UNAVAILABLE:
        'The activity log cannot be written, so nothing was changed. Tell whoever runs the dashboard.',
      STORE_UNAVAILABLE: "The dashboard's storage cannot be reached. Try again in a moment.",
      PAYLOAD_TOO_LARGE:
        'The request was larger than the server accepts. Shorten what you entered and try again.',
      PROXY_IDENTITY_INVALID:
        'The sign-in proxy sent an operator name the dashboard does not accept (repeated, or with characters a name may not hold). Tell whoever runs the proxy.',
      BAD_RESPONSE:
        'The dashboard server sent an answer this page does not understand (HTTP {{status}}).',
      UPSTREAM_BLOCKED:
        "Zomro is refusing requests from the dashboard's server for a while (its IP block). Wait a minute, then try again.",
      INTERNAL_ERROR:
        'The dashboard server failed. Try again; if it keeps failing, tell whoever runs the dashboard.',
      UPSTREAM_UNAVAILABLE: 'Zomro could not be reached. Try again in a moment.',
      UPSTREAM_UNAVAILABLE_change:
        'Zomro could not be reached while saving. Check the list to see whether the change was made, then try again.',
      UPSTREAM_TIMEOUT: 'Zomro did not answer in time. Try again in a moment.',
      INSTANCE_BLOCKED:
        'Zomro takes no schedule changes while this instance is in error or uploading an image. Nothing was sent; try again once it runs normally.',
      UPSTREAM_TIMEOUT_change:
        'Zomro did not answer in time; the change may still have gone through. Check the list before trying again.',
    },
  },
  // The schedule form's messages (the sign-in form's stay with the first screen).
  validation: {
    nameRequired: 'Name is required',
    nameTooLong: 'Name must be at most {{max}} characters',
    nameControl:
      'Name must not contain control characters, text-direction controls or broken characters',
    daysRequired: 'Choose at least one day',
    daysDistinct: 'Each day may appear only once',
    timeRequired: 'Time is required',
    timeInvalid: 'Time must be a valid time between 00:00 and 23:59',
  },
  // The session-expired dialog's own texts (its sign-in form's are the first screen's).
  auth: {
    expiredTitle: 'Your session has expired',
    expiredText:
      'Sign in again to continue. This page stays as it is and an unsaved change is sent after you sign in.',
    expiredDismissed: 'Sign in again to continue.',
    // The second sign-in step (two-factor accounts).
    totpText: 'Open your authenticator app and type the current code for {{username}}.',
    totpLabel: 'Authentication code',
    totpSubmit: 'Verify',
    totpBack: 'Use another account',
  },
  // The form that changes how many backups are kept.
  retention: {
    label: 'Backups kept',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    hint: 'Zomro keeps this many of the newest scheduled backups (1–10) and removes older ones.',
    saved: 'Zomro now keeps {{count}} scheduled backups.',
    saveFailed: 'Could not change how many backups are kept',
  },
  // What "Copy as curl" says once the clipboard has (or has not) taken the command.
  copy: {
    curlCopied: 'The curl command for “{{name}}” is on the clipboard (set $ZOMRO_AUTH first).',
    curlFailed: 'The browser did not allow copying to the clipboard.',
  },
  // What a save or a delete says afterwards (both start in a form or dialog that loads these texts).
  schedules: {
    created: 'Schedule “{{name}}” created.',
    createdPending: 'Zomro accepted “{{name}}”; it will show in the list in a moment.',
    updated: 'Changes to “{{name}}” saved.',
    deleted: 'Schedule “{{name}}” deleted.',
    createFailed: 'Could not create “{{name}}”.',
    updateFailed: 'Could not save “{{name}}”.',
    alreadyDeleted:
      'Schedule “{{name}}” had already been deleted (by someone else, or in another tab).',
    deleteFailed: 'Could not delete “{{name}}”; it is back in the list.',
    notFound: 'This schedule no longer exists.',
  },
  // Apply to many on the overview.
  fleet: {
    applyTitle_one: 'Apply a schedule to {{count}} server',
    applyTitle_other: 'Apply a schedule to {{count}} servers',
    copyNote: 'Copied from “{{name}}”. Choose the servers to apply it to.',
    selectFirst: 'Select at least one server in the list first.',
    applying_one: 'Applying to {{count}} server…',
    applying_other: 'Applying to {{count}} servers…',
    outcomeTitle: 'Outcome per server',
    outcomeSummary: '{{created}} created, {{failed}} failed',
    created: 'Created',
    failed: 'Failed: {{message}}',
    retryFailed: 'Retry the failed ({{count}})',
    done: 'Done',
    chosen_one: 'The chosen server ({{count}})',
    chosen_other: 'The chosen servers ({{count}})',
    spread: 'Spread the start times',
    spreadWindow: 'Over',
    spreadMinutes_one: '{{count}} minute',
    spreadMinutes_other: '{{count}} minutes',
    spreadOffset: '+{{minutes}} min',
    // The overview's grid, once opened.
    gridCaption: 'How many backups start in each hour of the week ({{zone}})',
    gridZone: 'Times in',
    gridProvider: 'Zomro time ({{zone}})',
    gridLocal: 'Your time ({{zone}})',
    gridCell: '{{day}} {{hour}}:00 — {{count}}',
    gridListTitle: 'Starting {{day}} {{hour}}:00–{{hour}}:59 ({{zone}})',
    gridListClose: 'Close the list',
  },
  // Why an instance's schedules cannot be changed now (shown only then).
  blocked: {
    title: 'Schedules cannot be changed now',
    text: 'This instance is in the “{{status}}” state, in which Zomro takes no schedule changes. Its schedules stay as they are; you can change them once it runs normally again.',
    backToSchedules: 'Back to the schedules',
  },
  // The page for an unknown address.
  app: {
    notFoundTitle: 'Page not found',
    notFoundText: 'There is nothing at this address.',
  },
  // Sign-in through an organisation’s single sign-on only.
  team: {
    proxyOnlyTitle: 'Sign in through your organisation',
    proxyOnlyText:
      'This dashboard is opened through your organisation’s single sign-on. Use the address you were given for it; it signs you in by itself.',
  },
};
