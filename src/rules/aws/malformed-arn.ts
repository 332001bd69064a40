import { arnTemplatesFor, parseArn, resourceMatchesTemplate } from '../../access/arn.js';
import { listSome } from '../../access/aws-escalation.js';
import { pendingAwsPermissions } from '../../access/aws-policy.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { show } from '../../findings.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/malformed-arn',
    severity: 'error',
    title: 'Resource ARN malformed or of the wrong type for its actions',
    rationale: 'IAM accepts an ARN that no action of the statement can act on (a DynamoDB table for s3:GetObject, a bucket where an object is meant) and grants nothing; a malformed ARN fails the apply. Both hide what was meant, and a later "fix" is often a wildcard.',
    fix: 'Write the ARN in the form AWS\'s Service Authorization Reference gives for the action\'s resource type (the message lists them), e.g. arn:aws:s3:::bucket/prefix/* for objects and arn:aws:s3:::bucket for the bucket.',
    owasp: ['NHI5'],
  },
  check({ data }, { now }) {
    if (isTombstone(data)) return [];
    const out: Report[] = [];
    for (const block of pendingAwsPermissions(data, now)) {
      // `*` can act on any resource, so nothing is checked against templates; unknown actions are
      // aws/unknown-action's finding and wildcard-only actions take no ARN.
      let templates: Set<string> | null = new Set<string>();
      for (const action of block.actions) {
        const ts = arnTemplatesFor(action, iamCatalog);
        if (ts === null) {
          templates = null;
          break;
        }
        for (const t of ts) templates.add(t);
      }
      block.resources.forEach((resource, k) => {
        if (resource === '*') return;
        const path = [...block.path, 'resources', k];
        const parsed = parseArn(resource);
        if (!parsed.ok) {
          out.push({ path, message: `resource ${show(resource)} is not a valid ARN: ${parsed.reason}` });
          return;
        }
        if (templates === null || templates.size === 0) return;
        for (const t of templates) if (resourceMatchesTemplate(parsed.arn, resource, t)) return;
        out.push({ path, message: `resource ${show(resource)} names nothing ${listSome(block.actions, 3)} can act on; expected ${listSome([...templates].sort(), 3)}` });
      });
    }
    return out;
  },
});
