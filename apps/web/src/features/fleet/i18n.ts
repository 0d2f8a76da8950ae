// Adds the overview's texts to the UI's languages when its chunk loads: they are not needed for
// the sign-in page or an instance's schedules, so they stay out of the first screen.
import { i18n } from '@/lib/i18n';
import { overviewEn } from './i18n-en';
import { overviewRu } from './i18n-ru';

i18n.addResourceBundle('en', 'translation', overviewEn, true, false);
i18n.addResourceBundle('ru', 'translation', overviewRu, true, false);
