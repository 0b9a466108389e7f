import { describe, expect, it } from 'vitest';
import { ReasonError, sayError } from '@/utils/i18n';
import { MessageError } from '@/utils/messaging/client';
import { replySchema } from '@/utils/messaging/protocol';
import { createRouter, type Handlers } from '@/utils/messaging/router';
import { failure, sayReason } from '@/utils/records/reason';
import { parseTour } from '@/utils/training/tours';

describe('reason errors', () => {
  it('are said in the UI’s language, with their parameters', () => {
    const error = new ReasonError('error.training.unsupported', { type: 'records/dump' });
    expect(sayError('vi', error)).toBe('Chế độ đào tạo không hỗ trợ "records/dump".');
    expect(sayError('en', error)).toBe('Training mode does not support "records/dump".');
    expect(error.message).toContain('error.training.unsupported');
  });

  it('leave any other error as its message', () => {
    expect(sayError('en', new Error('disk full'))).toBe('disk full');
    expect(sayError('vi', 'plain')).toBe('plain');
  });

  it('cross the messaging boundary as key and parameters', async () => {
    const handlers = {
      'records/fill-data': () => {
        throw new ReasonError('error.person.gone');
      },
    } as unknown as Handlers;
    const router = createRouter(handlers, () => ({
      extensionId: 'ext-id',
      extensionOrigin: 'chrome-extension://ext-id/',
      isPortalOrigin: () => false,
    }));
    const reply = await router.route(
      { channel: 'motcua', type: 'records/fill-data', payload: { personId: 'p1' } },
      { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html?tab=7' },
    );
    const parsed = replySchema.parse(reply);
    expect(parsed).toMatchObject({ ok: false, error: { code: 'failed', reason: { key: 'error.person.gone' } } });
    if (parsed.ok || !parsed.error.reason) throw new Error('expected a reason');
    const received = new MessageError(parsed.error.code, parsed.error.detail, {
      key: parsed.error.reason.key as 'error.person.gone',
      params: parsed.error.reason.params,
    });
    expect(sayError('en', received)).toBe('This citizen was not found (the record may have been erased).');
    expect(sayError('vi', new MessageError('failed', 'locked'))).toBe('locked');
  });

  it('become an import’s reason as they are, other errors its detail', () => {
    expect(sayReason(failure('import.error.failed', new ReasonError('error.person.notFound')), 'vi')).toBe(
      'Không tìm thấy công dân này.',
    );
    expect(failure('import.error.read', new Error('x'))).toEqual({
      key: 'import.error.read',
      params: { detail: 'Error: x' },
    });
  });

  it('say why a tour file is refused', () => {
    expect(() => parseTour('{')).toThrow(ReasonError);
    try {
      parseTour(JSON.stringify({ id: 'x' }));
    } catch (e) {
      expect(sayError('vi', e)).toMatch(/^Bài hướng dẫn không hợp lệ: title/);
      expect(sayError('en', e)).toMatch(/^The tour is not valid: title/);
    }
  });
});
