// who-can's arguments as one concrete request: the forms it reads, and the exact refusals (exit 2).
import { beforeAll, describe, expect, it } from 'vitest';
import { iamCatalog } from '../../src/access/iam-catalog.js';
import { parseQuery } from '../../src/features/query/who-can-query.js';
import { fail } from '../../src/common/result.js';

beforeAll(() => iamCatalog.load(['s3', 'ecr', 'sqs', 's4']));

const parse = (action: string, resource: string) => parseQuery(action, resource, iamCatalog);

describe('parseQuery: requests', () => {
  it.each([
    ['s3:GetObject', 'arn:aws:s3:::b/k', { target: 'aws', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }],
    // The action is spelled as AWS writes it, whatever case it was given in.
    ['S3:getobject', 'arn:aws:s3:::b/k', { target: 'aws', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }],
    ['ecr:GetAuthorizationToken', '*', { target: 'aws', action: 'ecr:GetAuthorizationToken', resource: '*' }],
    [
      'get',
      'k8s:prod-eu/payments/pods',
      {
        target: 'kubernetes',
        request: { cluster: 'prod-eu', namespace: 'payments', verb: 'get', apiGroup: '', resource: 'pods', name: null },
      },
    ],
    [
      'get',
      'k8s:prod-eu/payments/pods/web-0',
      {
        target: 'kubernetes',
        request: {
          cluster: 'prod-eu',
          namespace: 'payments',
          verb: 'get',
          apiGroup: '',
          resource: 'pods',
          name: 'web-0',
        },
      },
    ],
    [
      'create',
      'k8s:prod-eu/payments/pods/exec',
      {
        target: 'kubernetes',
        request: {
          cluster: 'prod-eu',
          namespace: 'payments',
          verb: 'create',
          apiGroup: '',
          resource: 'pods/exec',
          name: null,
        },
      },
    ],
    [
      'create',
      'k8s:prod-eu/payments/pods/exec/web-0',
      {
        target: 'kubernetes',
        request: {
          cluster: 'prod-eu',
          namespace: 'payments',
          verb: 'create',
          apiGroup: '',
          resource: 'pods/exec',
          name: 'web-0',
        },
      },
    ],
    [
      'patch',
      'k8s:prod-eu/payments/deployments',
      {
        target: 'kubernetes',
        request: {
          cluster: 'prod-eu',
          namespace: 'payments',
          verb: 'patch',
          apiGroup: 'apps',
          resource: 'deployments',
          name: null,
        },
      },
    ],
    [
      'update',
      'k8s:prod-eu/payments/deployments.apps/scale/shop',
      {
        target: 'kubernetes',
        request: {
          cluster: 'prod-eu',
          namespace: 'payments',
          verb: 'update',
          apiGroup: 'apps',
          resource: 'deployments/scale',
          name: 'shop',
        },
      },
    ],
    [
      'create',
      'k8s:prod-eu/payments/events',
      {
        target: 'kubernetes',
        request: {
          cluster: 'prod-eu',
          namespace: 'payments',
          verb: 'create',
          apiGroup: '',
          resource: 'events',
          name: null,
        },
      },
    ],
    [
      'get',
      'k8s:c1/ns/widgets.example.com/status',
      {
        target: 'kubernetes',
        request: {
          cluster: 'c1',
          namespace: 'ns',
          verb: 'get',
          apiGroup: 'example.com',
          resource: 'widgets/status',
          name: null,
        },
      },
    ],
    [
      'frob',
      'k8s:c1/ns/widgets.example.com/w1',
      {
        target: 'kubernetes',
        request: {
          cluster: 'c1',
          namespace: 'ns',
          verb: 'frob',
          apiGroup: 'example.com',
          resource: 'widgets',
          name: 'w1',
        },
      },
    ],
    ['read', 'vault:kv/data/app/config', { target: 'vault', capability: 'read', path: 'kv/data/app/config' }],
    ['list', 'vault:/kv/metadata/app/', { target: 'vault', capability: 'list', path: 'kv/metadata/app/' }],
  ])('%s %s', (action, resource, query) => expect(parse(action, resource)).toEqual({ ok: true, query, notes: [] }));

  it.each([
    [
      's3:GetObject',
      'arn:aws:s3:::b',
      's3:GetObject does not act on a resource like "arn:aws:s3:::b" (it takes ' +
        'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}, ' +
        'arn:${Partition}:s3:::${BucketName}/${ObjectName})',
    ],
    [
      'ecr:GetAuthorizationToken',
      'arn:aws:ecr:eu-west-1:123456789012:repository/shop',
      'ecr:GetAuthorizationToken takes no resource: IAM checks it against "*", so only grants on "*" allow it',
    ],
    [
      's3:GetObject',
      '*',
      's3:GetObject acts on a resource: "*" asks only for grants on every resource; give an ARN to ask about one',
    ],
    [
      'create',
      'k8s:prod-eu/payments/configmaps/cfg',
      'a create request carries no object name: "cfg" is left out, and grants limited by resourceNames do not allow it',
    ],
    ['get', 'k8s:prod-eu/payments/nodes', 'nodes is cluster-scoped: the namespaced Roles idac grants never reach it'],
  ])('%s %s is answered, with the note: %s', (action, resource, note) => {
    const p = parse(action, resource);
    expect(p.ok && p.notes).toEqual([note]);
  });
});

