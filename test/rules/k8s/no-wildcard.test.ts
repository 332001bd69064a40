import { ruleTable } from '../harness.js';
import { elevatedWith, ENDED, FILE, one, pos, withRules } from './fixture.js';

const all = one('{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }');
const mixed = one('{ apiGroups: [apps, "*"], resources: [deployments], resourceNames: [shop], verbs: [get] }');
const verbs = one('{ apiGroups: [""], resources: [configmaps, services], verbs: ["*"] }');
const elevated = elevatedWith('{ apiGroups: [""], resources: ["*"], verbs: [get] }');

ruleTable('k8s/no-wildcard', {
  good: [
    {
      name: 'acme least privilege',
      files: {
        [FILE]: withRules([
          '{ apiGroups: [""], resources: [configmaps], resourceNames: [settlement-config], verbs: [get] }',
          '{ apiGroups: [apps], resources: [deployments], resourceNames: [shop], verbs: [get, patch] }',
        ]),
      },
    },
    {
      name: 'pods/* is no wildcard to RBAC (k8s/unknown-resource reports it)',
      files: { [FILE]: one('{ apiGroups: [""], resources: [pods/*], verbs: [get] }') },
    },
    {
      name: 'an ended elevation',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [configmaps], verbs: [get] }'], {
          elevation: ['{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }'],
          window: ENDED,
        }),
      },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }'], { status: 'decommissioned' }),
      },
    },
  ],
  bad: [
    {
      name: 'one finding per wildcard, at it',
      files: { [FILE]: all },
      expect: [
        {
          ...pos(all, 29, '"*"', 1),
          messageId: 'apiGroups',
          message: /^"\*" in apiGroups matches every API group in prod-eu\/payments/,
        },
        { ...pos(all, 29, '"*"', 2), messageId: 'resources', message: /^"\*" in resources grants every resource/ },
        { ...pos(all, 29, '"*"', 3), messageId: 'verbs', message: /^"\*" in verbs grants every verb/ },
      ],
    },
    {
      name: 'a wildcard group next to a named one',
      files: { [FILE]: mixed },
      expect: [{ ...pos(mixed, 29, '"*"'), messageId: 'apiGroups' }],
    },
    {
      name: 'verbs "*" on two resources: one finding',
      files: { [FILE]: verbs },
      expect: [{ line: 29, column: 73, messageId: 'verbs' }],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, '"*"'), messageId: 'resources' }],
    },
  ],
});
