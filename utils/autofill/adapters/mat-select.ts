import type { Adapter, Control } from '@/utils/autofill/control';
import { press, textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * Angular Material's `mat-select`: a trigger that opens `mat-option`s in a CDK overlay pane at the end of the
 * body (with a search box only when the app adds one); the choice shown in `.mat-mdc-select-value-text`
 * (`.mat-select-value-text` before MDC). Angular radios and date inputs are native controls underneath and go
 * through the radio and text adapters.
 */
const shown = (c: Control) => {
  const text = textOf(c.element.querySelector('.mat-mdc-select-value-text, .mat-select-value-text'));
  return text ? { value: c.element.getAttribute('ng-reflect-value') ?? '', text } : null;
};

export const matSelectAdapter: Adapter = {
  id: 'mat-select',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLElement>('mat-select, .mat-mdc-select:not(mat-select *)')]
      .filter((el) => !owned.has(el))
      .map((el) => ({
        control: {
          element: el,
          kind: 'choice' as const,
          names: namesOf(el),
          readOnly: el.getAttribute('aria-disabled') === 'true' || el.classList.contains('mat-mdc-select-disabled'),
        },
        owns: [el],
      }));
  },
  visible: (c) => isVisibleToOfficer(c.element),
  read: (c) => ({ ok: true, text: shown(c)?.text ?? '', choice: shown(c) }),
  async fill(c, want, ctx) {
    if (c.readOnly) return refused({ code: 'readonly' });
    const doc = c.element.ownerDocument;
    const pane = () =>
      doc.querySelector('.cdk-overlay-container .mat-mdc-select-panel, .cdk-overlay-container .mat-select-panel');
    return chooseInList(
      {
        doc,
        open: () => press(c.element.querySelector('.mat-mdc-select-trigger, .mat-select-trigger') ?? c.element),
        search: () => pane()?.querySelector<HTMLInputElement>('input') ?? null,
        scope: () => pane() ?? doc,
        optionSelector: 'mat-option:not(.mat-mdc-option-disabled), .mat-mdc-option:not(.mat-mdc-option-disabled)',
        close: () => closeList(doc, c.element),
      },
      want,
      ctx.listTimeoutMs,
    );
  },
  snapshot: (c) => ({ text: shown(c)?.text ?? '', choice: shown(c) }),
  restore: (c, s) => !s.choice && !shown(c),
};
