// Zomro's names for the fields the dashboard sends, and the dashboard's own: Zomro names the field
// at fault in its errors (`$object`, or the keys of a JSON `$object` from Fleio-backed functions),
// and the API answers with the name the operator's form uses.
const API_FIELDS: Readonly<Record<string, string>> = {
  name: 'name',
  rotation_days: 'days',
  rotation_time: 'time',
  backup_rotation: 'retention',
  qrcode: 'code',
};

/** The API's name for a Zomro field; an unknown one keeps Zomro's name. */
export function apiFieldName(zomroField: string): string {
  return API_FIELDS[zomroField] ?? zomroField;
}

/** Zomro fields the dashboard sends that hold values, not ids of things that may be gone. */
export const VALUE_FIELDS: ReadonlySet<string> = new Set(Object.keys(API_FIELDS));
