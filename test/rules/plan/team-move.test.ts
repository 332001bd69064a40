// One stack per team, applied independently (src/apply/driver.ts): moving an identity under the same
// name makes the new team's stack create what the old one deletes, under the same physical names.
import { ACME, planTable, type Editable } from './harness.js';

const EXPORTER = 'identities/data/report-exporter.yaml';
const BOT = 'identities/platform/release-bot.yaml';

const move =
  (file: string, from: string, to: string, name?: string) =>
  (f: Editable): void => {
    const base = file.split('/').pop()!.replace('.yaml', '');
    let text = f.read(file).replace(`    team: ${from}\n`, `    team: ${to}\n`);
    if (name) text = text.replace(`  name: ${base}\n`, `  name: ${name}\n  renamedFrom: ${base}\n`);
    f.remove(file);
    f.write(`identities/${to}/${name ?? base}.yaml`, text);
  };

const TAIL =
  'while stack data deletes the same objects, and the two stacks run independently — the create fails while ' +
  'the old object exists, or the delete removes what the other stack wrote';
const publisherDelivery = (f: Editable): void =>
  void f.edit(
    'identities/platform/report-publisher.yaml',
    'vaultPath: kv/data/data/report-exporter/aws',
    'vaultPath: kv/data/platform/report-publisher/aws',
  );

planTable('plan/team-move', 'error', {
  good: [
    {
      name: 'moved under a new name, its credentials delivered to a new place',
      change: (f) => {
        move(EXPORTER, 'data', 'platform', 'report-publisher')(f);
        publisherDelivery(f);
      },
    },
    {
      name: 'a Kubernetes-only identity moved under a new name',
      change: move(BOT, 'platform', 'payments', 'release-helper'),
    },
    {
      name: 'removed from the old team in an earlier change, now added to the new one',
      base: (f) => void f.remove(EXPORTER),
      change: (f) =>
        void f.write(
          'identities/platform/report-exporter.yaml',
          ACME[EXPORTER]!.replace('    team: data\n', '    team: platform\n'),
        ),
    },
    { name: 'edited without a move', change: (f) => void f.edit(EXPORTER, 'purpose: ', 'purpose: Monthly: ') },
  ],
  bad: [
    {
      name: 'moved to another team under the same name',
      change: move(EXPORTER, 'data', 'platform'),
      findings: [
        {
          file: 'identities/platform/report-exporter.yaml',
          line: 13,
          column: 11,
          identity: 'report-exporter',
          messageId: 'giveOwnOrSplit',
          message:
            `give report-exporter a new name and a delivery place of its own (spec.delivery) as you move it ` +
            `to team platform, or move it in two changes (remove it from data and apply, then add it to ` +
            `platform): stack platform would create report-exporter.aws.policy, report-exporter.aws.user, ` +
            `report-exporter.delivery.vault ${TAIL}`,
        },
      ],
    },
    {
      // The delivered secret keeps its place (spec.delivery.vaultPath), whatever the identity's name.
      name: 'moved under a new name, its credentials still delivered to the old place',
      change: move(EXPORTER, 'data', 'platform', 'report-publisher'),
      findings: [
        {
          file: 'identities/platform/report-publisher.yaml',
          line: 14,
          column: 11,
          identity: 'report-publisher',
          messageId: 'giveOwnOrSplit',
          message:
            `give report-publisher a delivery place of its own (spec.delivery) as you move it to team ` +
            `platform, or move it in two changes (remove it from data and apply, then add it to platform): ` +
            `stack platform would create report-publisher.delivery.vault ${TAIL}`,
        },
      ],
    },
    {
      name: 'a Kubernetes-only identity moved under the same name',
      change: move(BOT, 'platform', 'payments'),
      findings: [
        {
          file: 'identities/payments/release-bot.yaml',
          line: 13,
          column: 11,
          identity: 'release-bot',
          messageId: 'giveOwnOrSplit',
          message:
            'give release-bot a new name as you move it to team payments, or move it in two changes (remove ' +
            'it from platform and apply, then add it to payments): stack payments would create ' +
            'release-bot.k8s.role, release-bot.k8s.role-binding, release-bot.k8s.service-account while stack ' +
            'platform deletes the same objects, and the two stacks run independently — the create fails ' +
            'while the old object exists, or the delete removes what the other stack wrote',
        },
      ],
    },
  ],
});
