// src/apply/pending.ts unprotectTombstones lifts `protect` (set by src/compile/aws.ts on the IAM role
// or user of a high or critical identity) only for a manifest that says decommissioned in the same
// team; Pulumi refuses any other delete or replace of it.
import { moveReader as moved, planTable, READER, renameReader as renamed, type Editable } from './harness.js';

const EXPORTER = 'identities/data/report-exporter.yaml';
const BOT = 'identities/platform/release-bot.yaml';
const LOWER =
  'settlement-reader is protected (criticality high): lower spec.criticality in a change of its own and ' +
  'apply it before you';
const ROLE = 'settlement-reader.aws.role (aws:iam/role:Role)';
const TAIL = `Otherwise Pulumi refuses to delete ${ROLE} and the apply of team payments fails`;

const lowered = (f: Editable): void => void f.edit(READER, 'criticality: high', 'criticality: medium');
const decommissioned = (f: Editable): void => void f.edit(READER, 'status: active', 'status: decommissioned');

planTable('plan/protected-resource', 'error', {
  good: [
    { name: 'decommissioned instead of deleted: apply lifts the protection', change: decommissioned },
    {
      name: 'the file of a decommissioned identity removed in a later change',
      base: decommissioned,
      change: (f) => void f.remove(READER),
    },
    { name: 'criticality lowered', change: lowered },
    {
      name: 'removed after its criticality was lowered and applied',
      base: lowered,
      change: (f) => void f.remove(READER),
    },
    { name: 'renamed after its criticality was lowered and applied', base: lowered, change: renamed },
    { name: 'an unprotected (medium) identity removed', change: (f) => void f.remove(EXPORTER) },
    {
      name: 'an unprotected (low) identity renamed and moved to another team',
      change: (f) => {
        const text = f
          .read(BOT)
          .replace('  name: release-bot\n', '  name: release-helper\n  renamedFrom: release-bot\n')
          .replace('    team: platform\n', '    team: payments\n');
        f.remove(BOT);
        f.write('identities/payments/release-helper.yaml', text);
      },
    },
    {
      name: "a protected identity's permissions narrowed (an update, not a replace)",
      change: (f) => void f.edit(READER, 'actions: [s3:GetObject, s3:ListBucket]', 'actions: [s3:GetObject]'),
    },
  ],
  bad: [
    {
      name: 'its file removed: at the file, 1:1',
      change: (f) => void f.remove(READER),
      findings: [
        {
          file: READER,
          line: 1,
          column: 1,
          identity: 'settlement-reader',
          messageId: 'fileRemoved',
          message:
            `settlement-reader is protected (criticality high): set \`status: decommissioned\` instead of ` +
            `deleting the file (remove it in a later change). ${TAIL}`,
        },
      ],
    },
    {
      // A rename changes the IAM role's name, which replaces it (src/plan/diff-resources.ts REPLACE_ON).
      name: 'renamed: at metadata.name',
      change: renamed,
      findings: [
        {
          file: 'identities/payments/settlement-ingest.yaml',
          line: 5,
          column: 9,
          identity: 'settlement-ingest',
          messageId: 'changed',
          message:
            `${LOWER} rename it (its IAM name). Otherwise Pulumi refuses to replace ${ROLE} and the apply of ` +
            `team payments fails`,
        },
      ],
    },
    {
      // One stack per team: the old team's stack deletes the role, and the tombstone list is per team
      // (src/apply/driver.ts).
      name: 'moved to another team: at spec.stewardship.team',
      change: moved,
      findings: [
        {
          file: 'identities/platform/settlement-reader.yaml',
          line: 15,
          column: 11,
          identity: 'settlement-reader',
          messageId: 'changed',
          message: `${LOWER} move it to team platform (a new stack). ${TAIL}`,
        },
      ],
    },
    {
      name:
        "decommissioned and moved to another team in one change: the old team's stack still deletes a " +
        'protected role',
      change: (f) => {
        decommissioned(f);
        moved(f);
      },
      findings: [
        {
          file: 'identities/platform/settlement-reader.yaml',
          line: 15,
          column: 11,
          identity: 'settlement-reader',
          messageId: 'changed',
          message: `${LOWER} move it to team platform (a new stack). ${TAIL}`,
        },
      ],
    },
    {
      // A new provider (another account) replaces every resource of that provider.
      name: 'moved to another AWS account: at the account',
      change: (f) => void f.edit(READER, 'account: "123456789012"', 'account: "210987654321"'),
      findings: [
        {
          file: READER,
          line: 24,
          column: 16,
          identity: 'settlement-reader',
          messageId: 'changed',
          message:
            `${LOWER} move it to AWS account 210987654321. Otherwise Pulumi refuses to replace ${ROLE} and ` +
            `the apply of team payments fails`,
        },
      ],
    },
    {
      name: 'a role turned into a user: at the principal',
      change: (f) =>
        void f.edit(
          READER,
          'principal: role\n      trust:\n        kubernetes: { cluster: prod-eu, namespace: payments, ' +
            'serviceAccount: settlement-reader }\n',
          'principal: user\n',
        ),
      findings: [
        {
          file: READER,
          line: 25,
          column: 18,
          identity: 'settlement-reader',
          messageId: 'changed',
          message: `${LOWER} make it a user. ${TAIL}`,
        },
      ],
    },
    {
      name: 'its AWS access removed: at spec.access',
      change: (f) =>
        void f.write(READER, f.read(READER).replace(/ {4}aws:\n {6}account[\s\S]*?(?= {4}kubernetes:\n)/, '')),
      findings: [
        {
          file: READER,
          line: 22,
          column: 3,
          identity: 'settlement-reader',
          messageId: 'changed',
          message: `${LOWER} remove its AWS access. ${TAIL}`,
        },
      ],
    },
    {
      // ledger-writer is critical but has no IAM role or user, the only resources compile protects.
      name: 'three protected identities removed at once, beside unprotected ones: one finding each',
      change: (f) => {
        for (const p of [
          'data/support-assistant',
          'payments/settlement-reader',
          'platform/ci-deployer',
          'data/report-exporter',
          'payments/ledger-writer',
        ])
          f.remove(`identities/${p}.yaml`);
      },
      findings: [
        ['data', 'support-assistant'],
        ['payments', 'settlement-reader'],
        ['platform', 'ci-deployer'],
      ].map(([team, name]) => ({
        file: `identities/${team}/${name}.yaml`,
        line: 1,
        column: 1,
        identity: name!,
        messageId: 'fileRemoved',
        message:
          `${name} is protected (criticality high): set \`status: decommissioned\` instead of deleting the ` +
          `file (remove it in a later change). Otherwise Pulumi refuses to delete ${name}.aws.role ` +
          `(aws:iam/role:Role) and the apply of team ${team} fails`,
      })),
    },
  ],
});
