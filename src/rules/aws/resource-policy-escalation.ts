import { globCovers } from '../../access/arn.js';
import { RESOURCE_POLICY_PAIRS } from '../../access/aws-exposure-list.js';
import { comparePaths } from '../../access/aws-escalation.js';
import type { AwsGrant } from '../../access/model.js';
import { cmp, show, type Path } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  grantsItself:
    '{{grant}} on {{resource}} can give this identity (or anyone) {{missing}} on the objects of the bucket, ' +
    'which its permissions do not grant',
  expiresObjects:
    '{{grant}} on {{resource}} can delete every object of the bucket through an expiration rule, though its ' +
    'permissions do not grant s3:DeleteObject',
} as const;

const BUCKET_ACTIONS = new Set(RESOURCE_POLICY_PAIRS.map((p) => p.bucketAction));
const OBJECT_ACTIONS = new Set(RESOURCE_POLICY_PAIRS.map((p) => p.objectAction));

/**
 * Is the object action granted on every object of the bucket? Parliament asks for `<bucket>` or `<bucket>/*`
 * literally; a wider pattern (`arn:aws:s3:::bank-*`, `"*"`) covers them too. An object action never sits on a
 * bare bucket ARN in the model (it cannot act there), so only the objects are asked about.
 */
function coversObjects(objectResources: readonly string[], bucket: string): boolean {
  return objectResources.some((o) => globCovers(o, `${bucket}/*`));
}

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/resource-policy-escalation',
    severity: 'error',
    title: 'Bucket policy or ACL writes that hand out object access the identity lacks',
    rationale:
      's3:PutBucketPolicy and s3:PutBucketAcl rewrite who may read, write and delete the objects of a bucket, ' +
      'the identity itself and anonymous users included; s3:PutLifecycleConfiguration can expire (delete) ' +
      'every object. Granted without the object actions themselves, they are a way around the permission: ' +
      "the identity can grant itself, or the public, what its manifest leaves out. This is Parliament's " +
      'RESOURCE_POLICY_PRIVILEGE_ESCALATION (the same seven pairs). On "*" the write is already an ' +
      'aws/resource-wildcard-write error and is not reported twice.',
    fix:
      'Drop the bucket-level action (bucket policies belong in infrastructure code, not in a workload), or ' +
      'grant the object actions it would hand out on the same bucket so the manifest says what the identity ' +
      'can do.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const objects = new Map<string, string[]>([...OBJECT_ACTIONS].map((o) => [o, []]));
    const bucketGrants: AwsGrant[] = [];
    for (const g of access.grants) {
      if (g.target !== 'aws') continue;
      // Every action on a resource includes the object actions wherever that resource names objects.
      if (g.action === '*') for (const list of objects.values()) list.push(g.resource);
      else if (OBJECT_ACTIONS.has(g.action)) objects.get(g.action)!.push(g.resource);
      else if (BUCKET_ACTIONS.has(g.action) && g.resource !== '*') bucketGrants.push(g);
    }
    const found = new Map<
      string,
      { path: Path; resource: string; declared: string; actions: Set<string>; missing: Set<string> }
    >();
    for (const g of bucketGrants) {
      const missing = RESOURCE_POLICY_PAIRS.filter(
        (p) => p.bucketAction === g.action && !coversObjects(objects.get(p.objectAction)!, g.resource),
      ).map((p) => p.objectAction);
      if (missing.length === 0) continue;
      const key = JSON.stringify([g.path, g.resource]);
      let f = found.get(key);
      if (!f)
        found.set(
          key,
          (f = { path: g.path, resource: g.resource, declared: g.declared, actions: new Set(), missing: new Set() }),
        );
      f.actions.add(g.action);
      for (const m of missing) f.missing.add(m);
    }
    return [...found.values()]
      .sort((a, b) => comparePaths(a.path, b.path) || cmp(a.resource, b.resource))
      .map((f): Report<typeof messages> => {
        const actions = [...f.actions].sort();
        const named = actions.join(', ');
        const grant =
          actions.length === 1 && named.toLowerCase() === f.declared.toLowerCase()
            ? named
            : `${named} (through ${show(f.declared)})`;
        const resource = show(f.resource);
        if (named === 's3:PutLifecycleConfiguration')
          return { path: f.path, messageId: 'expiresObjects', data: { grant, resource } };
        const missing = [...f.missing].sort().join(', ');
        return { path: f.path, messageId: 'grantsItself', data: { grant, resource, missing } };
      });
  },
});
