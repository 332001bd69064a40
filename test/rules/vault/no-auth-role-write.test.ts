import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
type Entry = [path: string, capabilities: string];
/** IDENTITY plus access.vault: entry i's path is on line 28 + 2i (column 17), its capabilities on line 29 + 2i (from column 26). */
const vault = (...entries: Entry[]) => `${IDENTITY}    vault:\n      auth: kubernetes\n      paths:\n${entries.map(([p, c]) => `        - path: "${p}"\n          capabilities: [${c}]\n`).join('')}`;
/** An elevation of 2026-11-23 08:00–16:00Z: after one base entry, its path i is on line 38 + 2i (column 21), capabilities on 39 + 2i (from column 30). */
const elevated = (text: string, ...entries: Entry[]) => `${text}  elevations:\n    - reason: INC-1 replay failed settlements\n      approvedBy: dave@example.com\n      from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z\n      access:\n        vault:\n          paths:\n${entries.map(([p, c]) => `            - path: "${p}"\n              capabilities: [${c}]\n`).join('')}`;
const ACTIVE = '2026-11-23T09:00:00Z';
const status = (text: string, s: string) => edit(text, '  expires: 2027-05-31\n', `  expires: 2027-05-31\n  status: ${s}\n`);
const BASE: Entry = ['kv/data/payments/app/*', 'read'];

/** IDENTITY with a certificate from `mount`: idac grants update on <mount>/issue/app, which is not a policy path of the manifest. */
const cert = (mount: string) => `${IDENTITY}    vault:\n      auth: kubernetes\n      certificates:\n        - mount: ${mount}\n          commonNames: [app.payments.svc.cluster.local]\n          ttl: 72h\n`;

ruleTable('vault/no-auth-role-write', {
  good: [
    { name: 'its own secret-id (the approle login flow)', files: { [at]: vault(['auth/approle/role/app/secret-id', 'update'], ['auth/approle/login', 'update']) } },
    { name: 'reading roles', files: { [at]: vault(['auth/approle/role/*', 'read, list'], ['auth/approle/role/app/role-id', 'read']) } },
    { name: 'secret-id endpoints of other roles are vault/no-foreign-secret-id\'s', files: { [at]: vault(['auth/approle/role/+/secret-id', 'update'], ['auth/approle/role/+/custom-secret-id', 'update'], ['auth/approle/role/+/secret-id-accessor/destroy', 'update'], ['auth/approle/role/+/secret-id/lookup', 'update']) } },
    { name: 'token roles are vault/no-token-roles-write\'s', files: { [at]: vault(['auth/token/roles/*', 'update']) } },
    { name: 'the identity\'s own certificate', files: { [at]: cert('auth/approle/role/x') } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['auth/kubernetes/role/*', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['auth/approle/role/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    { name: 'every AppRole role', files: { [at]: vault(['auth/approle/role/*', 'update']) }, expect: [{ line: 28, column: 17, message: /Vault path "auth\/approle\/role\/\*" grants update on auth method roles: it can change a role's token_policies or bound names/ }] },
    { name: 'its own Kubernetes role', files: { [at]: vault(BASE, ['auth/kubernetes/role/app', 'update']) }, expect: [{ line: 30, column: 17 }] },
    { name: 'a JWT role', files: { [at]: vault(['auth/jwt/role/deploy', 'create']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'roles on every auth mount', files: { [at]: vault(['auth/+/role/*', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'a nested auth mount', files: { [at]: vault(['auth/kubernetes/prod-eu/role/x', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'a role setting whose name starts with secret-id', files: { [at]: vault(['auth/approle/role/other/secret-id-ttl', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'a prefix over a role\'s settings and its secret-ids', files: { [at]: vault(['auth/approle/role/app/s*', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'everything below auth/', files: { [at]: vault(['auth/*', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['auth/kubernetes/role/*', 'update']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['auth/approle/role/*', 'update']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
