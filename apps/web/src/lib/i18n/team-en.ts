// English texts of team mode: roles, the Activity page, "last changed by", and edit conflicts.
// Kept apart from en.ts so that the team features stay in one place.
export const teamEn = {
  team: {
    subtitleTeam:
      'Sign in with your own dashboard account (your administrator gave you one), not the company’s Zomro password.',
    viewOnly: 'View only',
    viewOnlyTitle: 'You can see schedules but not change them. Ask an editor for changes.',
    viewerEmpty: 'Editors can add one; you can see schedules but not change them.',
    lastChanged: {
      'schedule.create': 'Created by {{actor}} · {{when}}',
      'schedule.update': 'Last changed by {{actor}} · {{when}}',
    },
  },
  nav: {
    label: 'Main',
    instances: 'Overview',
    activity: 'Activity',
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
/** What every language must fill in for team mode (checked by the compiler). */
export type TeamTranslation = DeepStrings<typeof teamEn>;
