import { describe, expect, it } from 'vitest';
import { combine, Diagnostics, error, fail, failAll, messageOf, ok, summaries } from '../../src/common/result.js';

describe('Result and Diagnostic', () => {
  it('a failure is a list of error diagnostics, printed as their summaries', () => {
    const f = fail('--dir x: no such directory', { subject: '--dir' });
    expect(f).toEqual({
      ok: false,
      diagnostics: [{ severity: 'error', summary: '--dir x: no such directory', subject: '--dir' }],
    });
    expect(messageOf(failAll(['a', 'b']))).toBe('a\nb');
    expect(messageOf(failAll(['a', 'b']), '; ')).toBe('a; b');
    expect(summaries(failAll(['a', 'b']))).toEqual(['a', 'b']);
  });

  it('combine keeps every value, or every diagnostic of every failure in order', () => {
    expect(combine([ok(1), ok(2)])).toEqual(ok([1, 2]));
    expect(combine([fail('a'), ok(2), failAll(['b', 'c'])])).toEqual(failAll(['a', 'b', 'c']));
  });

  it('Diagnostics gathers along the way: a warning alone still gives the value', () => {
    const d = new Diagnostics();
    d.list.push({ ...error('w'), severity: 'warning' });
    expect(d.result('v')).toEqual(ok('v'));
    d.error('e', { detail: 'more' });
    expect(d.hasErrors).toBe(true);
    expect(d.result('v')).toEqual({
      ok: false,
      diagnostics: [
        { severity: 'warning', summary: 'w' },
        { severity: 'error', summary: 'e', detail: 'more' },
      ],
    });
  });
});
