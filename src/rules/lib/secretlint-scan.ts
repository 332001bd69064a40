// secretlint's recommended preset: a maintained catalogue of credential formats (AWS secret keys,
// GitHub, Slack, npm, OpenAI, Anthropic, private keys, connection strings, …), used instead of
// hand-kept regexes wherever it covers a format. Its messages quote the secret, so only rule ids and
// ranges leave this module.

import type { MessageRef, SecretlintMatch, TextScan } from '../types.js';

type Lint = (text: string) => Promise<SecretlintMatch[]>;
let lint: Promise<Lint> | null = null;

/**
 * The preset's `secretlint-disable` comment filter is left out: a manifest must not be able to
 * silence the scan from inside itself (THREATS.md item 55; exceptions live in org.yaml only, and
 * secret/* findings are never excepted).
 */
const SUPPRESSION_RULE = '@secretlint/secretlint-rule-filter-comments';

async function load(): Promise<Lint> {
  const [{ lintSource }, { rules }, { secretLintProfiler }] = await Promise.all([
    import('@secretlint/core'),
    import('@secretlint/secretlint-rule-preset-recommend'),
    import('@secretlint/profiler'),
  ]);
  // secretlint's always-on profiler keeps every performance mark and searches them on each new
  // one: quadratic in the number of files (44 ms per file at 2,500 files). We never read it.
  secretLintProfiler.mark = () => {};
  const config = {
    rules: rules.filter((r) => r.meta.id !== SUPPRESSION_RULE).map((r) => ({ id: r.meta.id, rule: r })),
  };
  return async (content) => {
    const result = await lintSource({
      source: { content, filePath: 'manifest.yaml', ext: '.yaml', contentType: 'text' },
      // noPhysicFilePath: the scan is of this text only, never of a file on disk.
      options: { config, maskSecrets: true, noPhysicFilePath: true },
    });
    return result.messages.map((m) =>
      placed(content, { ruleId: m.ruleId, messageId: m.messageId, offset: m.range[0], end: m.range[1] }),
    );
  };
}

/**
 * secretlint 11.7.1 reports AWSSecretAccessKey at [start of `aws_secret_access_key: "`, + 40): the
 * range starts at the key and cuts the secret short. Re-match there to get the secret's own range,
 * so the finding points at it and the whole value is fingerprinted and scrubbed.
 */
const AWS_SECRET = new RegExp(
  String.raw`["']?(?:AWS|aws|Aws)?_?(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)_?(?:KEY|key|Key)["']?` +
    String.raw`\s*(?::|=>|=)\s*["']?([A-Za-z0-9/+=]{40})`,
  'dy',
);

function placed(text: string, m: SecretlintMatch): SecretlintMatch {
  if (m.ruleId !== '@secretlint/secretlint-rule-aws' || m.messageId !== 'AWSSecretAccessKey') return m;
  AWS_SECRET.lastIndex = m.offset;
  const hit = AWS_SECRET.exec(text)?.indices?.[1];
  return hit ? { ...m, offset: hit[0], end: hit[1] } : m;
}

export async function secretlintScan(text: string): Promise<SecretlintMatch[]> {
  return (await (lint ??= load()))(text);
}

/**
 * The matches of one secretlint rule as text matches (the text is the secret itself, for the
 * fingerprint and scrub), each with what `said` names it (a messageId and data), or left out when null.
 */
export async function secretlintMatches<R extends MessageRef>(
  scan: TextScan,
  ruleId: string,
  said: (m: SecretlintMatch, text: string) => R | null,
): Promise<(R & { offset: number; text: string })[]> {
  const out: (R & { offset: number; text: string })[] = [];
  for (const m of await scan.secretlint()) {
    if (m.ruleId !== ruleId) continue;
    const text = scan.text.slice(m.offset, m.end);
    const ref = said(m, text);
    if (ref !== null) out.push({ ...ref, offset: m.offset, text });
  }
  return out;
}
