import { describe, expect, it, vi } from 'vitest';
import {
  exportRawKey,
  fromBase64,
  generateDataKey,
  importRawKey,
  newSalt,
  openJson,
  sealJson,
  toBase64,
  unwrapDataKey,
  wrapDataKey,
} from '@/utils/security/crypto';
import {
  argon2Bytes,
  argon2Iterations,
  argon2MemoryKiB,
  argon2Spec,
  deriveKek,
  pbkdf2Iterations,
} from '@/utils/security/kdf';
import { checkPassphrase, checkPin, locksOut, retryDelayMs } from '@/utils/security/secrets';

// Argon2id at its real cost (64 MiB, 12 passes) takes about a second a derivation.
vi.setConfig({ testTimeout: 60_000 });

describe('crypto', () => {
  it('derives passphrase keys with Argon2id at 64 MiB or more; PBKDF2 (legacy, session PIN) at 600,000 or more', () => {
    expect(argon2MemoryKiB).toBeGreaterThanOrEqual(64 * 1024);
    expect(argon2Iterations).toBeGreaterThanOrEqual(2);
    expect(argon2Spec(newSalt())).toMatchObject({ name: 'argon2id', memoryKiB: argon2MemoryKiB, parallelism: 1 });
    expect(pbkdf2Iterations).toBeGreaterThanOrEqual(600_000);
  });

  it('computes the reference implementation’s Argon2id (`argon2 <salt> -id -t 3 -m 10 -p 1 -l 32`)', async () => {
    const salt = new TextEncoder().encode('motcua-salt-0001');
    const out = await argon2Bytes('hoa sen nở giữa hồ', {
      name: 'argon2id',
      salt,
      memoryKiB: 1024,
      iterations: 3,
      parallelism: 1,
    });
    expect(toBase64(out)).toBe(
      toBase64(Uint8Array.from(Buffer.from('fe22b7c9886577543d0760453829ede681e1fd227e83c0a6ab94f999de7d666a', 'hex'))),
    );
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
    for (const spec of [argon2Spec(newSalt()), { name: 'pbkdf2' as const, salt: newSalt(), iterations: 1000 }]) {
      const wrapped = await wrapDataKey(dataKey, await deriveKek('đúng mật khẩu rồi', spec));
      const unwrapped = await unwrapDataKey(wrapped, await deriveKek('đúng mật khẩu rồi', spec));
      expect(toBase64(await exportRawKey(unwrapped))).toBe(toBase64(await exportRawKey(dataKey)));
      await expect(unwrapDataKey(wrapped, await deriveKek('sai mật khẩu rồi', spec))).rejects.toThrow();
    }
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
    ['482915', null],
    ['12345', 'secret.pinLength'],
    ['1234567890123', 'secret.pinLength'],
    ['12a456', 'secret.pinDigits'],
    ['111111', 'secret.pinGuessable'],
    ['123456', 'secret.pinGuessable'],
    ['654321', 'secret.pinGuessable'],
  ] as const)('PIN "%s"', (pin, expected) => {
    expect(checkPin(pin)?.code ?? null).toBe(expected);
  });

  it.each([
    ['ngắn', 'secret.passphraseLength'],
    ['0912345678901', 'secret.passphraseDigits'],
    ['hoa sen nở giữa hồ', null],
  ] as const)('passphrase "%s"', (passphrase, expected) => {
    expect(checkPassphrase(passphrase)?.code ?? null).toBe(expected);
  });

  it('makes each wrong attempt wait longer, capped at a minute for officers and 15 for supervisors', () => {
    expect([1, 2, 3, 4, 5, 10].map((n) => retryDelayMs(n))).toEqual([0, 2000, 4000, 8000, 16000, 60000]);
    expect([1, 2, 5, 10, 11, 30].map((n) => retryDelayMs(n, 'supervisor'))).toEqual([
      0, 2000, 16000, 512000, 900000, 900000,
    ]);
  });

  it('locks an officer out after 5 wrong tries, a supervisor never', () => {
    expect(locksOut('officer', 4)).toBe(false);
    expect(locksOut('officer', 5)).toBe(true);
    expect(locksOut('supervisor', 500)).toBe(false);
  });
});
