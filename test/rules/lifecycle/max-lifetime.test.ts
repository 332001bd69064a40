import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const expires = (date: string) => edit(IDENTITY, 'expires: 2027-05-31', `expires: ${date}`);

// NOW is 2026-11-23 and ORG sets maxLifetime: 365d, so the latest allowed date is 2027-11-23.
ruleTable('lifecycle/max-lifetime', {
  good: [
    { name: 'well within', files: { [at]: IDENTITY } },
    { name: 'exactly at the limit', files: { [at]: expires('2027-11-23') } },
    {
      name: 'the hour of the run does not matter',
      files: { [at]: expires('2027-11-23') },
      now: '2026-11-23T23:59:59Z',
    },
    { name: "already expired is lifecycle/expired's business", files: { [at]: expires('2020-01-01') } },
    {
      name: 'no limit in org.yaml',
      files: { 'identities/org.yaml': edit(ORG, '    maxLifetime: 365d\n', ''), [at]: expires('2099-01-01') },
    },
    { name: 'org.yaml absent', files: { 'identities/org.yaml': null, [at]: expires('2099-01-01') } },
    { name: 'tombstone', files: { [at]: `${expires('2099-01-01')}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'one day over',
      files: { [at]: expires('2027-11-24') },
      expect: [
        {
          line: 12,
          column: 12,
          messageId: 'tooFar',
          message: new RegExp(
            String.raw`spec\.expires 2027-11-24 is more than limits\.maxLifetime 365d away; the latest allowed ` +
              String.raw`date is 2027-11-23`,
          ),
        },
      ],
    },
    {
      name: 'far future',
      files: { [at]: expires('2099-12-31') },
      expect: [{ line: 12, column: 12, messageId: 'tooFar', message: /latest allowed date is 2027-11-23/ }],
    },
    {
      name: 'a shorter limit',
      files: { 'identities/org.yaml': edit(ORG, 'maxLifetime: 365d', 'maxLifetime: 90d'), [at]: IDENTITY },
      expect: [
        { line: 12, column: 12, messageId: 'tooFar', message: /90d away; the latest allowed date is 2027-02-21/ },
      ],
    },
  ],
});
