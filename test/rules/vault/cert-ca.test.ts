import { ruleTable } from '../harness.js';
import { fed, vaulting } from '../federation.js';

const CERTS = ['certificates:', '  - { mount: pki, commonNames: [press-17.payments.svc.cluster.local], ttl: 72h }'];

ruleTable('vault/cert-ca', {
  good: [
    {
      name: 'a declared CA and a certificate',
      files: fed(vaulting('auth: cert', 'cert: { mount: cert, ca: factory-ca }', ...CERTS)),
    },
    { name: 'another auth method', files: fed(vaulting('auth: kubernetes', 'cert: { mount: cert, ca: nope }')) },
  ],
  bad: [
    {
      name: 'an undeclared CA and no certificate',
      files: fed(vaulting('auth: cert', 'cert: { mount: cert, ca: factory-cb }')),
      expect: [
        {
          line: 27,
          column: 7,
          messageId: 'noCertificates',
          message: /^vault\.auth is cert but the identity declares no/,
        },
        {
          line: 27,
          column: 32,
          messageId: 'unknownCa',
          message: /^certificate authority "factory-cb" is not declared .*; did you mean factory-ca\?$/,
        },
      ],
    },
  ],
});
