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

/** An elevation in the window `from`–`until`: after one base entry, its path is on line 38 (column 21). */
const window = (text: string, from: string, until: string, ...entries: Entry[]) => edit(elevated(text, ...entries), "from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z", `from: ${from}\n      until: ${until}`);
const FUTURE = ["2026-11-24T08:00:00Z", "2026-11-24T16:00:00Z"] as const;
const ENDED = ["2026-11-22T08:00:00Z", "2026-11-22T16:00:00Z"] as const;

ruleTable('vault/glob-mid-path', {
  good: [
    { name: 'a segment wildcard and a trailing glob', files: { [at]: vault(['kv/data/+/config', 'read'], ['kv/data/payments/*', 'read'], ['kv/data/payments/app*', 'read']) } },
    { name: 'an ended elevation', files: { [at]: window(vault(BASE), ...ENDED, ['kv/data/*/config', 'read']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['kv/data/*/config', 'read']), 'decommissioned') } },
  ],
  bad: [
    { name: 'a whole-segment *', files: { [at]: vault(['kv/data/*/config', 'read']) }, expect: [{ line: 28, column: 17, message: /Vault reads the \* inside "kv\/data\/\*\/config" as a literal character, not a wildcard, so this path grants nothing where a wildcard was meant; for one segment write "kv\/data\/\+\/config"$/ }] },
    { name: 'two of them and a trailing glob', files: { [at]: vault(BASE, ['kv/*/payments/*/x*', 'read']) }, expect: [{ line: 30, column: 17, message: /write "kv\/\+\/payments\/\+\/x\*"$/ }] },
    { name: 'a * inside a segment', files: { [at]: vault(['kv/data/app*/config', 'read']) }, expect: [{ line: 28, column: 17, message: /use \+ for one whole segment$/ }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['kv/data/*/replay', 'read']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'an elevation before its window opens', files: { [at]: window(vault(BASE), ...FUTURE, ['kv/data/*/replay', 'read']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['kv/data/*/config', 'read']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