describe('parseQuery: refusals', () => {
  it.each([
    [
      's3:GetObject',
      'bucket/key',
      'RESOURCE "bucket/key" is not an AWS ARN, k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME] or vault:PATH',
    ],
    [
      's3:Get*',
      'arn:aws:s3:::b/k',
      'ACTION "s3:Get*" is not one AWS action: write service:Action, such as s3:GetObject (a request names ' +
        'one action, so no * or ?)',
    ],
    [
      'GetObject',
      'arn:aws:s3:::b/k',
      'ACTION "GetObject" is not one AWS action: write service:Action, such as s3:GetObject (a request ' +
        'names one action, so no * or ?)',
    ],
    ['s4:GetObject', 'arn:aws:s3:::b/k', 'AWS has no service prefix "s4"; did you mean "s3"?'],
    ['s3:GetObjekt', 'arn:aws:s3:::b/k', 's3 has no action "GetObjekt"; did you mean "s3:GetObject"?'],
    [
      's3:GetObject',
      'arn:aws:s3:b',
      'RESOURCE "arn:aws:s3:b" is not an ARN: it does not have the six colon-separated fields ' +
        'arn:partition:service:region:account:resource',
    ],
    [
      'sqs:SendMessage',
      'arn:aws:sqs:*:123456789012:q',
      'RESOURCE "arn:aws:sqs:*:123456789012:q" names one resource: its partition, service, region and ' +
        'account cannot hold * or ?',
    ],
    ['get', 'k8s:prod-eu/payments', 'RESOURCE "k8s:prod-eu/payments" is not k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME]'],
    ['get', 'k8s:prod-eu//pods', 'RESOURCE "k8s:prod-eu//pods" is not k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME]'],
    ['get', 'k8s:a/b/pods/exec/x/y', 'RESOURCE "k8s:a/b/pods/exec/x/y" is not k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME]'],
    [
      'get',
      'k8s:Prod/payments/pods',
      'the cluster "Prod" in "k8s:Prod/payments/pods" is not a cluster name (lower-case letters, digits and -)',
    ],
    [
      'get',
      'k8s:prod-eu/pay_ments/pods',
      'the namespace "pay_ments" in "k8s:prod-eu/pay_ments/pods" is not a namespace name (lower-case ' +
        'letters, digits and -)',
    ],
    [
      'get',
      'k8s:prod-eu/payments/*',
      'the resource "*" in "k8s:prod-eu/payments/*" is not a resource such as pods or deployments.apps (a ' +
        'request names one, so no *)',
    ],
    [
      'get',
      'k8s:prod-eu/payments/pod',
      'Kubernetes 1.34 has no built-in resource "pod"; did you mean "pods"?; write a custom resource with ' +
        'its group: RESOURCE.GROUP (widgets.example.com)',
    ],
    ['get', 'k8s:prod-eu/payments/pods.apps', 'the API group "apps" has no resource "pods" in Kubernetes 1.34'],
    [
      'get',
      'k8s:prod-eu/payments/pods/logs/web-0',
      '"pods/logs" is not a subresource Kubernetes 1.34 serves; write k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME] ' +
        'with RESOURCE such as pods or pods/exec',
    ],
    [
      '*',
      'k8s:prod-eu/payments/pods',
      'ACTION "*" is not one Kubernetes verb such as get, list or create (a request names one, so no *)',
    ],
    [
      'exec',
      'k8s:prod-eu/payments/pods',
      'pods takes the verbs create, delete, deletecollection, get, list, patch, update, watch, not "exec"',
    ],
    ['gte', 'k8s:prod-eu/payments/pods/log', 'pods/log takes the verbs get, not "gte"; did you mean "get"?'],
    ['read', 'vault:', 'RESOURCE "vault:" names no Vault path: write vault:PATH, such as vault:kv/data/app/config'],
    [
      'deny',
      'vault:kv/x',
      'ACTION "deny" is not a Vault capability: one of create, read, update, patch, delete, list, sudo, ' +
        'subscribe, recover',
    ],
    [
      'raed',
      'vault:kv/x',
      'ACTION "raed" is not a Vault capability: one of create, read, update, patch, delete, list, sudo, ' +
        'subscribe, recover (did you mean "read"?)',
    ],
    [
      'read',
      'vault\u001b[31m:x',
      'RESOURCE "vault\\u001b[31m:x" is not an AWS ARN, k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME] or vault:PATH',
    ],
  ])('%s %s', (action, resource, message) => expect(parse(action, resource)).toEqual(fail(message)));
});
