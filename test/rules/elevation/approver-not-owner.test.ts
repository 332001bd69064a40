import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const elevation = (approver: string) => `    - reason: INC-1 replay failed settlements
      approvedBy: ${approver}
      from: 2026-11-23T08:00:00Z
      until: 2026-11-23T16:00:00Z
      access:
        aws:
          permissions:
            - actions: [s3:PutObject]
              resources: [arn:aws:s3:::bank-drop/replay/*]
`;
const withElevations = (...items: string[]) => `${IDENTITY}  elevations:\n${items.join('')}`;

ruleTable('elevation/approver-not-owner', {
  good: [
    { name: 'someone else', files: { [at]: withElevations(elevation('dave@example.com')) } },
    { name: 'the successor may approve', files: { [at]: withElevations(elevation('bob@example.com')) } },
    { name: 'a tombstone is skipped', files: { [at]: edit(withElevations(elevation('alice@example.com')), '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n') } },
  ],
  bad: [
    { name: 'the owner approves', files: { [at]: withElevations(elevation('alice@example.com')) }, expect: [{ line: 27, column: 19, message: /approver "alice@example.com" is the owner/ }] },
    { name: 'case does not hide the owner', files: { [at]: withElevations(elevation('Alice@EXAMPLE.com')) }, expect: [{ line: 27, column: 19 }] },
    { name: 'also without org.yaml', files: { 'identities/org.yaml': null, [at]: withElevations(elevation('dave@example.com'), elevation('alice@example.com')) }, expect: [{ line: 36, column: 19 }] },
  ],
});
