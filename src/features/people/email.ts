// A person is an e-mail address, exactly as the schemas define one (schema/*.json definitions.email),
// so a flag accepts what a manifest may hold and nothing else.

import { machineIdentitySchema } from '../../manifest/schemas.js';

const definition = (machineIdentitySchema.definitions as Record<string, { pattern: string; maxLength: number }>).email!;
const PATTERN = new RegExp(definition.pattern);

export function isEmail(text: string): boolean {
  return text.length <= definition.maxLength && PATTERN.test(text);
}

/** Addresses compare case-insensitively everywhere in idac (src/model/org.ts). */
export function samePerson(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
