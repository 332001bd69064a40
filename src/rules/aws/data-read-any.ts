import { DATA_READ_ACTIONS } from '../../access/aws-exposure-list.js';
import { exposureHits } from '../../access/aws-exposure.js';
import { listSome } from '../../access/aws-escalation.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  readAction: 'resource "*" grants {{action}}, which reads the data of every {{store}} in the account',
  readActions: 'resource "*" grants {{count}} data-read actions ({{actions}}) on every resource of the account',
  readActionPinned:
    'resource "*" grants {{action}} on every {{store}} the condition on {{key}} admits; check that it pins what ' +
    'is meant',
  readActionsPinned:
    'resource "*" grants {{count}} data-read actions ({{actions}}) on every resource the condition on {{key}} ' +
    'admits; check that it pins what is meant',
} as const;

const STORE: Readonly<Record<string, string>> = { s3: 'bucket', ssm: 'parameter', secretsmanager: 'secret' };

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/data-read-any',
    severity: 'error',
    title: 'Data reads on every resource',
    rationale:
      'Resource "*" lets a read such as s3:GetObject copy out every bucket of the account, not the one the ' +
      'identity exists for: unrestricted object reads are behind a long history of data leaks. This is ' +
      'Cloudsplaining\'s data-exfiltration list, judged on "*" only; reads of one named bucket, prefix or secret ' +
      'are the point of the grant. Actions AWS only grants on "*" are exempt, and list entries that other rules ' +
      'already report on "*" (secrets and parameters: aws/privilege-escalation; write-level snapshot copies: ' +
      'aws/resource-wildcard-write) are left to them. docs/coverage.md lists every entry.',
    fix: 'Replace "*" by the ARNs the identity reads, e.g. arn:aws:s3:::bank-drop/incoming/*.',
    owasp: ['NHI5'],
  },
  messages,
  // A condition pinning the resources (aws:ResourceTag/…, aws:SourceVpc, s3:prefix, the resource account) makes
  // "*" narrower than it reads: still worth a look, no longer an error.
  severities: { readActionPinned: 'warning', readActionsPinned: 'warning' },
  check({ data, access }, { now }) {
    const hits = exposureHits(data, access, now, iamCatalog, DATA_READ_ACTIONS, 'aws/data-read-any');
    return hits.map((h): Report<typeof messages> => {
      if (h.actions.length > 1) {
        const data = { count: h.actions.length, actions: listSome(h.actions) };
        return h.pin === null
          ? { path: h.path, messageId: 'readActions', data }
          : { path: h.path, messageId: 'readActionsPinned', data: { ...data, key: h.pin } };
      }
      const action = h.actions[0]!;
      const store = STORE[action.slice(0, action.indexOf(':'))] ?? 'resource';
      return h.pin === null
        ? { path: h.path, messageId: 'readAction', data: { action, store } }
        : { path: h.path, messageId: 'readActionPinned', data: { action, store, key: h.pin } };
    });
  },
});
