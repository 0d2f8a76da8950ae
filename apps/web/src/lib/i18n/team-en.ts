// English texts of team mode: roles, the Activity page, "last changed by", and edit conflicts.
// Kept apart from en.ts so that the team features stay in one place.
export const teamEn = {
  team: {
    subtitlePersonal:
      'Use your Zomro account. The dashboard keeps the Zomro session on its server.',
    subtitleTeam:
      'Sign in with your own dashboard account (your administrator gave you one), not the company’s Zomro password.',
    proxyOnlyTitle: 'Sign in through your organisation',
    proxyOnlyText:
      'This dashboard is opened through your organisation’s single sign-on. Use the address you were given for it; it signs you in by itself.',
    viewOnly: 'View only',
    viewOnlyTitle: 'You can see schedules but not change them. Ask an editor for changes.',
    viewerEmpty: 'Editors can add one; you can see schedules but not change them.',
    lastChanged: {
      'schedule.create': 'Created by {{actor}} · {{when}}',
      'schedule.update': 'Last changed by {{actor}} · {{when}}',
    },
    you: 'you',
  },
  nav: {
    label: 'Main',
    instances: 'Overview',
    activity: 'Activity',
  },
  activity: {
    title: 'Activity',
    lead: 'Who signed in, and who created, changed or deleted which schedule — newest first.',
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
      other: 'Other ({{action}})',
    },
    outcome: {
      ok: 'Done',
      failed: 'Failed',
      unknown: 'Unknown',
      unknownTitle: 'Zomro’s answer was lost: the change may or may not have happened.',
    },
    schedule: 'schedule {{id}}',
    empty: 'Nothing has been recorded yet.',
    emptyFiltered: 'No activity matches these filters.',
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
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
/** What every language must fill in for team mode (checked by the compiler). */
export type TeamTranslation = DeepStrings<typeof teamEn>;
