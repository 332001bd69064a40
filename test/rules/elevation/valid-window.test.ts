import { edit, ruleTable } from '../harness.js';
import { at, during as elevation, withElevations } from './fixture.js';

const good = elevation('2026-11-23T08:00:00Z', '2026-11-23T16:00:00Z');

ruleTable('elevation/valid-window', {
  good: [
    { name: 'from before until', files: { [at]: withElevations(good) } },
    { name: 'one minute', files: { [at]: withElevations(elevation('2026-11-23T08:00:00Z', '2026-11-23T08:01:00Z')) } },
    {
      name: 'time zones are honoured',
      files: { [at]: withElevations(elevation('2026-11-23T10:00:00+02:00', '2026-11-23T08:30:00Z')) },
    },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(
          withElevations(elevation('2026-11-23T16:00:00Z', '2026-11-23T08:00:00Z')),
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: decommissioned\n',
        ),
      },
    },
  ],
  bad: [
    {
      name: 'empty window',
      files: { [at]: withElevations(elevation('2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z')) },
      expect: [
        {
          line: 29,
          column: 14,
          messageId: 'emptyWindow',
          message: /until 2026-11-23T08:00:00Z is not after from 2026-11-23T08:00:00Z/,
        },
      ],
    },
    {
      name: 'swapped fields',
      files: { [at]: withElevations(elevation('2026-11-23T16:00:00Z', '2026-11-23T08:00:00Z')) },
      expect: [{ line: 29, column: 14, messageId: 'emptyWindow' }],
    },
    {
      name: 'a time zone turns it around',
      files: { [at]: withElevations(elevation('2026-11-23T08:00:00Z', '2026-11-23T09:00:00+02:00')) },
      expect: [{ line: 29, column: 14, messageId: 'emptyWindow' }],
    },
    {
      name: 'the second elevation',
      files: {
        [at]: withElevations(good, elevation('2026-11-24T08:00:00Z', '2026-11-23T08:00:00Z')),
        'identities/org.yaml': null,
      },
      expect: [{ line: 38, column: 14, messageId: 'emptyWindow' }],
    },
  ],
});
