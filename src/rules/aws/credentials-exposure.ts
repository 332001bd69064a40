import { CREDENTIALS_ACTIONS } from '../../access/aws-exposure-list.js';
import { exposureHits } from '../../access/aws-exposure.js';
import { listSome } from '../../access/aws-escalation.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  credentialAction:
    'resource "*" grants {{action}}, which returns credentials for every resource of its kind in the account',
  credentialActions:
    'resource "*" grants {{count}} actions that return credentials ({{actions}}) on every resource of the account',
  credentialActionPinned:
    'resource "*" grants {{action}}, which returns credentials for every resource the condition on {{key}} ' +
    'admits; check that it pins what is meant',
  credentialActionsPinned:
    'resource "*" grants {{count}} actions that return credentials ({{actions}}) on every resource the ' +
    'condition on {{key}} admits; check that it pins what is meant',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/credentials-exposure',
    severity: 'error',
    title: 'Actions that return credentials, on every resource',
    rationale:
      'Some AWS calls answer with a credential: the administrator password of an EC2 instance ' +
      '(ec2:GetPasswordData), a package-registry or GameLift token, a federation token. On "*" the identity ' +
      'can collect them for every instance, domain or fleet of the account and act as each of them. This is ' +
      'Cloudsplaining\'s credentials-exposure list (rated high there) and Parliament\'s, judged on "*"; ' +
      'actions AWS only grants on "*" are exempt, and entries another rule already reports on "*" ' +
      '(aws/privilege-escalation, aws/resource-wildcard-write for write-level ones such as ' +
      'redshift:GetClusterCredentials) are left to it. docs/coverage.md lists every entry.',
    fix: 'Replace "*" by the ARNs of the instances, domains or fleets the identity needs credentials for.',
    owasp: ['NHI5', 'NHI2'],
  },
  messages,
  // As aws/resource-wildcard-write: a condition pinning the resources turns the error into a warning.
  severities: { credentialActionPinned: 'warning', credentialActionsPinned: 'warning' },
  check({ data, access }, { now }) {
    const hits = exposureHits(data, access, now, iamCatalog, CREDENTIALS_ACTIONS, 'aws/credentials-exposure');
    return hits.map((h): Report<typeof messages> => {
      if (h.actions.length > 1) {
        const data = { count: h.actions.length, actions: listSome(h.actions) };
        return h.pin === null
          ? { path: h.path, messageId: 'credentialActions', data }
          : { path: h.path, messageId: 'credentialActionsPinned', data: { ...data, key: h.pin } };
      }
      const action = h.actions[0]!;
      return h.pin === null
        ? { path: h.path, messageId: 'credentialAction', data: { action } }
        : { path: h.path, messageId: 'credentialActionPinned', data: { action, key: h.pin } };
    });
  },
});
