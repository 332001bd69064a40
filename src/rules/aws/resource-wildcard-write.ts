import { splitAction } from '../../access/aws-actions.js';
import { narrowingKey } from '../../access/aws-conditions.js';
import { isWriteLevel, listSome } from '../../access/aws-escalation.js';
import { pendingAwsPermissions } from '../../access/aws-policy.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  everyAction: 'resource "*" grants every AWS action on every resource of the account',
  writeAction:
    'resource "*" grants 1 write or permissions-management action ({{actions}}) on every resource of the account',
  writeActions:
    'resource "*" grants {{count}} write or permissions-management actions ({{actions}}) on every resource ' +
    'of the account',
  everyActionPinned:
    'resource "*" grants every AWS action on every resource the condition on {{key}} admits; check that it ' +
    'pins what is meant',
  writeActionPinned:
    'resource "*" grants 1 write or permissions-management action ({{actions}}) on every resource the ' +
    'condition on {{key}} admits; check that it pins what is meant',
  writeActionsPinned:
    'resource "*" grants {{count}} write or permissions-management actions ({{actions}}) on every resource ' +
    'the condition on {{key}} admits; check that it pins what is meant',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/resource-wildcard-write',
    severity: 'error',
    title: 'Write actions on every resource',
    rationale:
      'Resource "*" lets a write or permissions-management action change every bucket, table, role or key ' +
      'in the account, not the few the identity exists for. Actions AWS only grants on "*" (such as ' +
      'ecr:GetAuthorizationToken) are exempt. A condition that pins the request to tagged resources, a VPC, ' +
      'an endpoint, an address range, an S3 prefix or the account (aws:ResourceTag/…, aws:SourceVpc, ' +
      'aws:SourceVpce, aws:SourceIp, s3:prefix, aws:ResourceAccount) makes it a warning.',
    fix:
      'Replace "*" by the ARNs of the resources the identity writes to, or move the write actions to their ' +
      'own permission with those ARNs.',
    owasp: ['NHI5'],
  },
  messages,
  severities: { everyActionPinned: 'warning', writeActionPinned: 'warning', writeActionsPinned: 'warning' },
  check({ data, access }, { now }) {
    const hits = new Map<string, Set<string>>();
    for (const g of access.grants) {
      if (g.target !== 'aws' || g.resource !== '*' || !isWriteLevel(g.levels)) continue;
      const split = splitAction(g.action);
      if (split && iamCatalog.action(split.service, split.action)?.wildcardOnly) continue;
      const key = g.path.slice(0, -2).join('/');
      if (!hits.has(key)) hits.set(key, new Set());
      hits.get(key)!.add(g.action);
    }
    if (hits.size === 0) return [];
    const blocks = new Map(pendingAwsPermissions(data, now).map((b) => [b.path.join('/'), b]));
    const out: Report<typeof messages>[] = [];
    for (const [key, actions] of hits) {
      const block = blocks.get(key);
      if (!block) continue;
      const list = [...actions].sort();
      const path = [...block.path, 'resources', block.resources.indexOf('*')];
      const pin = narrowingKey(block.conditions);
      if (pin !== null) {
        if (actions.has('*')) out.push({ path, messageId: 'everyActionPinned', data: { key: pin } });
        else
          out.push({
            path,
            messageId: list.length === 1 ? 'writeActionPinned' : 'writeActionsPinned',
            data: { count: list.length, actions: listSome(list), key: pin },
          });
      } else if (actions.has('*')) out.push({ path, messageId: 'everyAction' });
      else
        out.push({
          path,
          messageId: list.length === 1 ? 'writeAction' : 'writeActions',
          data: { count: list.length, actions: listSome(list) },
        });
    }
    return out;
  },
});
