// The ids of the rules the loader reports (parse/*, schema/*, and name/pattern, which the schema
// check words): the loader sits below the rule catalogue, so the ids live here, and each rule
// module (src/rules/parse/*, src/rules/schema/*, src/rules/name/pattern.ts) takes its meta.id from
// them. Every load problem names its rule by one of these and a messageId of that rule.

export const PARSE_ALIAS = 'parse/alias';
export const PARSE_CONTROL_CHARACTER = 'parse/control-character';
export const PARSE_DEPTH = 'parse/depth';
export const PARSE_DIRECTIVE = 'parse/directive';
export const PARSE_DUPLICATE_KEY = 'parse/duplicate-key';
export const PARSE_DUPLICATE_KEY_NORMALIZED = 'parse/duplicate-key-normalized';
export const PARSE_EMPTY = 'parse/empty';
export const PARSE_ENCODING = 'parse/encoding';
export const PARSE_FILE_NAME = 'parse/file-name';
export const PARSE_MULTI_DOCUMENT = 'parse/multi-document';
export const PARSE_SIZE = 'parse/size';
export const PARSE_SYMLINK = 'parse/symlink';
export const PARSE_SYNTAX = 'parse/syntax';
export const PARSE_TAG = 'parse/tag';
export const PARSE_TOO_MANY_FINDINGS = 'parse/too-many-findings';
export const PARSE_TROJAN_SOURCE = 'parse/trojan-source';
export const PARSE_UNREADABLE = 'parse/unreadable';

export const SCHEMA_ENUM = 'schema/enum';
export const SCHEMA_FORMAT = 'schema/format';
export const SCHEMA_KEY = 'schema/key';
export const SCHEMA_KIND = 'schema/kind';
export const SCHEMA_LENGTH = 'schema/length';
export const SCHEMA_RANGE = 'schema/range';
export const SCHEMA_REQUIRED = 'schema/required';
export const SCHEMA_ROOT = 'schema/root';
export const SCHEMA_SIZE = 'schema/size';
export const SCHEMA_TYPE = 'schema/type';
export const SCHEMA_UNKNOWN_KEY = 'schema/unknown-key';
export const SCHEMA_WHITESPACE = 'schema/whitespace';

export const NAME_PATTERN = 'name/pattern';

/** A problem the loader found, named by its rule and one of that rule's messageIds; the text is written here. */
export interface LoadProblem {
  rule: string;
  messageId: string;
  message: string;
}
