// The English texts of the first screen's path (one chunk, loaded only when the UI is in English):
// sign-in, the overview, an instance's schedules, errors. The rest is in on-demand-en.ts.
import { overviewEn } from '@/features/fleet/i18n-en';
import { en } from './en';
import { fleetEn } from './fleet-en';
import { teamEn } from './team-en';

export const texts = [en, teamEn, fleetEn, overviewEn];
