import { edit, ruleTable } from '../harness.js';
import { approvedBy as elevation, at, withElevations } from './fixture.js';

ruleTable('elevation/approver-known', {
  good: [
    { name: 'a member of another team', files: { [at]: withElevations(elevation('dave@example.com')) } },
    { name: 'a member of the same team', files: { [at]: withElevations(elevation('carol@example.com')) } },
    { name: 'a security owner', files: { [at]: withElevations(elevation('sec@example.com')) } },
    { name: 'emails compare case-insensitively', files: { [at]: withElevations(elevation('Dave@Example.COM')) } },
    {
      name: 'without org.yaml',
      files: { 'identities/org.yaml': null, [at]: withElevations(elevation('mallory@example.com')) },
    },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(
          withElevations(elevation('mallory@example.com')),
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: decommissioned\n',
        ),
      },
    },
  ],
  bad: [
    {
      name: 'unknown approver',
      files: { [at]: withElevations(elevation('mallory@example.com')) },
      expect: [
        {
          line: 27,
          column: 19,
          messageId: 'unknownApprover',
          message: /approver "mallory@example.com" is neither a team member nor a security owner/,
        },
      ],
    },
    {
      name: 'a mistyped security owner',
      files: { [at]: withElevations(elevation('sec@exampel.com')) },
      expect: [
        {
          line: 27,
          column: 19,
          messageId: 'unknownApprover',
          message: new RegExp(
            String.raw`^elevation approver "sec@exampel\.com" is neither a team member nor a security owner in ` +
              String.raw`org\.yaml; did you mean sec@example\.com\?$`,
          ),
        },
      ],
    },
    {
      name: 'only the unknown one of two',
      files: { [at]: withElevations(elevation('dave@example.com'), elevation('dave@example.org')) },
      expect: [{ line: 36, column: 19, messageId: 'unknownApprover' }],
    },
  ],
});
