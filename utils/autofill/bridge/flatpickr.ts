import type { BridgeRequest, BridgeResponse } from '@/utils/autofill/bridge/protocol';

/**
 * flatpickr: its documented API is the instance the input carries (`input._flatpickr`): `setDate(date, true)`
 * sets it and fires the page's onChange, `input.value` is the date in the page's `dateFormat`. Its input is
 * read-only by default, so typing into it does nothing.
 */
interface FlatpickrLike {
  setDate(date: Date | string, triggerChange?: boolean, format?: string): void;
  clear(triggerChange?: boolean): void;
  input: HTMLInputElement;
  selectedDates: Date[];
  config?: { dateFormat?: string };
}

const isFlatpickr = (v: unknown): v is FlatpickrLike =>
  typeof v === 'object' && v !== null && typeof (v as FlatpickrLike).setDate === 'function';

function instanceOf(el: Element): FlatpickrLike | null {
  for (const candidate of [el, el.previousElementSibling, el.parentElement?.querySelector('.flatpickr-input')]) {
    const fp = (candidate as unknown as { _flatpickr?: unknown } | null)?._flatpickr;
    if (isFlatpickr(fp)) return fp;
  }
  return null;
}

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function state(fp: FlatpickrLike) {
  const date = fp.selectedDates[0];
  return {
    value: date ? iso(date) : null,
    text: fp.input.value,
    readOnly: fp.input.disabled,
    hasChoices: false,
    type: 'date',
    via: 'flatpickr',
  };
}

export function handleFlatpickr(el: Element, request: Exclude<BridgeRequest, { op: 'ping' }>): BridgeResponse {
  const { id } = request;
  const fp = instanceOf(el);
  if (!fp) return { id, ok: false, error: 'no-model' };
  if (request.op === 'choices') return { id, ok: true, choices: [] };
  if (request.op === 'get') return { id, ok: true, ...state(fp) };
  if (fp.input.disabled) return { id, ok: false, error: 'readonly' };
  if (request.value === null) {
    fp.clear(true);
    return { id, ok: true, ...state(fp) };
  }
  const m = request.value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return { id, ok: false, error: 'bad-date' };
  fp.setDate(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])), true);
  return { id, ok: true, ...state(fp) };
}
