// @vitest-environment happy-dom
import { Model } from 'survey-core';
import { afterEach, describe, expect, it } from 'vitest';
import { callNow, modelChoices, modelGet, modelSet } from '@/utils/autofill/bridge/client';
import { installPageBridge } from '@/utils/autofill/bridge/page-world';
import { parseRequest, parseResponse } from '@/utils/autofill/bridge/protocol';

describe('bridge protocol', () => {
  it.each([
    ['ping', { id: 'a1', op: 'ping' }, true],
    ['get', { id: 'a1', op: 'get', framework: 'survey', name: 'citizenHoVaTen__11' }, true],
    ['set null clears', { id: 'a1', op: 'set', framework: 'survey', name: 'x', value: null }, true],
    ['unknown op', { id: 'a1', op: 'records', framework: 'survey' }, false],
    ['unknown framework', { id: 'a1', op: 'get', framework: 'knockout', name: 'x' }, false],
    ['selector injection in the name', { id: 'a1', op: 'get', framework: 'survey', name: 'x"],[data-x="' }, false],
    ['number value', { id: 'a1', op: 'set', framework: 'survey', name: 'x', value: 1 }, false],
    ['object value', { id: 'a1', op: 'set', framework: 'survey', name: 'x', value: { a: 1 } }, false],
    ['huge value', { id: 'a1', op: 'set', framework: 'survey', name: 'x', value: 'a'.repeat(5000) }, false],
    ['bad id', { id: 'A B', op: 'ping' }, false],
    ['long wait', { id: 'a1', op: 'choices', framework: 'survey', name: 'x', timeoutMs: 60_000 }, false],
  ])('%s', (_, request, accepted) => {
    expect(parseRequest(JSON.stringify(request)) !== null).toBe(accepted);
  });

  it('accepts only strings as events carry them', () => {
    expect(parseRequest({ id: 'a1', op: 'ping' })).toBeNull();
    expect(parseRequest('{not json')).toBeNull();
  });

  it('keeps only well-formed answers and choices', () => {
    expect(parseResponse(JSON.stringify({ id: 'a1', ok: false, error: 'rm -rf' }))).toBeNull();
    expect(parseResponse(JSON.stringify({ id: 'a1', ok: true, value: 3 }))).toBeNull();
    expect(parseResponse(JSON.stringify({ id: 'a1', ok: true, choices: [{ value: '1', text: 'Nam' }, { value: 2 }] }))).toEqual({
      id: 'a1',
      ok: true,
      choices: [{ value: '1', text: 'Nam' }],
    });
  });
});

/** A question element rendered by React: the fiber chain leads up to the Survey component's `model` prop. */
function mount(model: Model, name: string) {
  const el = document.createElement('div');
  el.className = 'sd-question';
  el.setAttribute('data-name', name);
  const surveyFiber = { memoizedProps: { model }, return: null };
  (el as unknown as Record<string, unknown>)['__reactFiber$test'] = { memoizedProps: {}, return: { memoizedProps: {}, return: surveyFiber } };
  document.body.append(el);
}

describe('the SurveyJS side of the bridge (real survey-core model)', () => {
  installPageBridge(document);
  afterEach(() => document.body.replaceChildren());
  const survey = () => {
    const model = new Model({
      elements: [
        { type: 'text', name: 'ten__1', title: 'Họ tên' },
        { type: 'text', name: 'nyc__2', readOnly: true, defaultValue: 'Nguyễn Thị Mai' },
        { type: 'text', inputType: 'date', name: 'ngay__3' },
        { type: 'dropdown', name: 'gt__4', choices: [{ value: 1, text: 'Nam' }, { value: 2, text: 'Nữ' }] },
      ],
    });
    for (const q of model.getAllQuestions()) mount(model, q.name);
    return model;
  };
  const ref = (name: string) => ({ framework: 'survey' as const, name });

  it('writes text, dates and choices into the model, keeping the choice’s own type', async () => {
    const model = survey();
    expect(modelSet(document, ref('ten__1'), 'Trần Bảo An')).toMatchObject({ ok: true, value: 'Trần Bảo An' });
    expect(modelSet(document, ref('ngay__3'), '2026-09-05')).toMatchObject({ ok: true });
    expect(await modelChoices(document, ref('gt__4'), 100)).toEqual([{ value: '1', text: 'Nam' }, { value: '2', text: 'Nữ' }]);
    expect(modelSet(document, ref('gt__4'), '1')).toMatchObject({ ok: true, value: '1' });
    expect(model.data).toEqual({ ten__1: 'Trần Bảo An', ngay__3: '2026-09-05', gt__4: 1, nyc__2: 'Nguyễn Thị Mai' });
  });

  it('refuses what the page would not offer, and never writes a read-only question', () => {
    const model = survey();
    expect(modelSet(document, ref('gt__4'), '3')).toEqual(expect.objectContaining({ ok: false, error: 'not-a-choice' }));
    expect(modelSet(document, ref('ngay__3'), '05/09/2026')).toEqual(expect.objectContaining({ ok: false, error: 'bad-date' }));
    expect(modelSet(document, ref('nyc__2'), 'Người khác')).toEqual(expect.objectContaining({ ok: false, error: 'readonly' }));
    expect(modelGet(document, ref('nyc__2'))).toEqual({ value: 'Nguyễn Thị Mai', readOnly: true, hasChoices: false });
    expect(model.getValue('nyc__2')).toBe('Nguyễn Thị Mai');
    expect(callNow(document, { op: 'get', framework: 'survey', name: 'khong__co' })).toMatchObject({ ok: false, error: 'no-question' });
  });

  it('says so when the element has no model behind it', () => {
    const el = document.createElement('div');
    el.setAttribute('data-name', 'mo__coi');
    document.body.append(el);
    expect(callNow(document, { op: 'get', framework: 'survey', name: 'mo__coi' })).toMatchObject({ ok: false, error: 'no-model' });
  });
});
