import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const users = one('{ apiGroups: [""], resources: [users, groups, serviceaccounts], verbs: [impersonate] }');
const extras = one(
  '{ apiGroups: [authentication.k8s.io], resources: [userextras/scopes, uids], verbs: [impersonate] }',
);
const star = one('{ apiGroups: [""], resources: ["*"], verbs: ["*"] }');
const elevated = elevatedWith('{ apiGroups: [""], resources: [serviceaccounts], verbs: [impersonate] }');

ruleTable('k8s/no-impersonate', {
  good: [
    {
      name: 'reading service accounts',
      files: { [FILE]: one('{ apiGroups: [""], resources: [serviceaccounts], verbs: [get, list] }') },
    },
    {
      name: 'impersonate in a custom group',
      files: { [FILE]: one('{ apiGroups: [example.com], resources: [users], verbs: [impersonate] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [users], verbs: [impersonate] }'], {
          status: 'decommissioned',
        }),
      },
    },
  ],
  bad: [
    {
      name: 'users, groups and service accounts: one finding at the verb',
      files: { [FILE]: users },
      expect: [
        {
          ...pos(users, 29, 'impersonate'),
          messageId: 'actAsAnyone',
          message:
            /^impersonate on users in prod-eu\/payments lets the identity act as anyone, system:masters included/,
        },
      ],
    },
    {
      name: 'user extras and uids',
      files: { [FILE]: extras },
      expect: [
        { ...pos(extras, 29, 'impersonate'), messageId: 'actAsAnyone', message: /^impersonate on userextras\/scopes/ },
      ],
    },
    {
      name: 'wildcards reach service accounts of the namespace',
      files: { [FILE]: star },
      expect: [
        {
          ...pos(star, 29, '"*"', 2),
          messageId: 'actAsServiceAccount',
          message: new RegExp(
            String.raw`impersonate on serviceaccounts \(through verbs "\*" and resources "\*"\) .* any service ` +
              String.raw`account of the namespace`,
          ),
        },
      ],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'impersonate'), messageId: 'actAsServiceAccount' }],
    },
  ],
});
