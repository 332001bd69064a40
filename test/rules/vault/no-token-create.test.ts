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


ruleTable('vault/no-token-create', {
  good: [
    { name: 'child tokens with a subset of its own policies', files: { [at]: vault(['auth/token/create', 'update'], ['auth/token/lookup-self', 'read']) } },
    { name: 'sudo without create or update is vault/no-sudo\'s', files: { [at]: vault(['auth/token/create', 'sudo']) } },
    { name: 'reading is not minting', files: { [at]: vault(['auth/token/create-orphan', 'read']) } },
    { name: 'a root glob is vault/no-root-glob\'s', files: { [at]: vault(['*', 'update']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['auth/token/create-orphan', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['auth/token/create-orphan', 'update']), 'decommissioned') } },
  ],
  bad: [
    { name: 'orphan tokens', files: { [at]: vault(['auth/token/create-orphan', 'update']) }, expect: [{ line: 28, column: 17, message: /Vault path "auth\/token\/create-orphan" grants update on auth\/token\/create-orphan: it can mint orphan tokens, which outlive its own revocation/ }] },
    { name: 'tokens from a token role', files: { [at]: vault(BASE, ['auth/token/create/ci', 'create']) }, expect: [{ line: 30, column: 17, message: /grants create on auth\/token\/create\/\*: it can mint tokens from any token role/ }] },
    { name: 'sudo on auth/token/create, at the sudo', files: { [at]: vault(['auth/token/create', 'update, sudo']) }, expect: [{ line: 29, column: 34, message: /sudo with update on Vault path "auth\/token\/create" mints tokens with any policies/ }] },
    { name: 'sudo here, update from an active elevation', now: ACTIVE, files: { [at]: elevated(vault(['auth/token/create', 'sudo']), ['auth/token/create', 'update']) }, expect: [{ line: 29, column: 26 }] },
    { name: 'everything below auth/token', files: { [at]: vault(['auth/token/*', 'create, update, sudo']) }, expect: [{ line: 28, column: 17, message: /on auth\/token\/create-orphan and auth\/token\/create\/\*/ }] },
    { name: 'a prefix', files: { [at]: vault(['auth/token/create*', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['auth/token/create-orphan', 'update']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['auth/token/create-orphan', 'update']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
