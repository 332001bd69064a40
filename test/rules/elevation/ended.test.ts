import { edit, IDENTITY, ruleTable } from '../harness.js';
import { at, endingAt as elevation, withElevations } from './fixture.js';

const today = withElevations(elevation('2026-11-23T16:00:00Z'));

ruleTable('elevation/ended', {
  good: [
    { name: 'not started yet', files: { [at]: today } },
    { name: 'running, one second before the end', files: { [at]: today }, now: '2026-11-23T15:59:59Z' },
    {
      name: 'a tombstone is skipped',
      files: { [at]: edit(today, '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n') },
      now: '2026-12-01',
    },
  ],
  bad: [
    {
      name: 'ends exactly now',
      files: { [at]: today },
      now: '2026-11-23T16:00:00Z',
      expect: [
        {
          line: 29,
          column: 14,
          messageId: 'ended',
          message: /elevation ended at 2026-11-23T16:00:00Z \(now 2026-11-23T16:00:00Z\); remove it/,
        },
      ],
    },
    {
      name: 'long past, time zone normalised',
      files: {
        [at]: `${IDENTITY}  elevations:\n${elevation('2026-11-23T18:00:00+02:00')}`,
        'identities/org.yaml': null,
      },
      now: '2026-12-01',
      expect: [{ line: 29, column: 14, messageId: 'ended', message: /ended at 2026-11-23T16:00:00Z/ }],
    },
  ],
});
