// Characters a name shown to people may not hold, whoever typed it (a schedule's name, an
// operator's): control characters, bidi controls (U+202E turns "evil" into "live" on screen) and
// lone surrogates (half a character, which no font draws and some stores refuse).

/** C0 and C1 control characters. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Bidi embeddings, overrides, isolates and marks. */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A high surrogate without its low half, or a low one without its high half. */
export const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a name's characters, or null when nothing is. */
export function unsafeCharacters(text: string): 'control' | 'bidi' | 'surrogate' | null {
  if (CONTROL_CHARACTERS.test(text)) return 'control';
  if (BIDI_CONTROLS.test(text)) return 'bidi';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return null;
}
