import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const org = (flag: boolean) =>
  edit(ORG, '    certificateTtl: 90d\n', `    certificateTtl: 90d\n    requireCostCenter: ${flag}\n`);
const withCostCenter = edit(IDENTITY, '    team: payments\n', '    team: payments\n    costCenter: CC-1042\n');

ruleTable('stewardship/cost-center-required', {
  good: [
    { name: 'not required (limit absent)', files: { [at]: IDENTITY } },
    { name: 'not required (false)', files: { 'identities/org.yaml': org(false), [at]: IDENTITY } },
    { name: 'required and present', files: { 'identities/org.yaml': org(true), [at]: withCostCenter } },
    { name: 'org.yaml absent', files: { 'identities/org.yaml': null, [at]: IDENTITY } },
    { name: 'tombstone', files: { 'identities/org.yaml': org(true), [at]: `${IDENTITY}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'required and missing',
      files: { 'identities/org.yaml': org(true), [at]: IDENTITY },
      expect: [
        {
          line: 8,
          column: 3,
          messageId: 'missing',
          message: /costCenter is required \(org\.yaml sets limits\.requireCostCenter: true\)/,
        },
      ],
    },
    {
      name: 'suspended identities need one too',
      files: { 'identities/org.yaml': org(true), [at]: `${IDENTITY}  status: suspended\n` },
      expect: [{ line: 8, column: 3, messageId: 'missing' }],
    },
  ],
});
