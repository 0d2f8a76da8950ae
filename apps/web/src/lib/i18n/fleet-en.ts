// English texts the schedule pages need for the fleet: a row's copy actions (the overview's own
// texts are features/fleet/i18n-en.ts; the overlap warning is in on-demand-en.ts).
export const fleetEn = {
  copy: {
    toOthers: 'Copy to other servers',
    toOthersLabel: 'Copy {{name}} to other servers',
    curl: 'Copy as curl',
    curlLabel: 'Copy {{name}} as curl',
  },
};
