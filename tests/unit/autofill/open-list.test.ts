import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitsOrSettled } from '@/utils/autofill/adapters/open-list';

type Shown = Array<{ choice: { value: string; text: string } }>;

/** The probe polled as waitFor polls it, the clock moved by hand; the first answer and when it came. */
function poll(probe: () => { hit: Shown | null } | null, untilMs: number) {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  for (; now <= untilMs; now += 50) {
    const answer = probe();
    if (answer) return { answer, at: now };
  }
  return null;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('waiting for a list to show a fit', () => {
  const kinh: Shown = [{ choice: { value: '01', text: 'Kinh' } }];
  const never = () => null;

  it('gives up on a list its typed filter has emptied, well before the 5 s timeout', () => {
    const result = poll(
      fitsOrSettled<Shown>(never, () => null, true),
      5000,
    );
    expect(result?.answer).toEqual({ hit: null });
    expect(result!.at).toBeGreaterThanOrEqual(2000);
    expect(result!.at).toBeLessThan(2500);
  });

  it('keeps waiting for a list opened without typing, which may still be loading', () => {
    expect(
      poll(
        fitsOrSettled<Shown>(never, () => null),
        5000,
      ),
    ).toBeNull();
  });

  it('gives up on options that stop changing without a fit, and takes a fit as soon as it shows', () => {
    const settled = poll(
      fitsOrSettled<Shown>(never, () => kinh, true),
      5000,
    );
    expect(settled?.answer).toEqual({ hit: null });
    expect(settled!.at).toBeLessThan(1500);
    let calls = 0;
    const late = () => (++calls > 10 ? kinh : null);
    const found = poll(
      fitsOrSettled<Shown>(late, () => null, true),
      5000,
    );
    expect(found?.answer).toEqual({ hit: kinh });
  });
});
