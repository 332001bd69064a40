// The rule domains whose rules still return `{ message }` (LegacyMessage) instead of a messageId
// from their `messages` (issue 15 item 5). test/rules/messages.test.ts fails for a rule outside
// these domains that still does, and for a domain listed here that no longer needs to be; the rule
// harness asserts `messageId` on every bad row of every other domain. Empty it as domains convert,
// then remove LegacyMessage from src/rules/types.ts.
export const NOT_YET_CONVERTED: readonly string[] = [
  'agent', 'aws', 'boundary', 'codeowners', 'isolation', 'k8s', 'org',
  'parse', 'plan', 'reuse', 'schema', 'secret',
];
