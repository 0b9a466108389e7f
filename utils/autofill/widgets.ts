import { matchKey } from '../vn/text';
import { pickAmong, pickOption, setValue, type FillOutcome } from './fill';
import { whenDom } from './wait';

/**
 * Dropdowns that are not <select>: ARIA comboboxes (button → listbox → option), ng-select (opened by a
 * mousedown, with a search box, options in a panel at the end of the page), mat-select, SurveyJS list
 * items. They ignore typed values: open them, filter when they offer a search box, click the option, read back.
 */
export const comboboxSelector = '[role=combobox]:not(input), .ng-select, mat-select, x-select';
const optionSelector = '[role=option], .ng-option, mat-option, .sv-list__item, .x-select-option';
/** How long an opened list may take to show its options. */
export const optionsTimeoutMs = 3000;

function press(el: Element) {
  const view = el.ownerDocument.defaultView ?? window;
  for (const type of ['mousedown', 'mouseup', 'click']) {
    el.dispatchEvent(new view.MouseEvent(type, { bubbles: true, cancelable: true, view }));
  }
}

function visibleOptions(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(optionSelector)].filter(
    (o) => o.isConnected && !o.closest('[hidden]') && o.getAttribute('aria-disabled') !== 'true' && !o.classList.contains('ng-option-disabled'),
  );
}

function waitFor<T>(doc: Document, probe: () => T | null, timeoutMs: number): Promise<T | null> {
  return whenDom(doc.body, probe, timeoutMs);
}

/** The text a combobox shows as its current value. */
export function comboboxText(el: HTMLElement): string {
  const label = el.querySelector('.ng-value-label, .mat-select-value-text, .mat-mdc-select-value-text, .sd-dropdown__value, .x-select-header');
  return (label ?? el).textContent?.trim() ?? '';
}

export async function fillCombobox(el: HTMLElement, wanted: string[], keyOf: (t: string) => string = matchKey, timeoutMs = optionsTimeoutMs): Promise<FillOutcome> {
  const doc = el.ownerDocument;
  // ng-select opens on its container, the Ministry of Justice x-select on its header.
  const trigger = el.querySelector<HTMLElement>('.ng-select-container, .x-select-header') ?? el;
  press(trigger);
  const search = await waitFor(doc, () => el.querySelector<HTMLInputElement>('input:not([type=hidden])') ?? doc.querySelector<HTMLInputElement>('[role=listbox] input, .ng-dropdown-panel input'), 150);
  if (search && wanted[wanted.length - 1]) setValue(search, wanted[wanted.length - 1]!);
  const options = await waitFor(doc, () => {
    const list = visibleOptions(doc);
    return list.length > 0 ? list : null;
  }, timeoutMs);
  if (!options) {
    press(doc.body);
    return { status: 'failed', detail: 'Danh sách lựa chọn không mở ra.' };
  }
  const texts = options.map((o) => ({ value: o.getAttribute('data-value') ?? o.getAttribute('value') ?? '', text: o.textContent?.trim() ?? '' }));
  const pick = pickAmong(texts, wanted, keyOf);
  if (pick) {
    const chosenText = texts[pick.index]!.text;
    press(options[pick.index]!);
    const shown = comboboxText(el);
    if (keyOf(shown).includes(keyOf(chosenText))) {
      return pick.loose ? { status: 'check', detail: `Đã chọn "${chosenText}" cho "${pick.value}".` } : { status: 'filled', detail: '' };
    }
    return { status: 'check', detail: `Đã bấm "${chosenText}" nhưng ô vẫn hiện "${shown}".` };
  }
  const other = pickOption(texts, 'Khác', keyOf);
  if (other) {
    press(options[other.index]!);
    return { status: 'check', detail: `Không có lựa chọn "${wanted.at(-1)}", đã chọn "Khác".` };
  }
  press(doc.body);
  return { status: 'failed', detail: `Không có lựa chọn "${wanted.at(-1)}".` };
}
