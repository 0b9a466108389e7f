// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HolidayRules } from '@/utils/calendar/calendar';

// The storage answers late, as chrome.storage does under load: each write resolves only when the test says so.
const writes: Array<{ value: HolidayRules | null; done: () => void }> = [];
let saved: HolidayRules | null = null;
vi.mock('@/utils/calendar/store', async (original) => ({
  ...(await original<typeof import('@/utils/calendar/store')>()),
  holidayRulesItem: {
    getValue: async () => saved,
    setValue: (value: HolidayRules | null) =>
      new Promise<void>((resolve) =>
        writes.push({
          value,
          done: () => {
            saved = value;
            resolve();
          },
        }),
      ),
  },
}));

const { HolidayRulesField } = await import('@/components/settings/HolidayRules');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Types into a React-controlled box as a person does: the value, then the input event React listens to. */
function type(box: HTMLInputElement, text: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(box, text);
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

afterEach(() => {
  writes.length = 0;
  saved = null;
  document.body.innerHTML = '';
});

describe('the holiday rules field', () => {
  it('keeps both of two days added before the first one is saved', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const root = createRoot(host);
    await act(async () => root.render(<HolidayRulesField language="vi" />));
    const add = async (when: string, name: string) =>
      act(async () => {
        type(host.querySelector<HTMLInputElement>('#holiday-when')!, when);
        type(host.querySelector<HTMLInputElement>('#holiday-name')!, name);
        host.querySelector<HTMLButtonElement>('fieldset button.primary')!.click();
      });
    // Before, the second day was added to the rules as they were before the first: the first was lost.
    await add('20/11', 'Ngày Nhà giáo Việt Nam');
    await add('08/03', 'Quốc tế Phụ nữ');
    while (writes.length) await act(async () => writes.shift()!.done());
    const names = JSON.stringify(saved);
    expect(names).toContain('Ngày Nhà giáo Việt Nam');
    expect(names).toContain('Quốc tế Phụ nữ');
    const list = host.querySelector('[data-testid="holiday-rules"]')!.textContent!;
    expect(list).toContain('Ngày Nhà giáo Việt Nam');
    expect(list).toContain('Quốc tế Phụ nữ');
    await act(async () => root.unmount());
  });
});
