// Adds the overview's texts to the UI's languages when its chunk loads: they are not needed for
// the sign-in page or an instance's schedules, so they stay out of the language chunks.
import { addTexts } from '@/lib/i18n';
import { overviewEn } from './i18n-en';
import { overviewRu } from './i18n-ru';

addTexts('en', overviewEn);
addTexts('ru', overviewRu);
