import { refFor } from '@/utils/autofill/bridge/client';
import type { Adapter, Control } from '@/utils/autofill/control';
import { textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { ariaComboboxAdapter } from '@/utils/autofill/adapters/aria-combobox';
import { fillThroughModel, modelRefOf, readModel, restoreModel, snapshotModel } from '@/utils/autofill/adapters/model';
import { innerControl } from '@/utils/autofill/adapters/nested';
import { radioAdapter } from '@/utils/autofill/adapters/radio';
import { selectAdapter } from '@/utils/autofill/adapters/select';
import { refused } from '@/utils/autofill/adapters/shared';
import { textAdapter } from '@/utils/autofill/adapters/text';

/**
 * A SurveyJS question (`.sd-question[data-name]`, `.sv_q[data-name]` in older themes), whatever renders it.
 * Written and read through the survey model over the bridge; where no renderer marker leads to the model
 * (Angular production builds), through the control it renders — its input, its dropdown (a combobox with a
 * popup list), its radios — and read back from what it shows. The portal duplicates questions for mobile:
 * only the visible copy is taken.
 */
const questionSelector = '.sd-question[data-name], .sv_q[data-name], .sv-question[data-name]';
const domAdapters = [ariaComboboxAdapter, selectAdapter, radioAdapter, textAdapter];

const inner = (c: Control) => innerControl(c.element, domAdapters, c);

function kindOf(q: HTMLElement): Control['kind'] {
  if (q.querySelector('.sd-dropdown, .sd-tagbox, select, [role=combobox], .sd-selectbase, input[type=radio]'))
    return 'choice';
  if (q.querySelector('input[type=date]')) return 'date';
  return 'text';
}

export const surveyAdapter: Adapter = {
  id: 'surveyjs',
  find(root, owned) {
    const out: ReturnType<Adapter['find']> = [];
    for (const q of root.querySelectorAll<HTMLElement>(questionSelector)) {
      if (owned.has(q) || q.parentElement?.closest(questionSelector)) continue;
      // Panels and matrices hold questions of their own; a question element with no control is no field.
      if (!q.querySelector('input:not([type=hidden]), textarea, select, [role=combobox], .sd-dropdown')) continue;
      const name = q.getAttribute('data-name')!;
      const title = q.querySelector('.sd-question__title, .sv_q_title, .sv-question__title');
      const titleText = textOf(title?.querySelector('.sv-string-viewer') ?? title);
      out.push({
        control: {
          element: q,
          kind: kindOf(q),
          names: [name],
          readOnly: q.classList.contains('sd-question--readonly') || q.classList.contains('sd-question--disabled'),
          labels: titleText ? [titleText] : [],
          model: { framework: 'survey', name, ref: refFor(q) },
        },
        owns: [q, ...q.querySelectorAll('*')],
      });
    }
    return out;
  },
  visible: (c) => isVisibleToOfficer(c.element),
  read(c) {
    const ref = modelRefOf(c)!;
    const viaModel = readModel(c, ref);
    if (viaModel) return viaModel;
    const control = inner(c);
    return control ? control.adapter.read(control) : { ok: false, reason: 'unreadable' };
  },
  async fill(c, want, ctx) {
    const ref = modelRefOf(c)!;
    const viaModel = await fillThroughModel(c, ref, want, ctx.listTimeoutMs);
    // A list that loads page by page as it is scrolled or searched (choicesLazyLoadEnabled) has not loaded the
    // option yet: search it in the dropdown, as a person would.
    const notListed = viaModel?.refused?.code === 'noOption' || viaModel?.refused?.code === 'listTimeout';
    if (viaModel && !notListed) return viaModel;
    const control = inner(c);
    if (viaModel && !control) return viaModel;
    if (!control) return refused({ code: 'noModel', params: { library: 'SurveyJS' } });
    return control.adapter.fill(control, want, ctx);
  },
  snapshot(c) {
    const viaModel = snapshotModel(c, modelRefOf(c)!);
    if (viaModel) return viaModel;
    const control = inner(c);
    return control ? control.adapter.snapshot(control) : { text: '' };
  },
  restore(c, s) {
    if ((s.raw as { model?: unknown } | undefined)?.model !== undefined) return restoreModel(c, modelRefOf(c)!, s);
    const control = inner(c);
    return control ? control.adapter.restore(control, s) : false;
  },
};
