// English texts the schedule pages need for the fleet: a row's copy actions and the overlap
// warning (the overview's own texts load with it: features/fleet/i18n-en.ts).
export const fleetEn = {
  copy: {
    toOthers: 'Copy to other servers',
    toOthersLabel: 'Copy {{name}} to other servers',
    curl: 'Copy as curl',
    curlLabel: 'Copy {{name}} as curl',
    curlCopied: 'The curl command for “{{name}}” is on the clipboard (set $ZOMRO_AUTH first).',
    curlFailed: 'The browser did not allow copying to the clipboard.',
  },
  overlap: {
    warning:
      'Starts at the same time as “{{name}}” on {{days}}. Zomro takes both; the backups will compete.',
  },
};
