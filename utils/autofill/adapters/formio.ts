import { refFor } from '@/utils/autofill/bridge/client';
import type { Adapter, Control } from '@/utils/autofill/control';
import { textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { choicesAdapter } from '@/utils/autofill/adapters/choices';
import { fillThroughModel, modelRefOf, readModel, restoreModel, snapshotModel } from '@/utils/autofill/adapters/model';
import { innerControl } from '@/utils/autofill/adapters/nested';
import { radioAdapter } from '@/utils/autofill/adapters/radio';
import { selectAdapter } from '@/utils/autofill/adapters/select';
import { refused } from '@/utils/autofill/adapters/shared';
import { textAdapter } from '@/utils/autofill/adapters/text';

/**
 * A Form.io component (`.formio-component-<type> .formio-component-<key>`): written and read through the
 * component's own API over the bridge (selects and their URL-loaded options, datetime as ISO, day as
 * MM/DD/YYYY), named by its key. Containers (panels, fieldsets, columns) are no fields; their legends and
 * titles are the block headings. Choices.js' own search box inside a select is part of the select.
 */
const leafTypes = [
  'textfield',
  'textarea',
  'email',
  'phoneNumber',
  'number',
  'select',
  'radio',
  'datetime',
  'day',
  'checkbox',
  'selectboxes',
  'currency',
  'tags',
  'address',
  'password',
  'url',
];
const domAdapters = [choicesAdapter, selectAdapter, radioAdapter, textAdapter];

function typeAndKey(el: HTMLElement): { type: string; key: string } | null {
  const classes = [...el.classList]
    .filter((c) => c.startsWith('formio-component-'))
    .map((c) => c.slice('formio-component-'.length));
  const type = classes.find((c) => leafTypes.includes(c));
  if (!type) return null;
  const key =
    classes.find((c) => c !== type && !['label-hidden', 'multiple', 'disabled', 'required'].includes(c)) ?? '';
  return { type, key };
}

const inner = (c: Control) => innerControl(c.element, domAdapters, c);

export const formioAdapter: Adapter = {
  id: 'formio',
  find(root, owned) {
    const out: ReturnType<Adapter['find']> = [];
    for (const el of root.querySelectorAll<HTMLElement>('.formio-component')) {
      if (owned.has(el)) continue;
      const info = typeAndKey(el);
      if (!info || info.type === 'checkbox' || info.type === 'password') continue;
      const label = el.querySelector(
        ':scope > label, :scope > .control-label, :scope label.col-form-label, :scope > legend',
      );
      out.push({
        control: {
          element: el,
          kind:
            info.type === 'datetime' || info.type === 'day'
              ? 'date'
              : ['select', 'radio', 'selectboxes'].includes(info.type)
                ? 'choice'
                : 'text',
          names: [
            info.key,
            ...[...el.querySelectorAll('[name^="data["]')].map((n) =>
              n.getAttribute('name')!.replace(/^data\[|\]$/g, ''),
            ),
          ].filter(Boolean),
          readOnly:
            el.classList.contains('formio-disabled-input') ||
            Boolean(el.querySelector('input[disabled], select[disabled]')),
          labels: label ? [textOf(label)] : [],
          model: { framework: 'formio', name: info.key, ref: refFor(el) },
        },
        owns: [el, ...el.querySelectorAll('*')],
      });
    }
    return out;
  },
  visible: (c) => isVisibleToOfficer(c.element) && !c.element.classList.contains('formio-hidden'),
  read(c) {
    const viaModel = readModel(c, modelRefOf(c)!);
    if (viaModel) return viaModel;
    const control = inner(c);
    return control ? control.adapter.read(control) : { ok: false, reason: 'unreadable' };
  },
  async fill(c, want, ctx) {
    const viaModel = await fillThroughModel(c, modelRefOf(c)!, want, ctx.listTimeoutMs);
    if (viaModel) return viaModel;
    const control = inner(c);
    if (!control) return refused({ code: 'noModel', params: { library: 'Form.io' } });
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
