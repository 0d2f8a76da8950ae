// The English texts the app starts with (one chunk, loaded only when the UI is in English).
import { en } from './en';
import { fleetEn } from './fleet-en';
import { teamEn } from './team-en';

export const texts = [en, teamEn, fleetEn];
