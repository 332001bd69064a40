// Issue 15 item 5, while rule domains move from `{ message }` reports to messageIds. The main
// session empties these lists as converted domains merge; then LegacyMessage goes from
// src/rules/types.ts and the lists and their uses go too.

/**
 * Domains whose rules still report `{ message }` (LegacyMessage) or have no `messages`.
 * test/rules/messages.test.ts fails for a rule outside them that still does, and for a listed
 * domain that no longer needs to be listed.
 */
export const NOT_YET_CONVERTED: readonly string[] = ['plan'];

/**
 * Domains whose table tests do not name `messageId` on every bad row yet: the rule harness
 * (test/rules/harness.ts) asserts it for every other domain, like typescript-eslint's `invalid` rows.
 */
export const ROWS_WITHOUT_MESSAGE_ID: readonly string[] = [...NOT_YET_CONVERTED, 'parse', 'schema', 'secret'];
