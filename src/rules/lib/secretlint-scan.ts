// secretlint's recommended preset: a maintained catalogue of credential formats (AWS secret keys,
// GitHub, GitLab, Slack, npm, GCP, OpenAI, Anthropic, private keys, connection strings, …), used
// instead of hand-kept regexes wherever it covers a format. Its messages quote the secret, so only
// rule ids and ranges leave this module.

import type { SecretlintMatch } from '../types.js';

type Lint = (text: string) => Promise<SecretlintMatch[]>;
let lint: Promise<Lint> | null = null;

async function load(): Promise<Lint> {
  const [{ lintSource }, { creator }] = await Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]);
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] };
  return async (content) => {
    const result = await lintSource({ source: { content, filePath: 'manifest.yaml', ext: '.yaml', contentType: 'text' }, options: { config, maskSecrets: true } });
    return result.messages.map((m) => ({ ruleId: m.ruleId, messageId: m.messageId ?? '', offset: m.range[0], end: m.range[1] }));
  };
}

export async function secretlintScan(text: string): Promise<SecretlintMatch[]> {
  return (await (lint ??= load()))(text);
}
