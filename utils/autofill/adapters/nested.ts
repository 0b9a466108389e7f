import type { Adapter, Control } from '@/utils/autofill/control';

/**
 * A framework question whose model cannot be reached is filled through the controls it renders, as a person
 * does: the first control a plain adapter finds inside it.
 */
export function innerControl(
  element: HTMLElement,
  adapters: Adapter[],
  base: Pick<Control, 'labels' | 'hints' | 'headings' | 'names'>,
): Control | null {
  for (const adapter of adapters) {
    const found = adapter.find(element, new Set())[0];
    if (found)
      return {
        ...base,
        ...found.control,
        labels: base.labels,
        hints: base.hints,
        headings: base.headings,
        names: base.names,
        adapter,
      };
  }
  return null;
}
