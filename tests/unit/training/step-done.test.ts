import { describe, expect, it } from 'vitest';
import { stepDoneWatcher } from '@/utils/training/step-done';

const element = (name: string) => ({ name }) as unknown as Element;

describe('a tour step done while it is shown', () => {
  it('is not done by a report left over from an earlier exercise', () => {
    const old = element('old report');
    const isDone = stepDoneWatcher(() => old);
    expect(isDone()).toBe(false);
    expect(isDone()).toBe(false);
  });

  it('is done when a new report takes the old one’s place between two ticks', () => {
    let shown = element('old report');
    const isDone = stepDoneWatcher(() => shown);
    expect(isDone()).toBe(false);
    shown = element('new report');
    expect(isDone()).toBe(true);
  });

  it('is done when its condition turns true after being false', () => {
    let shown: Element | null = null;
    const input = element('declarant');
    const isDone = stepDoneWatcher(() => shown);
    expect(isDone()).toBe(false);
    shown = input;
    expect(isDone()).toBe(true);
  });

  it('is done when a leftover report goes and comes back', () => {
    const old = element('report');
    let shown: Element | null = old;
    const isDone = stepDoneWatcher(() => shown);
    shown = null;
    expect(isDone()).toBe(false);
    shown = old;
    expect(isDone()).toBe(true);
  });
});
