import type { BridgeError, BridgeRequest, BridgeResponse, Choice, ModelValue } from './protocol';

/**
 * The SurveyJS side of the page-world bridge. The national portal renders SurveyJS with React and keeps
 * no global: the model is found from the question's DOM element through React's fiber (the `Survey`
 * component's `model` prop). Only the few members below are used.
 */
interface ItemLike {
  value: unknown;
  text: string;
}
interface QuestionLike {
  value: unknown;
  isReadOnly: boolean;
  inputType?: string;
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

const isSurvey = (v: unknown): v is SurveyLike => typeof v === 'object' && v !== null && typeof (v as SurveyLike).getQuestionByName === 'function';

function surveyFromFiber(el: Element): SurveyLike | null {
  const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
  if (!key) return null;
  let fiber = (el as unknown as Record<string, unknown>)[key] as { return?: unknown; memoizedProps?: Record<string, unknown>; stateNode?: Record<string, unknown> } | undefined;
  for (let depth = 0; fiber && depth < 200; depth++) {
    const model = fiber.memoizedProps?.model;
    if (isSurvey(model)) return model;
    const own = fiber.stateNode && typeof fiber.stateNode === 'object' ? fiber.stateNode.survey : null;
    if (isSurvey(own)) return own;
    fiber = fiber.return as typeof fiber;
  }
  return null;
}

/** The question the page shows under this name (the visible copy first: the portal duplicates its DOM for mobile). */
function findQuestion(doc: Document, name: string): QuestionLike | BridgeError {
  const elements = [...doc.querySelectorAll(`[data-name="${CSS.escape(name)}"]`)];
  if (elements.length === 0) return 'no-question';
  elements.sort((a, b) => Number((b as HTMLElement).offsetParent !== null) - Number((a as HTMLElement).offsetParent !== null));
  for (const el of elements) {
    const survey = surveyFromFiber(el);
    const question = survey?.getQuestionByName(name);
    if (question) return question;
  }
  return 'no-model';
}

const text = (v: unknown): ModelValue => (v === undefined || v === null || v === '' ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));
const choicesOf = (q: QuestionLike): Choice[] => (q.visibleChoices ?? []).map((c) => ({ value: String(c.value), text: String(c.text) }));
const isChoice = (q: QuestionLike) => Array.isArray(q.visibleChoices) || Boolean(q.choicesByUrl?.url);
const loading = (q: QuestionLike) => Boolean(q.choicesByUrl?.isRunning) || (Boolean(q.choicesByUrl?.url) && (q.visibleChoices?.length ?? 0) === 0);

function waitChoices(q: QuestionLike, survey: SurveyLike | null, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const key = `motcua-${Math.random().toString(36).slice(2)}`;
    const check = () => {
      if (!loading(q)) finish(true);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    q.registerPropertyChangedHandlers?.(['visibleChoices'], check, key);
    survey?.onChoicesLoaded?.add(check);
    function finish(ok: boolean) {
      clearTimeout(timer);
      q.unregisterPropertyChangedHandlers?.(['visibleChoices'], key);
      survey?.onChoicesLoaded?.remove(check);
      resolve(ok);
    }
  });
}

/** Sets a value; the page's own handlers of the change may throw, and what the model kept is read back anyway. */
function assign(q: QuestionLike, value: unknown) {
  try {
    q.value = value;
  } catch {
    // The answer reports the value the model holds now.
  }
}

/** Answers now when it can (get, set, choices already loaded); a promise only while choices load. */
export function handleSurvey(doc: Document, request: Exclude<BridgeRequest, { op: 'ping' }>): BridgeResponse | Promise<BridgeResponse> {
  const { id } = request;
  const found = findQuestion(doc, request.name);
  if (typeof found === 'string') return { id, ok: false, error: found };
  const q = found;
  switch (request.op) {
    case 'get':
      return { id, ok: true, value: text(q.value), readOnly: q.isReadOnly, hasChoices: isChoice(q) };
    case 'choices': {
      if (!loading(q)) return { id, ok: true, choices: choicesOf(q) };
      const element = doc.querySelector(`[data-name="${CSS.escape(request.name)}"]`);
      return waitChoices(q, element ? surveyFromFiber(element) : null, request.timeoutMs).then(
        (ready): BridgeResponse => (ready ? { id, ok: true, choices: choicesOf(q) } : { id, ok: false, error: 'timeout' }),
      );
    }
    case 'set': {
      if (q.isReadOnly) return { id, ok: false, error: 'readonly' };
      if (request.value === null) {
        q.clearValue();
        return { id, ok: true, value: text(q.value) };
      }
      if (isChoice(q)) {
        // Only a value the page itself offers: the model keeps the choice's own type (1, not "1").
        const choice = (q.visibleChoices ?? []).find((c) => String(c.value) === request.value);
        if (!choice) return { id, ok: false, error: 'not-a-choice' };
        assign(q, choice.value);
      } else {
        if (q.inputType === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(request.value)) return { id, ok: false, error: 'bad-date' };
        assign(q, request.value);
      }
      return { id, ok: true, value: text(q.value) };
    }
  }
}
