import type { BridgeRequest, BridgeResponse, Choice, ModelValue } from '@/utils/autofill/bridge/protocol';

/**
 * The Form.io side of the page-world bridge: `element.component` is the component instance Form.io keeps on
 * each component's element (its API: `dataValue`, `setValue`, `disabled`, a select's `selectOptions` and
 * `itemsLoaded` for lists that load from a URL). Values go in and come out as the submission holds them.
 */
interface ComponentLike {
  key?: string;
  type?: string;
  component?: {
    type?: string;
    key?: string;
    values?: Array<{ value: unknown; label: string }>;
    data?: { values?: Array<{ value: unknown; label: string }> };
    dataSrc?: string;
  };
  dataValue?: unknown;
  disabled?: boolean;
  options?: { readOnly?: boolean };
  selectOptions?: Array<{ value: unknown; label: string }>;
  itemsLoaded?: Promise<unknown>;
  loading?: boolean;
  /** A lazy-loading select fetches its items only once activated (opened). */
  activate?(): void;
  active?: boolean;
  setValue(value: unknown, flags?: Record<string, unknown>): unknown;
  triggerChange?(flags?: Record<string, unknown>): unknown;
}

const isComponent = (v: unknown): v is ComponentLike =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as ComponentLike).setValue === 'function' &&
  'component' in (v as object);

function componentOf(el: Element): ComponentLike | null {
  const own = (el as unknown as { component?: unknown }).component;
  if (isComponent(own)) return own;
  const holder = el.closest('.formio-component');
  const near = (holder as unknown as { component?: unknown } | null)?.component;
  return isComponent(near) ? near : null;
}

const text = (v: unknown): ModelValue =>
  v === undefined || v === null || v === '' ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** A select's option labels are HTML (`<span>Kinh</span>`): their text, parsed inert in a template. */
function plain(label: unknown): string {
  const text = String(label ?? '');
  if (!text.includes('<')) return text;
  const template = document.createElement('template');
  template.innerHTML = text;
  return (template.content.textContent ?? '').trim();
}

function choicesOf(c: ComponentLike): Choice[] | null {
  const list = c.selectOptions?.length ? c.selectOptions : (c.component?.values ?? c.component?.data?.values ?? null);
  if (!list) return null;
  return list
    .filter((o) => o && o.value !== undefined && o.value !== '')
    .map((o) => ({
      value: typeof o.value === 'object' ? JSON.stringify(o.value) : String(o.value),
      text: plain(o.label ?? o.value),
    }));
}

const typeOf = (c: ComponentLike) => c.component?.type ?? c.type ?? '';
const hasChoices = (c: ComponentLike) => ['select', 'radio', 'selectboxes'].includes(typeOf(c));

function state(c: ComponentLike) {
  const value = text(c.dataValue);
  const chosen = hasChoices(c) ? choicesOf(c)?.find((o) => o.value === value) : undefined;
  return {
    value,
    ...(chosen ? { text: chosen.text } : {}),
    readOnly: Boolean(c.disabled || c.options?.readOnly),
    hasChoices: hasChoices(c),
    type: typeOf(c),
    via: 'formio',
  };
}

export function handleFormio(
  el: Element,
  request: Exclude<BridgeRequest, { op: 'ping' }>,
): BridgeResponse | Promise<BridgeResponse> {
  const { id } = request;
  const c = componentOf(el);
  if (!c) return { id, ok: false, error: 'no-model' };
  switch (request.op) {
    case 'get':
      return { id, ok: true, ...state(c) };
    case 'choices': {
      // A select whose items load from a URL when it is opened: open it, as a person's click would.
      if (typeOf(c) === 'select' && c.active === false) {
        try {
          c.activate?.();
        } catch {
          // Read what it has.
        }
      }
      const ready = () => ({ id, ok: true as const, choices: choicesOf(c) ?? [] });
      const loadedNow = (choicesOf(c)?.length ?? 0) > 0 && !c.loading;
      if (loadedNow || !c.itemsLoaded) return ready();
      return Promise.race([
        c.itemsLoaded.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), request.timeoutMs)),
      ]).then(
        (ok): BridgeResponse => (ok || (choicesOf(c)?.length ?? 0) > 0 ? ready() : { id, ok: false, error: 'timeout' }),
      );
    }
    case 'set': {
      if (c.disabled || c.options?.readOnly) return { id, ok: false, error: 'readonly' };
      let value: unknown = request.value;
      if (hasChoices(c) && request.value !== null) {
        const raw = (
          c.selectOptions?.length ? c.selectOptions : (c.component?.values ?? c.component?.data?.values ?? [])
        ).find((o) => String(typeof o.value === 'object' ? JSON.stringify(o.value) : o.value) === request.value);
        if (!raw) return { id, ok: false, error: 'not-a-choice' };
        value = raw.value;
      }
      if (
        typeOf(c) === 'datetime' &&
        request.value !== null &&
        !/^\d{4}-\d{2}-\d{2}(T[\d:.]+([+-]\d{2}:\d{2}|Z)?)?$/.test(request.value)
      )
        return { id, ok: false, error: 'bad-date' };
      try {
        c.setValue(value ?? (hasChoices(c) ? '' : ''), { modified: true });
        c.triggerChange?.({ modified: true });
      } catch {
        // Read back whatever the component kept.
      }
      return { id, ok: true, ...state(c) };
    }
  }
}
