import { describe, expect, it } from 'vitest';
import {
  deriveKek,
  exportRawKey,
  fromBase64,
  generateDataKey,
  importRawKey,
  newSalt,
  openJson,
  pbkdf2Iterations,
  sealJson,
  toBase64,
  unwrapDataKey,
  wrapDataKey,
} from '@/utils/security/crypto';
import { checkSecret, retryDelayMs } from '@/utils/security/secrets';

describe('crypto', () => {
  it('uses at least 600,000 PBKDF2 iterations', () => {
    expect(pbkdf2Iterations).toBeGreaterThanOrEqual(600_000);
  });

  it('seals JSON with AES-GCM bound to its row, and refuses another row or a tampered byte', async () => {
    const key = await generateDataKey();
    const sealed = await sealJson(key, { name: 'Nguyễn Văn A' }, 'person:1');
    expect(new TextDecoder().decode(sealed.ct)).not.toContain('Nguy');
    expect(await openJson(key, sealed, 'person:1')).toEqual({ name: 'Nguyễn Văn A' });
    await expect(openJson(key, sealed, 'person:2')).rejects.toThrow();
    const tampered = new Uint8Array(sealed.ct.slice(0));
    tampered[0]! ^= 1;
    await expect(openJson(key, { iv: sealed.iv, ct: tampered.buffer }, 'person:1')).rejects.toThrow();
    await expect(openJson(await generateDataKey(), sealed, 'person:1')).rejects.toThrow();
  });

  it('wraps one data key per secret; a wrong secret cannot unwrap it', async () => {
    const dataKey = await generateDataKey();
    const salt = newSalt();
    const wrapped = await wrapDataKey(dataKey, await deriveKek('đúng mật khẩu rồi', salt));
    const unwrapped = await unwrapDataKey(wrapped, await deriveKek('đúng mật khẩu rồi', salt));
    expect(toBase64(await exportRawKey(unwrapped))).toBe(toBase64(await exportRawKey(dataKey)));
    await expect(unwrapDataKey(wrapped, await deriveKek('sai mật khẩu rồi', salt))).rejects.toThrow();
  });

  it('round-trips raw keys through base64 (what session storage holds)', async () => {
    const key = await generateDataKey();
    const raw = await exportRawKey(key);
    const again = await importRawKey(fromBase64(toBase64(raw)));
    const sealed = await sealJson(key, [1, 2, 3]);
    expect(await openJson(again, sealed)).toEqual([1, 2, 3]);
  });
});

describe('secrets', () => {
  it.each([
    ['pin', '482915', 'officer', null],
    ['pin', '12345', 'officer', 'ít nhất 6'],
    ['pin', '12a456', 'officer', 'chỉ gồm chữ số'],
    ['pin', '111111', 'officer', 'dễ đoán'],
    ['pin', '123456', 'officer', 'dễ đoán'],
    ['pin', '654321', 'officer', 'dễ đoán'],
    ['passphrase', 'ngắn', 'officer', 'ít nhất 10'],
    ['passphrase', 'hoa sen nở giữa hồ', 'supervisor', null],
    ['pin', '482915', 'supervisor', 'cụm mật khẩu'],
  ] as const)('%s "%s" for %s', (kind, secret, role, expected) => {
    const problem = checkSecret(kind, secret, role);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });

  it('makes each wrong attempt wait longer, capped', () => {
    expect([1, 2, 3, 4, 5, 10].map(retryDelayMs)).toEqual([0, 2000, 4000, 8000, 16000, 60000]);
  });
});
