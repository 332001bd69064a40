import { edit, ruleTable } from '../harness.js';
import { approvedBy as elevation, at, withElevations } from './fixture.js';

ruleTable('elevation/approver-not-owner', {
  good: [
    { name: 'someone else', files: { [at]: withElevations(elevation('dave@example.com')) } },
    { name: 'the successor may approve', files: { [at]: withElevations(elevation('bob@example.com')) } },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(
          withElevations(elevation('alice@example.com')),
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: decommissioned\n',
        ),
      },
    },
  ],
  bad: [
    {
      name: 'the owner approves',
      files: { [at]: withElevations(elevation('alice@example.com')) },
      expect: [
        { line: 27, column: 19, messageId: 'ownerApproved', message: /approver "alice@example.com" is the owner/ },
      ],
    },
    {
      name: 'case does not hide the owner',
      files: { [at]: withElevations(elevation('Alice@EXAMPLE.com')) },
      expect: [{ line: 27, column: 19, messageId: 'ownerApproved' }],
    },
    {
      name: 'also without org.yaml',
      files: {
        'identities/org.yaml': null,
        [at]: withElevations(elevation('dave@example.com'), elevation('alice@example.com')),
      },
      expect: [{ line: 36, column: 19, messageId: 'ownerApproved' }],
    },
  ],
});
