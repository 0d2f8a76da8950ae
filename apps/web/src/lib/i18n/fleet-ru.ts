// Russian texts of a schedule row's copy actions (see fleet-en.ts).
export const fleetRu = {
  copy: {
    toOthers: 'Копировать на другие серверы',
    toOthersLabel: 'Копировать {{name}} на другие серверы',
    curl: 'Копировать как curl',
    curlLabel: 'Копировать {{name}} как curl',
  },
};
