// @vitest-environment happy-dom
import { Model } from 'survey-core';
import { afterEach, describe, expect, it } from 'vitest';
import { callNow, modelChoices, modelGet, modelSet, refFor, type ModelRef } from '@/utils/autofill/bridge/client';
import { installPageBridge } from '@/utils/autofill/bridge/page-world';
import { parseRequest, parseResponse } from '@/utils/autofill/bridge/protocol';

// One bridge for the document, as the page-world script installs it.
installPageBridge(document);

describe('bridge protocol', () => {
  const get = { id: 'a1', op: 'get', framework: 'survey', ref: 'abc123', name: 'citizenHoVaTen__11' };
  it.each([
    ['ping', { id: 'a1', op: 'ping' }, true],
    ['get', get, true],
    ['formio', { ...get, framework: 'formio', name: 'hoTen' }, true],
    ['set null clears', { ...get, op: 'set', value: null }, true],
    ['unknown op', { ...get, op: 'records' }, false],
    ['unknown framework', { ...get, framework: 'knockout' }, false],
    ['no ref', { ...get, ref: undefined }, false],
    ['selector injection in the ref', { ...get, ref: 'x"],[data-x="' }, false],
    ['selector injection in the name', { ...get, name: 'x"],[data-x="' }, false],
    ['number value', { ...get, op: 'set', value: 1 }, false],
    ['object value', { ...get, op: 'set', value: { a: 1 } }, false],
    ['huge value', { ...get, op: 'set', value: 'a'.repeat(5000) }, false],
    ['bad id', { id: 'A B', op: 'ping' }, false],
    ['long wait', { ...get, op: 'choices', timeoutMs: 60_000 }, false],
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
    expect(
      parseResponse(JSON.stringify({ id: 'a1', ok: true, choices: [{ value: '1', text: 'Nam' }, { value: 2 }] })),
    ).toEqual({
      id: 'a1',
      ok: true,
      choices: [{ value: '1', text: 'Nam' }],
    });
  });
});

type Mount = (model: Model, el: HTMLElement) => void;

/** How each SurveyJS renderer leaves its marker on the DOM (the bridge finds the model through them). */
const renderers: Array<[string, Mount]> = [
  // survey-react-ui: the fiber chain leads up to the Survey component's `model` prop.
  [
    'react',
    (model, el) =>
      ((el as unknown as Record<string, unknown>).__reactFiber$test = {
        memoizedProps: {},
        return: { memoizedProps: {}, return: { memoizedProps: { model }, return: null } },
      }),
  ],
  // survey-js-ui (Preact): the render root holds the root vnode in `__k`; components in `__c` with their props.
  [
    'preact',
    (model, el) =>
      ((el.parentElement as unknown as Record<string, unknown>).__k = {
        __k: [{ __c: { props: { model } }, __k: [] }],
      }),
  ],
  // survey-vue3-ui: the mount root keeps its vnode in `_vnode`; the component's props hold the model.
  [
    'vue',
    (model, el) =>
      ((el.parentElement as unknown as Record<string, unknown>)._vnode = {
        component: { subTree: { component: { props: { model } } } },
      }),
  ],
];

describe.each(renderers)(
  'the SurveyJS side of the bridge, rendered by %s (real survey-core model)',
  (_renderer, markDom) => {
    afterEach(() => document.body.replaceChildren());
    const refs = new Map<string, ModelRef>();
    const survey = () => {
      const model = new Model({
        elements: [
          { type: 'text', name: 'ten__1', title: 'Họ tên' },
          { type: 'text', name: 'nyc__2', readOnly: true, defaultValue: 'Nguyễn Thị Mai' },
          { type: 'text', inputType: 'date', name: 'ngay__3' },
          {
            type: 'dropdown',
            name: 'gt__4',
            choices: [
              { value: 1, text: 'Nam' },
              { value: 2, text: 'Nữ' },
            ],
          },
        ],
      });
      const root = document.createElement('div');
      document.body.append(root);
      for (const q of model.getAllQuestions()) {
        const el = document.createElement('div');
        el.className = 'sd-question';
        el.setAttribute('data-name', q.name);
        root.append(el);
        markDom(model, el);
        refs.set(q.name, { framework: 'survey', ref: refFor(el), name: q.name });
      }
      return model;
    };
    const ref = (name: string) => refs.get(name)!;

    it('writes text, dates and choices into the model, keeping the choice’s own type', async () => {
      const model = survey();
      expect(modelSet(document, ref('ten__1'), 'Trần Bảo An')).toMatchObject({ ok: true, value: 'Trần Bảo An' });
      expect(modelSet(document, ref('ngay__3'), '2026-09-05')).toMatchObject({ ok: true });
      expect(await modelChoices(document, ref('gt__4'), 100)).toEqual([
        { value: '1', text: 'Nam' },
        { value: '2', text: 'Nữ' },
      ]);
      expect(modelSet(document, ref('gt__4'), '1')).toMatchObject({ ok: true, value: '1', text: 'Nam' });
      expect(model.data).toEqual({ ten__1: 'Trần Bảo An', ngay__3: '2026-09-05', gt__4: 1, nyc__2: 'Nguyễn Thị Mai' });
    });

    it('refuses what the page would not offer, and never writes a read-only question', () => {
      const model = survey();
      expect(modelSet(document, ref('gt__4'), '3')).toEqual(
        expect.objectContaining({ ok: false, error: 'not-a-choice' }),
      );
      expect(modelSet(document, ref('ngay__3'), '05/09/2026')).toEqual(
        expect.objectContaining({ ok: false, error: 'bad-date' }),
      );
      expect(modelSet(document, ref('nyc__2'), 'Người khác')).toEqual(
        expect.objectContaining({ ok: false, error: 'readonly' }),
      );
      expect(modelGet(document, ref('nyc__2'))).toMatchObject({
        value: 'Nguyễn Thị Mai',
        readOnly: true,
        hasChoices: false,
      });
      expect(model.getValue('nyc__2')).toBe('Nguyễn Thị Mai');
    });
  },
);

