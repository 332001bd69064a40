import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const get = one('{ apiGroups: [""], resources: [nodes, nodes/proxy], verbs: [get] }');
const any = one('{ apiGroups: ["*"], resources: [nodes/proxy], verbs: ["*"] }');
const elevated = elevatedWith('{ apiGroups: [""], resources: [nodes/proxy], verbs: [create] }');

ruleTable('k8s/no-node-proxy', {
  good: [
    {
      name: 'node metrics',
      files: { [FILE]: one('{ apiGroups: [""], resources: [nodes/metrics, nodes/stats], verbs: [get] }') },
    },
    {
      name: 'resources "*" in a Role cannot reach a node',
      files: { [FILE]: one('{ apiGroups: [""], resources: ["*"], verbs: ["*"] }') },
    },
    {
      name: 'services/proxy is not the kubelet',
      files: { [FILE]: one('{ apiGroups: [""], resources: [services/proxy], verbs: [get] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [nodes/proxy], verbs: [get] }'], {
          status: 'decommissioned',
        }),
      },
    },
  ],
  bad: [
    {
      name: 'even get, at the resource',
      files: { [FILE]: get },
      expect: [
        {
          ...pos(get, 29, 'nodes/proxy'),
          messageId: 'nodeProxy',
          message: /^get on nodes\/proxy gives command execution in every pod of a node/,
        },
      ],
    },
    {
      name: 'any group, any verb',
      files: { [FILE]: any },
      expect: [{ ...pos(any, 29, 'nodes/proxy'), messageId: 'nodeProxy', message: /through verbs "\*"/ }],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'nodes/proxy'), messageId: 'nodeProxy' }],
    },
  ],
});
