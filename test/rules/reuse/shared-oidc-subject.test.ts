import { ruleTable } from '../harness.js';
import { FED_ORG, trusting } from '../federation.js';
import { named, p, r, tombstone, toRisk } from './fixture.js';

const SUB = 'project_path:acme/ledger:ref_type:branch:ref:main';
const oidc = (name: string, subject: string, audience = 'sts.amazonaws.com'): string =>
  named(name, trusting(`oidc: { provider: gitlab, audience: ${audience}, subject: "${subject}" }`));
const org = { 'identities/org.yaml': FED_ORG };

ruleTable('reuse/shared-oidc-subject', {
  good: [
    {
      name: 'two refs of one project',
      files: {
        ...org,
        [p('ledger-ci')]: oidc('ledger-ci', SUB),
        [p('rel')]: oidc('rel', SUB.replace(':main', ':release')),
      },
    },
    {
      name: 'the same subject for another audience',
      files: { ...org, [p('ledger-ci')]: oidc('ledger-ci', SUB), [p('rel')]: oidc('rel', SUB, 'other') },
    },
    {
      name: "a pattern is aws/trust-oidc-subject's",
      files: { ...org, [p('ledger-ci')]: oidc('ledger-ci', `${SUB}*`), [p('rel')]: oidc('rel', `${SUB}*`) },
    },
    {
      name: 'a tombstone has no role',
      files: { ...org, [p('ledger-ci')]: oidc('ledger-ci', SUB), [p('old')]: tombstone(oidc('old', SUB)) },
    },
  ],
  bad: [
    {
      name: 'one subject trusted by roles of two teams',
      files: { ...org, [p('ledger-ci')]: oidc('ledger-ci', SUB), [r('deploy')]: toRisk(oidc('deploy', SUB)) },
      expect: [
        {
          file: p('ledger-ci'),
          line: 21,
          column: 73,
          messageId: 'sharedSubject',
          message: new RegExp(
            String.raw`^OIDC subject "project_path:acme\/ledger:ref_type:branch:ref:main" of gitlab also becomes ` +
              String.raw`the role of "identities\/risk\/deploy\.yaml": one pipeline holds both`,
          ),
        },
        {
          file: r('deploy'),
          line: 21,
          column: 73,
          messageId: 'sharedSubject',
          message: /of "identities\/payments\/ledger-ci\.yaml":/,
        },
      ],
    },
  ],
});
