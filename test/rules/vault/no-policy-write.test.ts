import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, cert, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-policy-write', {
  good: [
    { name: 'no policy path', files: { [at]: vault(BASE) } },
    { name: 'reading policies', files: { [at]: vault(['sys/policy/*', 'read, list'], ['sys/policies/acl', 'list']) } },
    { name: 'password policies are not ACL policies', files: { [at]: vault(['sys/policies/password/app', 'update']) } },
    { name: "sys/* is vault/no-sys-path's", files: { [at]: vault(['sys/*', 'update']) } },
    { name: "the identity's own certificate", files: { [at]: cert('sys/policy') } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/policy/*', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/policy/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'every policy, the default one included',
      files: { [at]: vault(['sys/policy/*', 'read, update']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'defaultPolicyWrite',
          message: new RegExp(
            String.raw`Vault path "sys\/policy\/\*" grants update on Vault policies, including the default ` +
              String.raw`policy, which is attached to every token: it can rewrite`,
          ),
        },
      ],
    },
    {
      name: 'the default policy',
      files: { [at]: vault(['sys/policies/acl/default', 'update']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'defaultPolicyWrite',
          message: /default policy, which is attached to every token/,
        },
      ],
    },
    {
      name: 'some policies, not the default one',
      files: { [at]: vault(BASE, ['sys/policies/acl/payments-*', 'create, delete']) },
      expect: [
        {
          line: 30,
          column: 17,
          messageId: 'policyWrite',
          message: /^(?!.*default).*grants create, delete on Vault policies: it can rewrite a policy it holds/,
        },
      ],
    },
    {
      name: 'a prefix confined to policies',
      files: { [at]: vault(['sys/polic*', 'patch']) },
      expect: [{ line: 28, column: 17, messageId: 'defaultPolicyWrite' }],
    },
    {
      name: 'a segment wildcard as the mount',
      files: { [at]: vault(['+/policy/*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'defaultPolicyWrite' }],
    },
    {
      name: 'Sentinel policies',
      files: { [at]: vault(['sys/policies/egp/*', 'delete']) },
      expect: [{ line: 28, column: 17, messageId: 'policyWrite' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['sys/policy/app', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'policyWrite' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['sys/policy/*', 'update']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'defaultPolicyWrite' }],
    },
  ],
});
