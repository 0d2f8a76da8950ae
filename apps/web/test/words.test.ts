// The words a person reads on the main screens (issue 20 item 9): "servers", never "instances"
// (Zomro's API word); "no schedule" where a server has none (it may still have old backups); in
// Russian no slang "бэкап", and the two "Изменить" buttons (a schedule, the number kept) differ.
// The Activity screen's texts (on-demand dictionaries) are out of this check for now.
import { describe, expect, it } from 'vitest';
import { overviewEn } from '@/features/fleet/i18n-en';
import { overviewRu } from '@/features/fleet/i18n-ru';
import { en } from '@/lib/i18n/en';
import { fleetEn } from '@/lib/i18n/fleet-en';
import { fleetRu } from '@/lib/i18n/fleet-ru';
import { ru } from '@/lib/i18n/ru';

/** Every text of a dictionary, with its key path; placeholders ({{instance}}) are not words. */
function texts(dictionary: object, prefix = ''): Array<[string, string]> {
  return Object.entries(dictionary).flatMap(([key, value]): Array<[string, string]> =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value.replace(/\{\{\w+\}\}/g, '…')]]
      : texts(value as object, `${prefix}${key}.`),
  );
}

const english = [...texts(en), ...texts(fleetEn), ...texts(overviewEn)];
const russian = [...texts(ru), ...texts(fleetRu), ...texts(overviewRu)];

describe('words', () => {
  it('says "servers", not "instances", in English', () => {
    expect(english.filter(([, text]) => /\binstances?\b/i.test(text))).toEqual([]);
  });

  it('calls a server without a schedule that, not "no backups"', () => {
    expect(overviewEn.fleet.noBackups).toBe('No schedule');
    expect(overviewRu.fleet.noBackups).toBe('Нет расписания');
    expect(english.filter(([, text]) => /without backups|no backups/i.test(text))).toEqual([]);
  });

  it('uses no "бэкап" in Russian, and tells the two Change buttons apart', () => {
    expect(russian.filter(([, text]) => /бэкап/i.test(text))).toEqual([]);
    expect(ru.retention.change).not.toBe(ru.schedules.edit);
  });
});
