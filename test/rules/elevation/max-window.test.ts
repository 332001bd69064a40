import { edit, ORG, ruleTable } from '../harness.js';
import { at, during as elevation, withElevations } from './fixture.js';

const eightHours = elevation('2026-11-23T08:00:00Z', '2026-11-23T16:00:00Z');
const day = elevation('2026-11-23T08:00:00Z', '2026-11-24T08:00:00Z');

ruleTable('elevation/max-window', {
  good: [
    { name: 'exactly the limit (inclusive)', files: { [at]: withElevations(eightHours) } },
    {
      name: 'the limit across a time zone',
      files: { [at]: withElevations(elevation('2026-11-23T10:00:00+02:00', '2026-11-23T16:00:00Z')) },
    },
    {
      name: 'no maxElevation in org.yaml',
      files: { 'identities/org.yaml': edit(ORG, '    maxElevation: 8h\n', ''), [at]: withElevations(day) },
    },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: withElevations(day) } },
    {
      name: "an inverted window is valid-window's business",
      files: { [at]: withElevations(elevation('2026-11-24T08:00:00Z', '2026-11-23T08:00:00Z')) },
    },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(withElevations(day), '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n'),
      },
    },
  ],
  bad: [
    {
      name: 'a minute over',
      files: { [at]: withElevations(elevation('2026-11-23T08:00:00Z', '2026-11-23T16:01:00Z')) },
      expect: [
        { line: 29, column: 14, messageId: 'tooLong', message: /elevation window 8h1m exceeds the limit of 8h/ },
      ],
    },
    {
      name: 'a day',
      files: { [at]: withElevations(day) },
      expect: [{ line: 29, column: 14, messageId: 'tooLong', message: /window 1d exceeds the limit of 8h/ }],
    },
    {
      name: 'only the long one of two',
      files: { [at]: withElevations(eightHours, day) },
      expect: [{ line: 38, column: 14, messageId: 'tooLong' }],
    },
  ],
});
