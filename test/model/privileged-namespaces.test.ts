// Which namespaces weigh more (org.yaml targets.kubernetes.<cluster>.privilegedNamespaces, kube-system always).
import { describe, expect, it } from 'vitest';
import { isPrivilegedNamespace, orgModel } from '../../src/model/org.js';

const org = orgModel({
  apiVersion: 'idac/v1',
  kind: 'Organization',
  spec: {
    teams: { payments: { members: ['a@example.com'] } },
    targets: { kubernetes: { 'prod-eu': { privilegedNamespaces: ['ingress', 'monitoring'] }, 'prod-us': {} } },
  },
});

describe('isPrivilegedNamespace', () => {
  it.each([
    ['kube-system on a listed cluster', 'prod-eu', 'kube-system', true],
    ['kube-system on a cluster without the list', 'prod-us', 'kube-system', true],
    ['kube-system on a cluster org.yaml does not know', 'dev', 'kube-system', true],
    ['a listed namespace', 'prod-eu', 'ingress', true],
    ['listed on another cluster only', 'prod-us', 'ingress', false],
    ['an ordinary namespace', 'prod-eu', 'payments', false],
    ['no prefix match', 'prod-eu', 'ingress-nginx', false],
    ['an inherited property name is no cluster', 'constructor', 'ingress', false],
  ])('%s', (_label, cluster, namespace, expected) =>
    expect(isPrivilegedNamespace(org, cluster, namespace)).toBe(expected),
  );

  it('without org.yaml only kube-system counts', () => {
    expect(isPrivilegedNamespace(null, 'prod-eu', 'kube-system')).toBe(true);
    expect(isPrivilegedNamespace(null, 'prod-eu', 'ingress')).toBe(false);
  });
});
