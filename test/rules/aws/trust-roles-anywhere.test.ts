import { ruleTable } from '../harness.js';
import { fed, trusting } from '../federation.js';

const CERTS =
  '    vault:\n      auth: kubernetes\n      certificates:\n' +
  '        - { mount: pki, commonNames: [press-17.payments.svc.cluster.local], ttl: 72h }\n';
const ra = (fields: string): string => trusting(`rolesAnywhere: { trustAnchor: factory-ca${fields} }`);

ruleTable('aws/trust-roles-anywhere', {
  good: [
    {
      name: 'a pinned CN and OU, 1h',
      files: fed(ra(', commonName: press-17, organizationalUnit: presses, sessionDuration: 1h')),
    },
    {
      name: 'the bounds are inclusive',
      files: fed(
        trusting(
          'rolesAnywhere:',
          '  - { trustAnchor: factory-ca, commonName: a, sessionDuration: 15m }',
          '  - { trustAnchor: factory-ca, commonName: b, sessionDuration: 12h }',
        ),
      ),
    },
    {
      name: "a CN among the identity's certificates",
      files: fed(`${ra(', commonName: press-17.payments.svc.cluster.local')}${CERTS}`),
    },
  ],
  bad: [
    {
      name: 'an undeclared anchor with no CN',
      files: fed(trusting('rolesAnywhere: { trustAnchor: factory-cb }')),
      expect: [
        {
          line: 21,
          column: 9,
          messageId: 'noCommonName',
          message: /^Roles Anywhere trust through factory-cb pins no commonName/,
        },
        {
          line: 21,
          column: 39,
          messageId: 'unknownAnchor',
          message:
            /^trust anchor factory-cb is not declared in org\.yaml targets\.aws\."123456789012"\.trustAnchors; did /,
        },
      ],
    },
    {
      name: 'sessions too short and too long',
      files: fed(
        trusting(
          'rolesAnywhere:',
          '  - { trustAnchor: factory-ca, commonName: a, sessionDuration: 14m }',
          '  - { trustAnchor: factory-ca, commonName: b, sessionDuration: 1d }',
        ),
      ),
      expect: [
        {
          line: 22,
          column: 72,
          messageId: 'sessionDuration',
          message: /^Roles Anywhere sessionDuration 14m is outside/,
        },
        { line: 23, column: 72, messageId: 'sessionDuration' },
      ],
    },
    {
      name: "a CN that is not one of the identity's certificates",
      files: fed(`${ra(', commonName: press-18.payments.svc.cluster.local')}${CERTS}`),
      expect: [{ line: 21, column: 63, messageId: 'foreignCommonName', message: /^CN "press-18\.payments/ }],
    },
  ],
});
