import { matchKey } from '../vn/text';
import { isShown } from './dom';
import { whenDom } from './wait';
import type { ClassifiedField } from './collect';

/**
 * Fill: one field at a time, set through the prototype setter (so React and Angular see it), dispatch the
 * events the widget listens for, then read back what the page kept.
 */
export type FillStatus = 'filled' | 'check' | 'missing' | 'unknown' | 'readonly' | 'failed';

export interface FillOutcome {
  status: FillStatus;
  /** What the officer should know, in Vietnamese. */
  detail: string;
}

/** What a field held before motcua touched it, for "Hoàn tác". */
export interface Snapshot {
  element: HTMLElement;
  value: string;
  checked?: HTMLInputElement | null;
  /** A framework-model question (SurveyJS): the value its model held. */
  model?: { ref: import('./bridge/client').ModelRef; value: string | null };
}

function nativeSetter(el: HTMLElement): ((v: string) => void) | null {
  const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : el.tagName === 'SELECT' ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  return setter ? (v: string) => setter.call(el, v) : null;
}

function fire(el: HTMLElement, type: string) {
  const view = el.ownerDocument.defaultView ?? window;
  const Ctor = type === 'focus' || type === 'blur' ? view.FocusEvent : view.Event;
  el.dispatchEvent(new Ctor(type, { bubbles: type !== 'focus' && type !== 'blur' }));
}

export function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  fire(el, 'focus');
  const set = nativeSetter(el);
  if (set) set(value);
  else el.value = value;
  fire(el, 'input');
  fire(el, 'change');
  fire(el, 'blur');
}

/**
 * An option matching the value: by value, then by folded text; a loose match only when it is the only one.
 * `keyOf` decides what "folded" means (place names also drop "Phường", "Tỉnh"...).
 */
export function pickOption(
  options: Array<{ value: string; text: string }>,
  wanted: string,
  keyOf: (text: string) => string = matchKey,
): { index: number; loose: boolean } | null {
  const key = keyOf(wanted);
  const exactValue = options.findIndex((o) => o.value === wanted);
  if (exactValue >= 0) return { index: exactValue, loose: false };
  const exactText = options.findIndex((o) => keyOf(o.text) === key || keyOf(o.value) === key);
  if (exactText >= 0) return { index: exactText, loose: false };
  const loose = options
    .map((o, index) => ({ index, text: keyOf(o.text) }))
    .filter((o) => o.text && (` ${o.text} `.includes(` ${key} `) || ` ${key} `.includes(` ${o.text} `)));
  // "Hán" once matched "Kháng": whole words only, and never when more than one option fits.
  return loose.length === 1 ? { index: loose[0]!.index, loose: true } : null;
}

/**
 * The option for the first of several acceptable values (a code or a name; "Mẹ đẻ" or "Mẹ"): an exact match
 * of any of them beats a loose match of the first.
 */
export function pickAmong(
  options: Array<{ value: string; text: string }>,
  wanted: string[],
  keyOf: (text: string) => string = matchKey,
): { index: number; loose: boolean; value: string } | null {
  let loose: { index: number; loose: boolean; value: string } | null = null;
  for (const value of wanted) {
    const pick = pickOption(options, value, keyOf);
    if (pick && !pick.loose) return { ...pick, value };
    if (pick) loose ??= { ...pick, value };
  }
  return loose;
}

/** How long a dependent list (Xã/Phường after Tỉnh) may take to load before the field is reported. */
export const cascadeTimeoutMs = 5000;

/**
 * Selects one of several acceptable values (a unit's code or its name) in a list that may still be loading
 * because its parent just changed: waits for the options, without fixed sleeps, up to `timeoutMs`.
 */
export function fillSelectWhenReady(
  select: HTMLSelectElement,
  wanted: string[],
  keyOf: (text: string) => string,
  timeoutMs = cascadeTimeoutMs,
): Promise<FillOutcome> {
  const attempt = (): FillOutcome | null => {
    if (select.disabled) return null;
    const options = [...select.options].map((o) => ({ value: o.value, text: o.text }));
    const pick = pickAmong(options, wanted, keyOf);
    if (!pick) return null;
    setValue(select, options[pick.index]!.value);
    return pick.loose ? { status: 'check', detail: `Đã chọn "${options[pick.index]!.text}" cho "${pick.value}".` } : { status: 'filled', detail: '' };
  };
  return whenDom(select, attempt, timeoutMs, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] }).then(
    (done) => done ?? { status: 'failed', detail: `Danh sách chưa có "${wanted.at(-1)}" sau ${timeoutMs / 1000} giây (trang tải chậm hoặc không có mục này).` },
  );
}

