// idac rotation's formats, each loaded on first use.

import { registry } from '../common/renderer.js';
import type { RotationList } from './rotation.js';

export const rotationRenderers = registry<RotationList, undefined, 'text' | 'json'>({
  text: async () => (await import('./rotation.js')).rotationText,
  json: async () => (await import('./rotation.js')).rotationJson,
});
