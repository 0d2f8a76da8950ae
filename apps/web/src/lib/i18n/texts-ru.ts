// The Russian texts of the first screen's path (one chunk, loaded only when the UI is in Russian):
// sign-in, the overview, an instance's schedules, errors. The rest is in on-demand-ru.ts.
import { overviewRu } from '@/features/fleet/i18n-ru';
import { fleetRu } from './fleet-ru';
import { ru } from './ru';
import { teamRu } from './team-ru';

export const texts = [ru, teamRu, fleetRu, overviewRu];
