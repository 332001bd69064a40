import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const exec = one('{ apiGroups: [""], resources: [pods, pods/exec], verbs: [create] }');
const four = one(
  '{ apiGroups: [""], resources: [pods/attach, pods/portforward, pods/proxy, pods/ephemeralcontainers], ' +
    'verbs: [get, patch] }',
);
const star = one('{ apiGroups: [""], resources: ["*"], verbs: [get] }');
const elevated = elevatedWith('{ apiGroups: [""], resources: [pods/exec], verbs: [create] }');

ruleTable('k8s/no-exec', {
  good: [
    {
      name: 'reading pods and their logs',
      files: { [FILE]: one('{ apiGroups: [""], resources: [pods, pods/log], verbs: [get, list, watch] }') },
    },
    {
      name: 'get on ephemeral containers only reads',
      files: { [FILE]: one('{ apiGroups: [""], resources: [pods/ephemeralcontainers], verbs: [get] }') },
    },
    {
      name: 'pods/exec of a custom group',
      files: { [FILE]: one('{ apiGroups: [example.com], resources: [pods/exec], verbs: [create] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [pods/exec], verbs: [create] }'], {
          status: 'decommissioned',
        }),
      },
    },
  ],
  bad: [
    {
      name: 'create on pods/exec, at the resource',
      files: { [FILE]: exec },
      expect: [
        {
          ...pos(exec, 29, 'pods/exec'),
          messageId: 'exec',
          message: /^create on pods\/exec in prod-eu\/payments runs commands inside any pod/,
        },
      ],
    },
    {
      name: 'attach, portforward, proxy with get; ephemeral containers with patch',
      files: { [FILE]: four },
      expect: [
        { ...pos(four, 29, 'pods/attach'), messageId: 'attach', message: /^get on pods\/attach/ },
        { ...pos(four, 29, 'pods/portforward'), messageId: 'portForward', message: /^get on pods\/portforward/ },
        { ...pos(four, 29, 'pods/proxy'), messageId: 'proxy', message: /^get on pods\/proxy/ },
        {
          ...pos(four, 29, 'pods/ephemeralcontainers'),
          messageId: 'ephemeralContainers',
          message: /^patch on pods\/ephemeralcontainers .* adds a debug container/,
        },
      ],
    },
    {
      name: 'resources "*" include pods/exec',
      files: { [FILE]: star },
      expect: [
        { ...pos(star, 29, '"*"', 1), messageId: 'exec', message: /get on pods\/exec \(through resources "\*"\)/ },
      ],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'pods/exec'), messageId: 'exec' }],
    },
  ],
});
