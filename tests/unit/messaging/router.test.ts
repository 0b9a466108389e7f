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

const message = (type: string, payload: unknown = {}) => ({ channel: 'motcua', type, payload });

let handlers: Handlers;
let router: ReturnType<typeof createRouter>;

beforeEach(() => {
  handlers = {
    'frame/report': vi.fn(({ fieldCount }) => ({ frames: [{ frameId: 0, origin: 'x', fieldCount }] })),
    'frame/list': vi.fn(() => ({ frames: [] })),
    'settings/get': vi.fn(() => resolveSettings(defaultLocalSettings, {})),
    'diagnostics/stats': vi.fn(() => ({ accepted: {}, refused: {} })),
    'records/status': vi.fn(() => ({ setUp: true, unlocked: false, officerName: null, officers: [] })),
    'records/unlock': vi.fn(() => ({ ok: false, reason: 'sai' })),
    'records/search': vi.fn(() => ({ results: [] })),
    'records/relatives': vi.fn(() => ({ relatives: [] })),
    'records/fill-data': vi.fn(() => {
      throw new Error('locked');
    }),
    'fill/frames-scan': vi.fn(() => ({ roles: [], frames: 0 })),
    'fill/frames-run': vi.fn(() => ({ report: [] })),
    'fill/frames-undo': vi.fn(() => ({ partial: [] })),
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
    expect(reply).toEqual({ ok: true, data: { frames: [{ frameId: 0, origin: 'x', fieldCount: 3 }] } });
    expect(handlers['frame/report']).toHaveBeenCalledWith(
      { fieldCount: 3 },
      { kind: 'content', tabId: 7, frameId: 0, origin: 'https://dichvucong.gov.vn' },
    );
    expect(router.stats.accepted['frame/report']).toBe(1);
  });

  it.each([
    ['not an object', 'hello', 'invalid'],
    ['no channel', { type: 'frame/list', payload: {} }, 'invalid'],
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
    const reply = await router.route(message('frame/list'), sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['frame/list']).not.toHaveBeenCalled();
    expect(router.stats.refused['frame/list']).toBe(1);
  });

  it('validates panel requests: an over-long query or an empty secret is refused before any handler', async () => {
    expect(await router.route(message('records/search', { query: 'x'.repeat(201) }), portalFrame)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await router.route(message('records/unlock', { officerId: 'a', secret: '' }), portalFrame)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(handlers['records/search']).not.toHaveBeenCalled();
    expect(handlers['records/unlock']).not.toHaveBeenCalled();
    expect(await router.route(message('records/fill-data', { personId: 'p1' }), portalFrame)).toEqual({ ok: false, error: { code: 'failed', detail: 'locked' } });
  });

  it('keeps page-only messages away from content scripts, and content-only ones from pages', async () => {
    expect(await router.route(message('diagnostics/stats'), portalFrame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await router.route(message('frame/list'), extensionPage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await router.route(message('diagnostics/stats'), extensionPage)).toMatchObject({ ok: true });
    expect(await router.route(message('settings/get'), extensionPage)).toMatchObject({ ok: true });
  });

  it('uses the frame URL when Chrome gives no origin (about:blank frames inherit nothing trusted)', async () => {
    const reply = await router.route(message('frame/list'), { ...portalFrame, origin: undefined, url: 'about:blank' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('reports a handler failure without throwing', async () => {
    vi.mocked(handlers['frame/list']).mockImplementation(() => {
      throw new Error('boom');
    });
    expect(await router.route(message('frame/list'), portalFrame)).toEqual({ ok: false, error: { code: 'failed', detail: 'boom' } });
  });

  it('refuses a handler answer that breaks the protocol', async () => {
    vi.mocked(handlers['frame/list']).mockReturnValue({ frames: [{ frameId: 'zero' }] } as never);
    expect(await router.route(message('frame/list'), portalFrame)).toMatchObject({ ok: false, error: { code: 'failed' } });
  });
});
