import type { VnDate } from '@/utils/vn/dates';
import { modelChoices, modelGet, modelSet, type ModelGet, type ModelRef } from '@/utils/autofill/bridge/client';
import type { Attempt, Control, ReadBack, Snapshot, Want } from '@/utils/autofill/control';
import { chooseAmong, isReason, refused } from '@/utils/autofill/adapters/shared';
import { keyFor } from '@/utils/autofill/adapters/open-list';

/**
 * Writing and reading a field through its framework's model, over the page-world bridge: read-only fields are
 * reported and never written, a choice is one the page itself lists (waiting for a list that loads after its
 * parent changed), a date goes in the format the framework keeps, and what the model holds is read back.
 */
const two = (n: number | undefined) => String(n ?? 1).padStart(2, '0');

/** The page's local midnight of the date, as an ISO string with its offset (Form.io keeps these). */
export function localMidnightIso(date: VnDate, view: Window = globalThis as unknown as Window): string {
  const d = new (view as unknown as typeof globalThis).Date(date.year, (date.month ?? 1) - 1, date.day ?? 1);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${date.year}-${two(date.month)}-${two(date.day)}T00:00:00${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

function dateValue(framework: ModelRef['framework'], type: string | null, date: VnDate, view: Window): string | null {
  if (framework === 'formio' && type === 'datetime')
    return date.precision === 'day' ? localMidnightIso(date, view) : null;
  if (framework === 'formio' && type === 'day') return `${two(date.month)}/${two(date.day)}/${date.year}`;
  if (date.precision === 'day') return `${date.year}-${two(date.month)}-${two(date.day)}`;
  // A SurveyJS text question takes mm/yyyy or yyyy; a date question only ISO (the bridge refuses the rest).
  return date.precision === 'month' ? `${two(date.month)}/${date.year}` : String(date.year);
}

const isGet = (v: ModelGet | { error: string } | null): v is ModelGet => Boolean(v && !('error' in v));

export function modelRefOf(c: Control): ModelRef | null {
  return c.model ? { framework: c.model.framework, ref: c.model.ref, name: c.model.name } : null;
}

export async function fillThroughModel(
  c: Control,
  ref: ModelRef,
  want: Want,
  timeoutMs: number,
): Promise<Attempt | null> {
  const doc = c.element.ownerDocument;
  const current = modelGet(doc, ref);
  if (!isGet(current)) return null;
  if (current.readOnly) {
    const shown = current.text ?? current.value ?? '';
    return refused(
      shown && want.kind === 'text' && shown !== want.text
        ? { code: 'readonlyDiffers', params: { shown, wanted: want.text } }
        : { code: 'readonly' },
    );
  }
  if (current.hasChoices) {
    const choices = await modelChoices(doc, ref, timeoutMs);
    if (choices === 'timeout') return refused({ code: 'listTimeout', params: { seconds: timeoutMs / 1000 } });
    if (!choices) return null;
    const chosen = chooseAmong(choices, want, keyFor(want));
    if (isReason(chosen)) return refused(chosen);
    const option = choices[chosen.index]!;
    const r = modelSet(doc, ref, option.value);
    if (!r?.ok) return refused({ code: 'notAccepted' });
    return { wrote: option, ...(chosen.note ? { note: chosen.note } : {}) };
  }
  const value =
    want.kind === 'date'
      ? dateValue(ref.framework, current.type, want.date, doc.defaultView ?? window)
      : want.kind === 'text'
        ? want.text
        : want.kind === 'choice'
          ? (want.values[0] ?? '')
          : null;
  if (value === null) return refused({ code: 'dateFormatUnknown' });
  const r = modelSet(doc, ref, value);
  if (!r) return null;
  if (!r.ok) return refused(r.error === 'readonly' ? { code: 'readonly' } : { code: 'notAccepted' });
  return { wrote: value };
}

export function readModel(c: Control, ref: ModelRef): ReadBack | null {
  const current = modelGet(c.element.ownerDocument, ref);
  if (!isGet(current)) return null;
  let value = current.value ?? '';
  // Form.io's day component keeps MM/DD/YYYY: read it as the date it is.
  const us = current.type === 'day' ? value.match(/^(\d{2})\/(\d{2})\/(\d{4})$/) : null;
  if (us) value = `${us[3]}-${us[1]}-${us[2]}`;
  return {
    ok: true,
    text: current.hasChoices ? (current.text ?? value) : value,
    ...(current.hasChoices ? { choice: current.value === null ? null : { value, text: current.text ?? '' } } : {}),
  };
}

export function snapshotModel(c: Control, ref: ModelRef): Snapshot | null {
  const current = modelGet(c.element.ownerDocument, ref);
  return isGet(current) ? { text: current.text ?? current.value ?? '', raw: { model: current.value } } : null;
}

export function restoreModel(c: Control, ref: ModelRef, s: Snapshot): boolean {
  const before = (s.raw as { model?: string | null } | undefined)?.model;
  if (before === undefined) return false;
  return modelSet(c.element.ownerDocument, ref, before)?.ok === true;
}
