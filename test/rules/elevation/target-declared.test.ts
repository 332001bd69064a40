import { IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const elevate = (access: string) => `${IDENTITY}  elevations:
    - reason: INC-1 replay failed settlements
      approvedBy: dave@example.com
      from: 2026-11-23T08:00:00Z
      until: 2026-11-23T16:00:00Z
      access:
${access}`;

ruleTable('elevation/target-declared', {
  good: [
    { name: 'an elevation on the identity\'s own AWS role', files: { [at]: elevate('        aws:\n          permissions:\n            - actions: [s3:PutObject]\n              resources: [arn:aws:s3:::bank-drop/replay/*]\n') } },
  ],
  bad: [
    { name: 'Kubernetes rules without spec.access.kubernetes', files: { [at]: elevate('        kubernetes:\n          rules:\n            - apiGroups: [""]\n              resources: [configmaps]\n              verbs: [get]\n') }, expect: [{ line: 31, column: 9, message: /adds kubernetes access, but spec\.access has no kubernetes/ }] },
    { name: 'Vault paths without spec.access.vault', files: { [at]: elevate('        vault:\n          paths:\n            - path: kv/data/payments/replay/*\n              capabilities: [read]\n') }, expect: [{ line: 31, column: 9 }] },
  ],
});