export function snapshot(field: ClassifiedField): Snapshot {
  const el = field.element as HTMLInputElement;
  if (field.kind === 'radio') return { element: el, value: '', checked: field.options?.find((o) => o.checked) ?? null };
  return { element: el, value: el.value ?? '' };
}

export function restore(s: Snapshot, field?: ClassifiedField) {
  if (field?.kind === 'radio' || s.checked !== undefined) {
    for (const option of field?.options ?? []) option.checked = option === s.checked;
    if (s.checked) fire(s.checked, 'change');
    return;
  }
  // Only form controls take a value back; a widget (mat-select, ng-select) is reported instead.
  if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(s.element.tagName)) return;
  setValue(s.element as HTMLInputElement, s.value);
}

function isReadOnly(el: HTMLElement): boolean {
  return (el as HTMLInputElement).readOnly || (el as HTMLInputElement).disabled || el.getAttribute('aria-readonly') === 'true';
}

export function fillField(field: ClassifiedField, value: string): FillOutcome {
  const el = field.element as HTMLInputElement;
  if (isReadOnly(el)) {
    const current = (el.value ?? '').trim();
    const differs = current && matchKey(current) !== matchKey(value);
    return { status: 'readonly', detail: differs ? `Ô chỉ đọc đang ghi "${current}", khác với hồ sơ ("${value}"): hãy kiểm tra đúng người.` : 'Ô chỉ đọc (lấy từ VNeID), không ghi đè.' };
  }
  switch (field.kind) {
    case 'text':
    case 'date':
    case 'textarea': {
      setValue(el, value);
      return el.value === value ? { status: 'filled', detail: '' } : { status: 'check', detail: `Trang giữ "${el.value}" thay vì "${value}".` };
    }
    case 'select': {
      const select = el as unknown as HTMLSelectElement;
      const options = [...select.options].map((o) => ({ value: o.value, text: o.text }));
      const pick = pickOption(options, value);
      if (pick) {
        setValue(select, options[pick.index]!.value);
        return pick.loose ? { status: 'check', detail: `Đã chọn "${options[pick.index]!.text}" cho "${value}".` } : { status: 'filled', detail: '' };
      }
      const other = pickOption(options, 'Khác');
      if (other) {
        setValue(select, options[other.index]!.value);
        return { status: 'check', detail: `Không có lựa chọn "${value}", đã chọn "Khác".` };
      }
      return { status: 'failed', detail: `Không có lựa chọn "${value}".` };
    }
    case 'radio': {
      const options = (field.options ?? []).map((o) => ({ value: o.value, text: radioLabel(o) }));
      const pick = pickOption(options, value);
      if (!pick) return { status: 'failed', detail: `Không có lựa chọn "${value}".` };
      const radio = field.options![pick.index]!;
      // A hidden input (x-radio) is chosen through its label, which is where such pages listen.
      const label = radio.id ? (radio.getRootNode() as Document).querySelector?.<HTMLElement>(`label[for="${CSS.escape(radio.id)}"]`) : null;
      if (radio.checked) return { status: 'filled', detail: '' };
      (isShown(radio) || !label ? radio : label).click();
      return radio.checked ? { status: 'filled', detail: '' } : { status: 'check', detail: 'Trang không nhận lựa chọn.' };
    }
    default:
      return { status: 'check', detail: 'Ô chọn kiểu này cần chọn tay.' };
  }
}

function radioLabel(radio: HTMLInputElement): string {
  const root = radio.getRootNode() as Document;
  const byFor = radio.id ? root.querySelector?.(`label[for="${CSS.escape(radio.id)}"]`) : null;
  return (byFor ?? radio.closest('label'))?.textContent?.trim() ?? radio.nextSibling?.textContent?.trim() ?? radio.value;
}
