import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
type Entry = [path: string, capabilities: string];
/** IDENTITY plus access.vault: entry i's path is on line 28 + 2i (column 17), its capabilities on line 29 + 2i (from column 26). */
const vault = (...entries: Entry[]) => `${IDENTITY}    vault:\n      auth: kubernetes\n      paths:\n${entries.map(([p, c]) => `        - path: "${p}"\n          capabilities: [${c}]\n`).join('')}`;
/** An elevation of 2026-11-23 08:00–16:00Z: after one base entry, its path i is on line 38 + 2i (column 21), capabilities on 39 + 2i (from column 30). */
const elevated = (text: string, ...entries: Entry[]) => `${text}  elevations:\n    - reason: INC-1 replay failed settlements\n      approvedBy: dave@example.com\n      from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z\n      access:\n        vault:\n          paths:\n${entries.map(([p, c]) => `            - path: "${p}"\n              capabilities: [${c}]\n`).join('')}`;
const ACTIVE = '2026-11-23T09:00:00Z';
const status = (text: string, s: string) => edit(text, '  expires: 2027-05-31\n', `  expires: 2027-05-31\n  status: ${s}\n`);
const BASE: Entry = ['kv/data/payments/app/*', 'read'];

/** An elevation in the window `from`–`until`: after one base entry, its path is on line 38 (column 21). */
const window = (text: string, from: string, until: string, ...entries: Entry[]) => edit(elevated(text, ...entries), "from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z", `from: ${from}\n      until: ${until}`);
const FUTURE = ["2026-11-24T08:00:00Z", "2026-11-24T16:00:00Z"] as const;
const ENDED = ["2026-11-22T08:00:00Z", "2026-11-22T16:00:00Z"] as const;
const mounts = (list: string) => edit(ORG, 'mounts: { kv: kv-v2, pki: pki }', `mounts: { ${list} }`);

ruleTable('vault/kv2-data-path', {
  good: [
    { name: 'data and metadata paths', files: { [at]: vault(BASE, ['kv/metadata/payments/app/*', 'list'], ['kv/delete/payments/app', 'update'], ['kv/subkeys/payments/app', 'read']) } },
    { name: 'globs that cover data/', files: { [at]: vault(['kv/*', 'read'], ['kv/+/payments/x', 'read'], ['kv/d*', 'read']) } },
    { name: 'a KV v1 mount', files: { 'identities/org.yaml': mounts('kv: kv, pki: pki'), [at]: vault(['kv/payments/x', 'read']) } },
    { name: 'another engine', files: { [at]: vault(['pki/issue/app', 'update']) } },
    { name: 'an undeclared mount is target/vault-mount\'s', files: { [at]: vault(['secret/payments/x', 'read']) } },
    { name: 'a literal * is vault/glob-mid-path\'s', files: { [at]: vault(['kv/*/x', 'read']) } },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: vault(['kv/payments/x', 'read']) } },
    { name: 'an ended elevation', files: { [at]: window(vault(BASE), ...ENDED, ['kv/payments/replay', 'read']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['kv/payments/x', 'read']), 'decommissioned') } },
  ],
  bad: [
    { name: 'no data/', files: { [at]: vault(['kv/payments/x', 'read']) }, expect: [{ line: 28, column: 17, message: /Vault path "kv\/payments\/x" is on KV v2 mount "kv", where secrets live under "kv\/data\/": this path grants nothing; write "kv\/data\/payments\/x"/ }] },
    { name: 'a prefix that covers no KV v2 endpoint', files: { [at]: vault(BASE, ['kv/x*', 'read']) }, expect: [{ line: 30, column: 17 }] },
    { name: 'a nested mount', files: { 'identities/org.yaml': mounts('kv: kv-v2, secret/team: kv-v2'), [at]: vault(['secret/team/app/x', 'read']) }, expect: [{ line: 28, column: 17, message: /KV v2 mount "secret\/team".*write "secret\/team\/data\/app\/x"/ }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['kv/payments/replay', 'read']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'an elevation before its window opens', files: { [at]: window(vault(BASE), ...FUTURE, ['kv/payments/replay', 'read']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['kv/payments/x', 'read']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
