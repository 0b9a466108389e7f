import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '@/utils/messaging/router';
import type { SenderLike, SenderPolicy } from '@/utils/messaging/sender';
import { isPortalOrigin } from '@/utils/portals/hosts';
import { defaultLocalSettings, resolveSettings } from '@/utils/settings/schema';

const policy: SenderPolicy = {
  extensionId: 'ext-id',
  extensionOrigin: 'chrome-extension://ext-id/',
  isPortalOrigin: (origin) => isPortalOrigin(origin),
};

const portalFrame: SenderLike = {
  id: 'ext-id',
  url: 'https://dichvucong.gov.vn/nop-ho-so',
  origin: 'https://dichvucong.gov.vn',
  frameId: 0,
  tab: { id: 7 },
};
const extensionPage: SenderLike = { id: 'ext-id', url: 'chrome-extension://ext-id/settings.html' };
/** The helper panel: Chrome's side panel, an extension page for one portal tab. */
const panel: SenderLike = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html?tab=7' };

const message = (type: string, payload: unknown = {}) => ({ channel: 'motcua', type, payload });

let handlers: Handlers;
let router: ReturnType<typeof createRouter>;

beforeEach(() => {
  handlers = {
    'frame/report': vi.fn(({ fieldCount }) => ({ frames: [{ frameId: 0, origin: 'x', fieldCount, changedAt: 1 }] })),
    'frame/list': vi.fn(() => ({ frames: [] })),
    'settings/get': vi.fn(() => resolveSettings(defaultLocalSettings, {})),
    'diagnostics/stats': vi.fn(() => ({ accepted: {}, refused: {} })),
    'records/status': vi.fn(() => ({ setUp: true, unlocked: false, officerName: null, officers: [] })),
    'records/search': vi.fn(() => ({ results: [] })),
    'records/relatives': vi.fn(() => ({ relatives: [] })),
    'records/fill-data': vi.fn(() => {
      throw new Error('locked');
    }),
    'filings/record': vi.fn(() => ({ root: 'r1', procedure: null })),
    'filings/update': vi.fn(() => ({ status: 'draft' as const, dossierCode: null })),
    'filings/pending': vi.fn(() => ({ pending: null })),
    'slip/open': vi.fn(() => ({ id: 's1' })),
    'records/document': vi.fn(() => ({ document: null })),
  };
  router = createRouter(handlers, () => policy);
});

describe('router', () => {
  it('runs the handler for a valid message from an allowed sender', async () => {
    const reply = await router.route(message('frame/report', { fieldCount: 3 }), portalFrame);
    expect(reply).toEqual({ ok: true, data: { frames: [{ frameId: 0, origin: 'x', fieldCount: 3, changedAt: 1 }] } });
    expect(handlers['frame/report']).toHaveBeenCalledWith(
      { fieldCount: 3 },
      { kind: 'content', tabId: 7, frameId: 0, origin: 'https://dichvucong.gov.vn' },
    );
    expect(router.stats.accepted['frame/report']).toBe(1);
  });

  it.each([
    ['not an object', 'hello', 'invalid'],
    ['no channel', { type: 'frame/report', payload: {} }, 'invalid'],
    ['unknown type', message('records/dump-all'), 'unknown_type'],
    ['bad payload', message('frame/report', { fieldCount: -1 }), 'invalid'],
    ['wrong payload type', message('frame/report', { fieldCount: 'many' }), 'invalid'],
  ])('refuses %s', async (_label, raw, code) => {
    const reply = await router.route(raw, portalFrame);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(Object.values(handlers).every((h) => vi.mocked(h).mock.calls.length === 0)).toBe(true);
  });

  it.each([
    ['another extension', { ...portalFrame, id: 'other-extension' }],
    ['a non-portal page', { ...portalFrame, url: 'https://evil.example/', origin: 'https://evil.example' }],
    ['plain http', { ...portalFrame, url: 'http://dichvucong.gov.vn/', origin: 'http://dichvucong.gov.vn' }],
    ['no tab', { ...portalFrame, tab: undefined }],
    ['no frame id', { ...portalFrame, frameId: undefined }],
  ])('refuses content messages from %s', async (_label, sender) => {
    const reply = await router.route(message('frame/report', { fieldCount: 1 }), sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['frame/report']).not.toHaveBeenCalled();
    expect(router.stats.refused['frame/report']).toBe(1);
  });

  it('validates panel requests: an over-long query is refused before any handler', async () => {
    expect(await router.route(message('records/search', { query: 'x'.repeat(201) }), panel)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(handlers['records/search']).not.toHaveBeenCalled();
    expect(await router.route(message('records/fill-data', { personId: 'p1' }), panel)).toEqual({
      ok: false,
      error: { code: 'failed', detail: 'locked' },
    });
  });

  it('a portal page’s content script can read no record, search nothing, unlock nothing, fill nothing', async () => {
    for (const [type, payload] of [
      ['records/status', {}],
      ['records/search', { query: 'nguyen' }],
      ['records/relatives', { personId: 'p1' }],
      ['records/fill-data', { personId: 'p1' }],
      ['records/document', { personId: 'p1', kind: 'id-front' }],
      ['filings/record', {}],
      ['filings/pending', { tabId: 7 }],
      ['frame/list', { tabId: 7 }],
      ['slip/open', {}],
    ] as const) {
      expect(await router.route(message(type, payload), portalFrame), type).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(
      await router.route(message('records/unlock', { officerId: 'a', secret: '123456' }), portalFrame),
    ).toMatchObject({ ok: false, error: { code: 'unknown_type' } });
    expect(Object.values(handlers).every((h) => vi.mocked(h).mock.calls.length === 0)).toBe(true);
  });

  it('keeps page-only messages away from content scripts, and content-only ones from pages', async () => {
    expect(await router.route(message('diagnostics/stats'), portalFrame)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await router.route(message('frame/report', { fieldCount: 1 }), panel)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await router.route(message('diagnostics/stats'), extensionPage)).toMatchObject({ ok: true });
    expect(await router.route(message('settings/get'), extensionPage)).toMatchObject({ ok: true });
    expect(await router.route(message('frame/list', { tabId: 7 }), panel)).toMatchObject({ ok: true });
  });

  it('uses the frame URL when Chrome gives no origin (about:blank frames inherit nothing trusted)', async () => {
    const reply = await router.route(message('frame/report', { fieldCount: 1 }), {
      ...portalFrame,
      origin: undefined,
      url: 'about:blank',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('reports a handler failure without throwing', async () => {
    vi.mocked(handlers['frame/list']).mockImplementation(() => {
      throw new Error('boom');
    });
    expect(await router.route(message('frame/list', { tabId: 7 }), panel)).toEqual({
      ok: false,
      error: { code: 'failed', detail: 'boom' },
    });
  });

  it('refuses a handler answer that breaks the protocol', async () => {
    vi.mocked(handlers['frame/list']).mockReturnValue({ frames: [{ frameId: 'zero' }] } as never);
    expect(await router.route(message('frame/list', { tabId: 7 }), panel)).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });
});
