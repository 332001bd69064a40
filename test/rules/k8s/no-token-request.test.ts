import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const token = one('{ apiGroups: [""], resources: [serviceaccounts/token], verbs: [create] }');
const named = one('{ apiGroups: [""], resources: [serviceaccounts/token], resourceNames: [builder], verbs: [create] }');
const star = one('{ apiGroups: [""], resources: ["*"], verbs: [create] }');
const elevated = elevatedWith('{ apiGroups: [""], resources: [serviceaccounts/token], verbs: [create] }');

ruleTable('k8s/no-token-request', {
  good: [
    {
      name: 'reading service accounts',
      files: { [FILE]: one('{ apiGroups: [""], resources: [serviceaccounts], verbs: [get] }') },
    },
    {
      name: 'creating service accounts is not minting their tokens',
      files: { [FILE]: one('{ apiGroups: [""], resources: [serviceaccounts], verbs: [create] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [serviceaccounts/token], verbs: [create] }'], {
          status: 'decommissioned',
        }),
      },
    },
  ],
  bad: [
    {
      name: 'create on serviceaccounts/token',
      files: { [FILE]: token },
      expect: [
        {
          ...pos(token, 29, 'create'),
          messageId: 'tokensAny',
          message: new RegExp(
            String.raw`^create on serviceaccounts\/token in prod-eu\/payments issues tokens for any service ` +
              String.raw`account of the namespace`,
          ),
        },
      ],
    },
    {
      name: 'named service accounts are narrower, still a finding',
      files: { [FILE]: named },
      expect: [
        {
          ...pos(named, 29, 'create'),
          messageId: 'tokensNamed',
          message: /issues tokens for the service accounts "builder"/,
        },
      ],
    },
    {
      name: 'resources "*" include the token subresource',
      files: { [FILE]: star },
      expect: [{ ...pos(star, 29, 'create'), messageId: 'tokensAny', message: /through resources "\*"/ }],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'create'), messageId: 'tokensAny' }],
    },
  ],
});
