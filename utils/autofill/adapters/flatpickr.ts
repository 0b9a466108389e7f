import { refFor } from '@/utils/autofill/bridge/client';
import type { Adapter, Control } from '@/utils/autofill/control';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { fillThroughModel, readModel, restoreModel, snapshotModel } from '@/utils/autofill/adapters/model';
import { isReadOnly, refused } from '@/utils/autofill/adapters/shared';
import { namesOf, textAdapter } from '@/utils/autofill/adapters/text';

/**
 * flatpickr: the input it enhances carries class `flatpickr-input`; with `altInput` that input is hidden and a
 * second, read-only one shows the date. Its input is read-only by default, so the date goes through the
 * instance over the bridge (`setDate`, which fires the page's onChange); read back from the instance. A
 * flatpickr that lets people type (`allowInput`) and has no reachable instance is typed into.
 */
const original = (c: Control) => c.parts!.original as HTMLInputElement;
const ref = (c: Control) => ({ framework: 'flatpickr' as const, ref: c.model!.ref, name: '' });

export const flatpickrAdapter: Adapter = {
  id: 'flatpickr',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLInputElement>('input.flatpickr-input')]
      .filter((el) => !owned.has(el))
      .map((el) => {
        const alt =
          el.type === 'hidden' && el.nextElementSibling instanceof HTMLInputElement ? el.nextElementSibling : null;
        const shown = alt ?? el;
        return {
          control: {
            element: shown,
            kind: 'date' as const,
            names: namesOf(el),
            readOnly: el.disabled,
            parts: { original: el, labelTarget: el },
            model: { framework: 'flatpickr' as const, name: '', ref: refFor(el) },
          },
          owns: [el, shown],
        };
      });
  },
  visible: (c) => isVisibleToOfficer(c.element),
  read(c) {
    const viaModel = readModel(c, ref(c));
    return viaModel ?? { ok: true, text: original(c).value };
  },
  async fill(c, want, ctx) {
    if (original(c).disabled) return refused({ code: 'readonly' });
    const viaModel = await fillThroughModel(c, ref(c), want, ctx.listTimeoutMs);
    if (viaModel) return viaModel;
    if (isReadOnly(c.element)) return refused({ code: 'noModel', params: { library: 'flatpickr' } });
    return textAdapter.fill(c, want, ctx);
  },
  snapshot: (c) => snapshotModel(c, ref(c)) ?? { text: original(c).value },
  restore: (c, s) => restoreModel(c, ref(c), s),
};
