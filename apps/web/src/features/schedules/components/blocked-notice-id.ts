// The blocked notice's id: disabled controls name it in `aria-describedby`. Apart from the notice,
// which loads on demand (docs/decisions/017-first-screen.md), so that the page can name it at once.
export const BLOCKED_NOTICE_ID = 'schedule-changes-blocked';
