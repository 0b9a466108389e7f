import type { BridgeError, BridgeRequest, BridgeResponse, Choice, ModelValue } from '@/utils/autofill/bridge/protocol';
import { findModel } from '@/utils/autofill/bridge/find-model';

/**
 * The SurveyJS side of the page-world bridge: the survey model found from the question's element (any renderer,
 * see protocol.ts), the question by its name, and only the few members below.
 */
interface ItemLike {
  value: unknown;
  text: string;
}
interface QuestionLike {
  value: unknown;
  isReadOnly: boolean;
  inputType?: string;
  getType?(): string;
  visibleChoices?: ItemLike[];
  choicesByUrl?: { isRunning?: boolean; url?: string };
  clearValue(): void;
  registerPropertyChangedHandlers?(names: string[], handler: () => void, key?: string): void;
  unregisterPropertyChangedHandlers?(names: string[], key?: string): void;
}
interface SurveyLike {
  getQuestionByName(name: string): QuestionLike | null;
  onChoicesLoaded?: { add(f: () => void): void; remove(f: () => void): void };
}

const isSurvey = (v: unknown): v is SurveyLike =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SurveyLike).getQuestionByName === 'function' &&
  typeof (v as { getAllQuestions?: unknown }).getAllQuestions === 'function';

const found = new WeakMap<Element, { survey: SurveyLike; via: string }>();

function surveyFor(el: Element): { survey: SurveyLike; via: string } | null {
  const cached = found.get(el);
  if (cached) return cached;
  const hit = findModel(el, isSurvey);
  if (!hit) return null;
  const entry = { survey: hit.model, via: hit.via };
  found.set(el, entry);
  return entry;
}

const text = (v: unknown): ModelValue =>
  v === undefined || v === null || v === '' ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);
const choicesOf = (q: QuestionLike): Choice[] =>
  (q.visibleChoices ?? []).map((c) => ({ value: String(c.value), text: String(c.text) }));
const isChoice = (q: QuestionLike) => Array.isArray(q.visibleChoices) || Boolean(q.choicesByUrl?.url);
const loading = (q: QuestionLike) =>
  Boolean(q.choicesByUrl?.isRunning) || (Boolean(q.choicesByUrl?.url) && (q.visibleChoices?.length ?? 0) === 0);

function waitChoices(q: QuestionLike, survey: SurveyLike, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const key = `motcua-${Math.random().toString(36).slice(2)}`;
    const check = () => {
      if (!loading(q)) finish(true);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    q.registerPropertyChangedHandlers?.(['visibleChoices'], check, key);
    survey.onChoicesLoaded?.add(check);
    function finish(ok: boolean) {
      clearTimeout(timer);
      q.unregisterPropertyChangedHandlers?.(['visibleChoices'], key);
      survey.onChoicesLoaded?.remove(check);
      resolve(ok);
    }
  });
}

function state(q: QuestionLike, via: string) {
  const chosen = isChoice(q) ? (q.visibleChoices ?? []).find((c) => String(c.value) === String(q.value)) : undefined;
  return {
    value: text(q.value),
    ...(chosen ? { text: String(chosen.text) } : {}),
    readOnly: q.isReadOnly,
    hasChoices: isChoice(q),
    type: q.getType?.() ?? '',
    via,
  };
}

/** Sets a value; the page's own handlers of the change may throw, and what the model kept is read back anyway. */
function assign(q: QuestionLike, value: unknown) {
  try {
    q.value = value;
  } catch {
    // The answer reports the value the model holds now.
  }
}

export function handleSurvey(
  el: Element,
  request: Exclude<BridgeRequest, { op: 'ping' }>,
): BridgeResponse | Promise<BridgeResponse> {
  const { id } = request;
  const model = surveyFor(el);
  if (!model) return { id, ok: false, error: 'no-model' };
  const name = request.name || el.getAttribute('data-name') || '';
  const q = model.survey.getQuestionByName(name);
  if (!q) return { id, ok: false, error: 'no-question' as BridgeError };
  switch (request.op) {
    case 'get':
      return { id, ok: true, ...state(q, model.via) };
    case 'choices':
      if (!loading(q)) return { id, ok: true, choices: choicesOf(q) };
      return waitChoices(q, model.survey, request.timeoutMs).then(
        (ready): BridgeResponse =>
          ready ? { id, ok: true, choices: choicesOf(q) } : { id, ok: false, error: 'timeout' },
      );
    case 'set': {
      if (q.isReadOnly) return { id, ok: false, error: 'readonly' };
      if (request.value === null) {
        q.clearValue();
        return { id, ok: true, ...state(q, model.via) };
      }
      if (isChoice(q)) {
        // Only a value the page itself offers: the model keeps the choice's own type (1, not "1").
        const choice = (q.visibleChoices ?? []).find((c) => String(c.value) === request.value);
        if (!choice) return { id, ok: false, error: 'not-a-choice' };
        assign(q, choice.value);
      } else {
        if (q.inputType === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(request.value))
          return { id, ok: false, error: 'bad-date' };
        assign(q, request.value);
      }
      return { id, ok: true, ...state(q, model.via) };
    }
  }
}
