import { ruleTable } from '../harness.js';
import { FED_ORG, trusting } from '../federation.js';
import { named, p, r, toRisk } from '../reuse/fixture.js';

const org = { 'identities/org.yaml': FED_ORG };
const trustingRole = (name: string, role: string): string =>
  named(name, trusting(`account: { id: "123456789012", role: ${role} }`));

ruleTable('boundary/trust-other-team', {
  good: [
    {
      name: "a role of the identity's own team",
      files: { ...org, [p('deployer')]: named('deployer'), [p('app')]: trustingRole('app', 'idac/payments/deployer') },
    },
    {
      name: 'a role no identity of the repo owns',
      files: { ...org, [p('app')]: trustingRole('app', 'idac/risk/deployer') },
    },
  ],
  bad: [
    {
      name: "a role of team risk's identity",
      files: {
        ...org,
        [r('scorer')]: toRisk(named('scorer')),
        [p('app')]: trustingRole('app', '/idac/risk/scorer'),
      },
      expect: [
        {
          file: p('app'),
          line: 21,
          column: 46,
          messageId: 'otherTeam',
          message:
            /^the role trusts "idac\/risk\/scorer", the role of team risk's identity scorer: that team's workload/,
        },
      ],
    },
  ],
});
