// Access keys found on an idac-managed IAM user that idac's state does not hold (made by hand, or
// left by another tool). Reported, never deleted. The key id is shortened to its last four
// characters, as the AWS console's lists do: enough to find the key, not a credential lookup handle.

export interface UnknownAccessKey {
  identity: string;
  user: string;
  /** `AKIA…WXYZ`. */
  accessKeyId: string;
  status: string;
}

export function unknownAccessKeys(
  identity: string,
  user: string,
  listed: readonly { accessKeyId: string; status: string }[],
  managed: readonly string[],
): UnknownAccessKey[] {
  const known = new Set(managed);
  return listed
    .filter((k) => !known.has(k.accessKeyId))
    .map((k) => ({ identity, user, accessKeyId: shortKeyId(k.accessKeyId), status: k.status }))
    .sort((a, b) => (a.accessKeyId < b.accessKeyId ? -1 : a.accessKeyId > b.accessKeyId ? 1 : 0));
}

export function shortKeyId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 4)}…${id.slice(-4)}` : '…';
}
