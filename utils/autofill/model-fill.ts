import { matchKey } from '../vn/text';
import { modelChoices, modelGet, modelSet, type ModelRef } from './bridge/client';
import type { BridgeResponse } from './bridge/protocol';
import { cascadeTimeoutMs, pickAmong, pickOption, type FillOutcome } from './fill';

/**
 * Filling a question whose value lives in the page framework's model (SurveyJS), through the page-world
 * bridge: read it (read-only questions are reported, never written), pick among the choices the page lists
 * (waiting for a list that loads after its parent changed), write, read back.
 */
const errorText: Record<string, string> = {
  readonly: 'Ô chỉ đọc (lấy từ VNeID), không ghi đè.',
  'not-a-choice': 'Trang không nhận lựa chọn này.',
  'bad-date': 'Trang không nhận ngày này.',
  'no-question': 'Trang đã dựng lại ô này trong lúc điền.',
  'no-model': 'Không ghi được vào biểu mẫu: không thấy dữ liệu của trang (trang đã đổi?).',
  invalid: 'Không ghi được vào biểu mẫu.',
};
const noBridge = 'Không ghi được vào biểu mẫu: trang chưa sẵn sàng, hãy tải lại trang.';

const failed = (r: BridgeResponse | null): FillOutcome => ({ status: 'failed', detail: r && !r.ok ? (errorText[r.error] ?? errorText.invalid!) : noBridge });

export async function fillModel(doc: Document, ref: ModelRef, wanted: string[], keyOf: (t: string) => string = matchKey): Promise<FillOutcome> {
  const current = modelGet(doc, ref);
  if (!current) return failed(null);
  if (current.readOnly) {
    const differs = current.value !== null && !wanted.some((w) => keyOf(w) === keyOf(current.value!));
    return { status: 'readonly', detail: differs ? `Ô chỉ đọc đang ghi "${current.value}", khác với hồ sơ ("${wanted.at(-1)}"): hãy kiểm tra đúng người.` : errorText.readonly! };
  }
  if (!current.hasChoices) {
    const r = modelSet(doc, ref, wanted[0]!);
    if (!r?.ok) return failed(r);
    return r.value === wanted[0] ? { status: 'filled', detail: '' } : { status: 'check', detail: `Trang giữ "${r.value ?? ''}" thay vì "${wanted[0]}".` };
  }
  const choices = await modelChoices(doc, ref, cascadeTimeoutMs);
  if (choices === 'timeout') return { status: 'failed', detail: `Danh sách chưa tải xong sau ${cascadeTimeoutMs / 1000} giây (trang tải chậm).` };
  if (!choices) return failed(null);
  const choose = (index: number, detail: string): FillOutcome => {
    const r = modelSet(doc, ref, choices[index]!.value);
    if (!r?.ok) return failed(r);
    return r.value === choices[index]!.value ? { status: detail ? 'check' : 'filled', detail } : { status: 'check', detail: `Trang không giữ lựa chọn "${choices[index]!.text}".` };
  };
  const pick = pickAmong(choices, wanted, keyOf);
  if (pick) return choose(pick.index, pick.loose ? `Đã chọn "${choices[pick.index]!.text}" cho "${pick.value}".` : '');
  const other = pickOption(choices, 'Khác', keyOf);
  if (other) return choose(other.index, `Không có lựa chọn "${wanted.at(-1)}", đã chọn "Khác".`);
  return { status: 'failed', detail: `Không có lựa chọn "${wanted.at(-1)}".` };
}

/** What a model question held, for undo; null when the bridge cannot read it. */
export function modelSnapshot(doc: Document, ref: ModelRef): string | null | undefined {
  const current = modelGet(doc, ref);
  return current ? current.value : undefined;
}

export function modelRestore(doc: Document, ref: ModelRef, value: string | null): boolean {
  return modelSet(doc, ref, value)?.ok === true;
}
