// src/compile/aws.ts tags every IAM object with its identity, team and owner; IAM rejects a value
// over 256 characters or with a character outside letters, digits, spaces and _ . : / = + - @.
import { ORG, planTable, type Editable } from './harness.js';

const EXPORTER = 'identities/data/report-exporter.yaml';
const BOT = 'identities/platform/release-bot.yaml';
const owner =
  (file: string, team: string, from: string, to: string) =>
  (f: Editable): void => {
    f.edit(ORG, `members: [${team}`, `members: [${to}, ${team}`);
    f.edit(file, `owner: ${from}`, `owner: ${to}`);
  };
const message = (path: string, tag: string, who: string) =>
  `use a value IAM accepts as a tag (at most 256 letters, digits, spaces and _ . : / = + - @): ${path} ` +
  `becomes the tag ${tag} on ${who}'s IAM objects, and the apply fails`;

planTable('plan/aws-tag-value', 'error', {
  good: [
    {
      name: 'an owner address with + (IAM accepts it)',
      change: owner(EXPORTER, 'heidi@acme.example', 'heidi@acme.example', 'heidi+ops@acme.example'),
    },
    {
      name: 'an owner address with % on an identity without IAM objects (Kubernetes only)',
      change: owner(BOT, 'erin@acme.example', 'frank@acme.example', 'frank%ops@acme.example'),
    },
    { name: 'an unchanged example', change: (f) => void f.edit(EXPORTER, 'purpose: ', 'purpose: Monthly: ') },
  ],
  bad: [
    {
      name: 'an owner address with %: at spec.stewardship.owner',
      change: owner(EXPORTER, 'heidi@acme.example', 'heidi@acme.example', 'heidi%ops@acme.example'),
      findings: [
        {
          file: EXPORTER,
          line: 11,
          column: 12,
          identity: 'report-exporter',
          messageId: 'tagValue',
          message: message('spec.stewardship.owner', 'idac:owner', 'report-exporter'),
        },
      ],
    },
    {
      name: 'an owner address with %, on a role',
      change: owner(
        'identities/payments/settlement-reader.yaml',
        'alice@acme.example',
        'alice@acme.example',
        'alice%ops@acme.example',
      ),
      findings: [
        {
          file: 'identities/payments/settlement-reader.yaml',
          line: 13,
          column: 12,
          identity: 'settlement-reader',
          messageId: 'tagValue',
          message: message('spec.stewardship.owner', 'idac:owner', 'settlement-reader'),
        },
      ],
    },
  ],
});
