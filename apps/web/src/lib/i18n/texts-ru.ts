// The Russian texts the app starts with (one chunk, loaded only when the UI is in Russian).
import { fleetRu } from './fleet-ru';
import { ru } from './ru';
import { teamRu } from './team-ru';

export const texts = [ru, teamRu, fleetRu];
