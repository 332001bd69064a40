import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const expiresSoon = edit(IDENTITY, 'expires: 2027-05-31', 'expires: 2026-11-23');

ruleTable('lifecycle/expired', {
  good: [
    { name: 'expires in the future', files: { [at]: IDENTITY } },
    { name: 'valid through the whole expiry day', files: { [at]: expiresSoon }, now: '2026-11-23T23:59:59Z' },
    {
      name: 'an offset that is still the expiry day in UTC',
      files: { [at]: expiresSoon },
      now: '2026-11-24T00:30:00+01:00',
    },
    { name: 'tombstone', files: { [at]: `${IDENTITY}  status: decommissioned\n` }, now: '2030-01-01' },
  ],
  bad: [
    {
      name: 'from the start of the next day',
      files: { [at]: expiresSoon },
      now: '2026-11-24',
      expect: [{ line: 12, column: 12, messageId: 'expired', message: /expired: spec\.expires is 2026-11-23/ }],
    },
    {
      name: 'long past',
      files: { [at]: edit(IDENTITY, 'expires: 2027-05-31', 'expires: 2020-01-01') },
      expect: [{ line: 12, column: 12, messageId: 'expired', message: /2020-01-01/ }],
    },
    {
      name: 'suspended identities still expire',
      files: { [at]: `${expiresSoon}  status: suspended\n` },
      now: '2026-11-24',
      expect: [{ line: 12, column: 12, messageId: 'expired' }],
    },
    {
      name: 'org.yaml absent: expiry needs no org.yaml',
      files: { 'identities/org.yaml': null, [at]: expiresSoon },
      now: '2026-11-24T00:00:00Z',
      expect: [{ line: 12, column: 12, messageId: 'expired' }],
    },
  ],
});
