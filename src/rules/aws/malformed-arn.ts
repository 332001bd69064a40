import { actionAppliesTo, parseArn } from '../../access/arn.js';
import { actionId, expandAction } from '../../access/aws-actions.js';
import { listSome } from '../../access/aws-escalation.js';
import { pendingAwsPermissions, type AwsPermissionBlock } from '../../access/aws-policy.js';
import { iamCatalog, type IamAction } from '../../access/iam-catalog.js';
import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';
import { messageOf } from '../../common/result.js';

const messages = {
  invalidArn: 'resource {{resource}} is not a valid ARN: {{reason}}',
  grantsNothing: 'this permission grants nothing: {{actions}} cannot act on {{resources}}; {{needs}}',
  resourceUnused: 'resource {{resource}} names nothing {{actions}} can act on',
  resourceUnusedExpected: 'resource {{resource}} names nothing {{actions}} can act on; expected {{templates}}',
  actionUnused: "{{action}} grants nothing here: none of this permission's resources is what it acts on; {{needs}}",
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/malformed-arn',
    severity: 'error',
    title: 'Resource ARN malformed or of the wrong type for its actions',
    rationale:
      'IAM accepts an ARN that no action of the statement can act on (a DynamoDB table for s3:GetObject, a ' +
      'bucket where an object is meant, any ARN for an action AWS grants only on "*") and grants nothing; a ' +
      'malformed ARN fails the apply. Both hide what was meant, and a later "fix" is often a wildcard.',
    fix:
      "Write the ARN in the form AWS's Service Authorization Reference gives for the action's resource type " +
      '(the message lists them), e.g. arn:aws:s3:::bucket/prefix/* for objects and arn:aws:s3:::bucket for the ' +
      'bucket; give an action that takes no resource (ecr:GetAuthorizationToken) its own permission with ' +
      'resources ["*"].',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }, { now }) {
    return pendingAwsPermissions(data, now).flatMap(checkBlock);
  },
});

interface Pattern {
  declared: string;
  index: number;
  actions: readonly IamAction[];
}

function checkBlock(block: AwsPermissionBlock): Report<typeof messages>[] {
  const out: Report<typeof messages>[] = [];
  const resources: { resource: string; index: number }[] = [];
  block.resources.forEach((resource, index) => {
    if (resource === '*') return;
    const parsed = parseArn(resource);
    if (parsed.ok) resources.push({ resource, index });
    else
      out.push({
        path: [...block.path, 'resources', index],
        messageId: 'invalidArn',
        data: { resource: show(resource), reason: messageOf(parsed) },
      });
  });
  // `*` acts on any resource; unknown actions are aws/unknown-action's finding.
  const patterns: Pattern[] = [];
  for (const [index, declared] of block.actions.entries()) {
    const x = expandAction(declared, iamCatalog);
    if (x.kind === 'all') return out;
    if (x.kind === 'actions' && x.actions.length > 0) patterns.push({ declared, index, actions: x.actions });
  }
  // A `*` among the resources grants every action something, so only an all-ARN permission is judged.
  if (patterns.length === 0 || resources.length === 0 || block.resources.includes('*')) return out;

  const applies = patterns.map((p) =>
    resources.map((r) => p.actions.some((a) => actionAppliesTo(a, r.resource, iamCatalog))),
  );
  const at = (r: { index: number }) => [...block.path, 'resources', r.index];
  if (applies.every((row) => row.every((x) => !x))) {
    out.push({
      path: at(resources[0]!),
      messageId: 'grantsNothing',
      data: {
        actions: listSome(
          patterns.map((p) => p.declared),
          3,
        ),
        resources: listSome(
          resources.map((r) => show(r.resource)),
          3,
        ),
        needs: patterns.map(needs).join('; '),
      },
    });
    return out;
  }
  resources.forEach((r, k) => {
    if (patterns.some((_, j) => applies[j]![k])) return;
    const templates = [...new Set(patterns.flatMap((p) => p.actions.flatMap(templatesOf)))].sort();
    const data = { resource: show(r.resource), actions: listSome(block.actions, 3) };
    if (templates.length > 0)
      out.push({
        path: at(r),
        messageId: 'resourceUnusedExpected',
        data: { ...data, templates: listSome(templates, 3) },
      });
    else out.push({ path: at(r), messageId: 'resourceUnused', data });
  });
  patterns.forEach((p, j) => {
    if (applies[j]!.some((x) => x)) return;
    out.push({
      path: [...block.path, 'actions', p.index],
      messageId: 'actionUnused',
      data: { action: p.declared, needs: needs(p) },
    });
  });
  return out;
}

function templatesOf(a: IamAction): string[] {
  return a.resourceTypes.flatMap((rt) => iamCatalog.arnTemplate(a.service, rt) ?? []);
}

/** What the pattern's actions act on, as a fix: the resource types with their ARN forms, or `*`. */
function needs(p: Pattern): string {
  const forms = [
    ...new Set(
      p.actions.flatMap((a) => a.resourceTypes.map((rt) => `${rt} (${iamCatalog.arnTemplate(a.service, rt) ?? '?'})`)),
    ),
  ].sort();
  const subject = p.actions.length === 1 ? actionId(p.actions[0]!) : show(p.declared);
  if (forms.length === 0)
    return (
      `${subject} takes no resource: AWS grants it only on "*", so give it a permission of its own with ` +
      `resources ["*"]`
    );
  const star = p.actions.some((a) => a.resourceTypes.length === 0)
    ? ', or "*" for the actions that take no resource'
    : '';
  return (
    `${subject} acts on ${listSome(forms, 3)}${star}: write the resource in ` +
    (forms.length === 1 ? 'that form' : 'one of those forms')
  );
}
