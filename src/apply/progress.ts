// The engine's events for one team's stack, turned into progress lines and counts. Pure: events
// in, lines and a tally out. Engine text (diagnostics) can carry anything a provider echoed, so
// each line passes through the terminal-safe filter before it is printed.

import { terminalSafe } from '../common/escape.js';
import { urnName } from './pending.js';

/** Step kinds that change something; a replacement's three steps count once, as `replace`. */
const CHANGES = new Set(['create', 'update', 'delete', 'replace', 'import']);
const SYMBOL: Record<string, string> = { create: '+', update: '~', delete: '-', replace: '+-', import: '=' };
const PAST: Record<string, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  replace: 'replaced',
  import: 'imported',
};

export interface TeamTally {
  /** Changes made (or, in a preview, that would be made), by step kind. */
  changes: Record<string, number>;
  applied: number;
  failed: number;
  unchanged: number;
  errors: string[];
  warnings: string[];
}

interface StepMetadata {
  op: string;
  urn: string;
  type: string;
}
/** The subset of the Automation API's EngineEvent this reads. */
export interface EngineEventLike {
  resourcePreEvent?: { metadata: StepMetadata };
  resOutputsEvent?: { metadata: StepMetadata };
  resOpFailedEvent?: { metadata: StepMetadata };
  diagnosticEvent?: { urn?: string; message: string; severity: string; ephemeral?: boolean };
}

function counted(m: StepMetadata): boolean {
  return !m.type.startsWith('pulumi:providers:') && m.type !== 'pulumi:pulumi:Stack';
}

export class TeamProgress {
  readonly tally: TeamTally = { changes: {}, applied: 0, failed: 0, unchanged: 0, errors: [], warnings: [] };

  constructor(
    readonly team: string,
    readonly preview: boolean,
  ) {}

  /** The lines to print for one event (often none). */
  event(e: EngineEventLike): string[] {
    const t = this.tally;
    const label = terminalSafe(this.team);
    if (e.resourcePreEvent) {
      const m = e.resourcePreEvent.metadata;
      if (!counted(m) || !CHANGES.has(m.op)) return [];
      return [
        `${label}: ${SYMBOL[m.op]} ${this.preview ? 'would ' : ''}${m.op} ${m.type} ` +
          `${terminalSafe(urnName(m.urn))}${this.preview ? '' : ' …'}`,
      ];
    }
    if (e.resOutputsEvent) {
      const m = e.resOutputsEvent.metadata;
      if (!counted(m)) return [];
      if (m.op === 'same') {
        t.unchanged++;
        return [];
      }
      if (!CHANGES.has(m.op)) return [];
      t.changes[m.op] = (t.changes[m.op] ?? 0) + 1;
      t.applied++;
      return this.preview ? [] : [`${label}: ✓ ${PAST[m.op]} ${terminalSafe(urnName(m.urn))}`];
    }
    if (e.resOpFailedEvent) {
      const m = e.resOpFailedEvent.metadata;
      t.failed++;
      return [`${label}: ✗ ${m.op} failed ${terminalSafe(urnName(m.urn))}`];
    }
    if (e.diagnosticEvent && !e.diagnosticEvent.ephemeral) {
      const d = e.diagnosticEvent;
      const text = terminalSafe(d.message.trim());
      if (text === '') return [];
      const where = d.urn ? ` ${terminalSafe(urnName(d.urn))}` : '';
      if (d.severity === 'error') {
        t.errors.push(`${where.trim() ? `${where.trim()}: ` : ''}${text}`);
        return [`${label}: error${where}: ${text}`];
      }
      if (d.severity === 'warning') {
        t.warnings.push(text);
        return [`${label}: warning${where}: ${text}`];
      }
    }
    return [];
  }
}
