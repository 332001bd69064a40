// Which team an imported identity belongs to, from the three sources `idac import` offers: a
// mapping file of name globs, a tag/label, one default team. An identity none of them places is
// not written (a manifest needs a team, and a guessed team would put it under the wrong owners).

import { parse } from 'yaml';
import { fail, ok, type Result } from '../../../common/result.js';
import type { EstateIdentity } from '../types.js';
import { slug } from './names.js';

export const TEAM_NAME = /^[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** `--team-map`: name globs in file order, each to a team; the first glob that matches wins. */
export type TeamMap = readonly { glob: string; team: string; pattern: RegExp }[];

export interface Placement {
  /** `--team-map` */
  map?: TeamMap;
  /** `--team-from`: the tag/label whose value names the team. */
  from?: string;
  /** `--team`: the team of every identity nothing else places. */
  team?: string;
}

/** `*` any run of characters, `?` one character; everything else literal; the whole text must match. */
export function globPattern(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's');
}

/** The `--team-map` file: a YAML mapping of name glob → team name. */
export function parseTeamMap(text: string, file: string): Result<TeamMap> {
  let data: unknown;
  try {
    data = parse(text, { version: '1.2', schema: 'core', uniqueKeys: true, maxAliasCount: 0 });
  } catch (e) {
    return fail(`--team-map ${file} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return fail(`--team-map ${file} must be a YAML mapping of name glob to team, e.g. "payments-*: payments"`);
  const map: { glob: string; team: string; pattern: RegExp }[] = [];
  for (const [glob, team] of Object.entries(data as Record<string, unknown>)) {
    if (typeof team !== 'string' || !TEAM_NAME.test(team))
      return fail(
        `--team-map ${file}: ${JSON.stringify(glob)} maps to ${JSON.stringify(team)}, which is not a team name ` +
          `(lowercase letters, digits and '-', like payments)`,
      );
    map.push({ glob, team, pattern: globPattern(glob) });
  }
  return ok(map);
}

/** A tag/label value: the key as given, else the key in another case (AWS tags are case-sensitive, people not). */
export function labelValue(labels: Readonly<Record<string, string>>, key: string): string | undefined {
  if (Object.hasOwn(labels, key)) return labels[key];
  const lower = key.toLowerCase();
  const match = Object.keys(labels)
    .sort()
    .find((k) => k.toLowerCase() === lower);
  return match === undefined ? undefined : labels[match];
}

/**
 * The team, or why none: the map first (a glob over the live name, or the cloud id if it has a ':'), then the tag,
 * then the default.
 */
export function placeTeam(identity: EstateIdentity, how: Placement): { team: string } | { unplaced: string } {
  // A glob with a ':' is over cloud ids (arn:aws:iam::*:role/data/*, k8s:prod-eu/payments/*), any other over names.
  const hit = how.map?.find((m) => m.pattern.test(m.glob.includes(':') ? identity.id : identity.name));
  if (hit) return { team: hit.team };
  if (how.from !== undefined) {
    const value = labelValue(identity.labels, how.from);
    if (value !== undefined) {
      const words = slug(value);
      const team = (/^[a-z]/.test(words) ? words : `team-${words}`).slice(0, 63).replace(/-+$/, '');
      if (TEAM_NAME.test(team)) return { team };
    }
  }
  if (how.team !== undefined) return { team: how.team };
  const tried = [
    how.map ? 'no --team-map glob matches it' : null,
    how.from !== undefined ? `it has no usable ${how.from} tag or label` : null,
  ].filter((t): t is string => t !== null);
  return { unplaced: `${tried.length > 0 ? tried.join(' and ') : 'no team option given'}; give --team for the rest` };
}