describe('the bridge when there is nothing behind an element', () => {
  afterEach(() => document.body.replaceChildren());

  it('says there is no model, or no element, and never throws', () => {
    const el = document.createElement('div');
    el.setAttribute('data-name', 'mo__coi');
    document.body.append(el);
    const ref = refFor(el);
    expect(callNow(document, { op: 'get', framework: 'survey', ref, name: 'mo__coi' })).toMatchObject({
      ok: false,
      error: 'no-model',
    });
    expect(callNow(document, { op: 'get', framework: 'formio', ref, name: 'x' })).toMatchObject({
      ok: false,
      error: 'no-model',
    });
    expect(callNow(document, { op: 'get', framework: 'survey', ref: 'khongco12', name: 'x' })).toMatchObject({
      ok: false,
      error: 'no-question',
    });
  });
});

describe('the Form.io side of the bridge (a component as Form.io keeps it on its element)', () => {
  afterEach(() => document.body.replaceChildren());
  const component = (type: string, extra: Record<string, unknown> = {}) => {
    const el = document.createElement('div');
    el.className = `formio-component formio-component-${type} formio-component-k`;
    const c = {
      component: { type, key: 'k' },
      dataValue: '' as unknown,
      disabled: false,
      setValue(v: unknown) {
        this.dataValue = v;
      },
      ...extra,
    };
    (el as unknown as { component: unknown }).component = c;
    document.body.append(el);
    return { ref: { framework: 'formio' as const, ref: refFor(el), name: 'k' }, c };
  };

  it('writes a text and reads it back', () => {
    const { ref, c } = component('textfield');
    expect(modelSet(document, ref, 'Nguyễn Thị Mai')).toMatchObject({ ok: true, value: 'Nguyễn Thị Mai' });
    expect(c.dataValue).toBe('Nguyễn Thị Mai');
  });

  it('offers a select’s loaded options, waits for a list still loading, writes the option’s own value', async () => {
    let loaded: () => void = () => undefined;
    const { ref, c } = component('select', {
      selectOptions: [] as Array<{ value: string; label: string }>,
      loading: true,
      itemsLoaded: new Promise<void>((r) => (loaded = r)),
    });
    setTimeout(() => {
      (c as unknown as { selectOptions: unknown[] }).selectOptions = [
        { value: '01', label: 'Kinh' },
        { value: '12', label: 'Ê-đê' },
      ];
      (c as unknown as { loading: boolean }).loading = false;
      loaded();
    }, 20);
    expect(await modelChoices(document, ref, 1000)).toEqual([
      { value: '01', text: 'Kinh' },
      { value: '12', text: 'Ê-đê' },
    ]);
    expect(modelSet(document, ref, '12')).toMatchObject({ ok: true, value: '12', text: 'Ê-đê' });
    expect(modelSet(document, ref, '99')).toMatchObject({ ok: false, error: 'not-a-choice' });
  });

  it('takes only ISO dates for datetime, and never writes a disabled component', () => {
    const { ref } = component('datetime');
    expect(modelSet(document, ref, '12/04/1994')).toMatchObject({ ok: false, error: 'bad-date' });
    expect(modelSet(document, ref, '1994-04-12T00:00:00+07:00')).toMatchObject({
      ok: true,
      value: '1994-04-12T00:00:00+07:00',
    });
    const locked = component('textfield', { disabled: true });
    expect(modelSet(document, locked.ref, 'x')).toMatchObject({ ok: false, error: 'readonly' });
  });
});

describe('the flatpickr side of the bridge (its instance on the input)', () => {
  afterEach(() => document.body.replaceChildren());

  it('sets the date through setDate, firing the page’s change, and reads it back', () => {
    const input = document.createElement('input');
    document.body.append(input);
    const seen: Date[] = [];
    const fp = {
      input,
      selectedDates: [] as Date[],
      setDate(d: Date, trigger?: boolean) {
        this.selectedDates = [d];
        input.value = `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
        if (trigger) seen.push(d);
      },
      clear() {
        this.selectedDates = [];
        input.value = '';
      },
    };
    (input as unknown as { _flatpickr: unknown })._flatpickr = fp;
    const ref = { framework: 'flatpickr' as const, ref: refFor(input), name: '' };
    expect(modelSet(document, ref, '1948-06-15')).toMatchObject({ ok: true, value: '1948-06-15', text: '15/06/1948' });
    expect(seen).toHaveLength(1);
    expect(modelSet(document, ref, '15/06/1948')).toMatchObject({ ok: false, error: 'bad-date' });
  });
});
