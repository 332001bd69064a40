import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const patch = one('{ apiGroups: [""], resources: [namespaces], verbs: [get, patch, update] }');
const star = one('{ apiGroups: [""], resources: ["*"], verbs: ["*"] }');
const elevated = elevatedWith('{ apiGroups: [""], resources: [namespaces], verbs: [patch] }');

ruleTable('k8s/no-namespace-patch', {
  good: [
    {
      name: 'reading its namespace',
      files: { [FILE]: one('{ apiGroups: [""], resources: [namespaces], verbs: [get] }') },
    },
    {
      name: 'the status subresource has no labels',
      files: { [FILE]: one('{ apiGroups: [""], resources: [namespaces/status], verbs: [patch] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [namespaces], verbs: [patch] }'], {
          status: 'decommissioned',
        }),
      },
    },
  ],
  bad: [
    {
      name: 'patch and update on namespaces',
      files: { [FILE]: patch },
      expect: [
        {
          ...pos(patch, 29, 'patch'),
          messageId: 'relabel',
          message: /^patch on namespaces lets the identity relabel namespace prod-eu\/payments/,
        },
        { ...pos(patch, 29, 'update'), messageId: 'relabel' },
      ],
    },
    {
      name: 'a Role with "*" covers its own namespace',
      files: { [FILE]: star },
      expect: [
        {
          ...pos(star, 29, '"*"', 2),
          messageId: 'relabel',
          message: /^patch on namespaces \(through verbs "\*" and resources "\*"\)/,
        },
      ],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'patch'), messageId: 'relabel' }],
    },
  ],
});
