import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateDataKey } from '@/utils/security/crypto';
import { BundleError, EnrolmentNeeded, makeBundle } from '@/utils/filings/bundle';
import { chainEntry, currentFilings } from '@/utils/filings/chain';
import { checkCounter } from '@/utils/filings/integrity';
import { FilingLog, type NewFiling } from '@/utils/filings/log';
import { counterIdOf, generateCounterKeys, keyFingerprint, signEntry, signHead } from '@/utils/filings/signing';
import { viewOf, type FilingEntry, type FilingPeople } from '@/utils/db/filing-schema';
import type { MotcuaDB } from '@/utils/db/database';
import { freshDb } from '../records/helpers';

/**
 * Issue 14's tamperings, each done to the database the way someone with the profile could (rows edited
 * without the counter's key), and each found by "Kiểm tra tính toàn vẹn" at its entry.
 */
beforeEach(() => fakeBrowser.reset());

const filing = (name: string): NewFiling => ({
  officerId: 'o1',
  officerName: 'Trần Thị Lan',
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  portalHost: 'dichvucong.gov.vn',
  people: [{ role: 'child', personId: `p-${name}`, name, maskedId: null }],
  fields: { filled: 17, check: 1, missing: 0 },
  msToFill: 900,
});

async function counterWith(count: number) {
  const db = freshDb();
  const key = await generateDataKey();
  const log = new FilingLog(db, key);
  for (let i = 0; i < count; i++) await log.record(filing(`Người ${i}`));
  const own = await log.ownCounter();
  return { db, key, log, own };
}

const problems = async (log: FilingLog) => (await log.verify()).flatMap((v) => v.check.problems);

/** Rewrites entries from `from` (1-based) on, hashes and links recomputed: what an editor without the key can do. */
async function rewriteTail(db: MotcuaDB, counterId: string, from: number, change: Partial<FilingEntry>) {
  const entries = await db.filings.where('[counterId+seq]').between([counterId, 0], [counterId, Infinity]).toArray();
  let previous: FilingEntry | null = entries[from - 2] ?? null;
  for (const e of entries.slice(from - 1)) {
    const { hash: _h, prevHash: _p, seq: _s, counterId: _c, sig, ...body } = e;
    const next = { ...(await chainEntry(counterId, previous, { ...body, ...change })), ...(sig ? { sig } : {}) };
    await db.filings.put(next);
    previous = next;
  }
  await db.filingViews.bulkPut(currentFilings(await db.filings.toArray()).map(viewOf));
}

describe('the integrity check finds every edit', () => {
  it('an untouched log is intact: hashes, signatures, people and the view table agree', async () => {
    const { log } = await counterWith(5);
    expect(await log.verify()).toMatchObject([{ check: { count: 5, problems: [] } }]);
  });

  it('the tail rewritten and re-hashed: reported at the first rewritten entry', async () => {
    const { db, log, own } = await counterWith(5);
    await rewriteTail(db, own.id, 3, { status: 'cancelled' });
    expect(await problems(log)).toEqual([{ code: 'integrity.signature', entry: 3 }]);
  });

  it('the last entry deleted: the signed head names the missing entry', async () => {
    const { db, log, own } = await counterWith(5);
    await db.filings.delete([own.id, 5]);
    const found = await problems(log);
    expect(found).toContainEqual({ code: 'integrity.truncated', entry: 5, expected: 5 });
    // Its filing is still in the view table, which no longer matches the chain.
    expect(found).toContainEqual({ code: 'integrity.viewExtra', officer: 'Trần Thị Lan', filing: 'Đăng ký khai sinh' });
  });

  it('the view table edited: a "Cán bộ ma" filing added, another filing’s status changed', async () => {
    const { db, log, own } = await counterWith(3);
    const [first, second] = await db.filingViews.toArray();
    await db.filingViews.put({
      ...first!,
      id: 'ma',
      root: 'ma',
      officerId: 'x',
      officerName: 'Cán bộ ma',
      procedureName: 'Đăng ký kết hôn',
    });
    await db.filingViews.put({ ...second!, status: 'submitted', dossierCode: 'G22.99-000000-000001' });
    const entries = await log.entries(own.id);
    const changedEntry = entries.find((e) => e.root === second!.root)!.seq;
    expect(await problems(log)).toEqual(
      expect.arrayContaining([
        { code: 'integrity.viewExtra', officer: 'Cán bộ ma', filing: 'Đăng ký kết hôn' },
        { code: 'integrity.viewChanged', entry: changedEntry },
      ]),
    );
  });

  it('the sealed people swapped between two entries: both named', async () => {
    const { db, log, own } = await counterWith(3);
    const [a, b] = [
      await db.filingPeople.get([own.id, (await log.entries())[0]!.id]),
      await db.filingPeople.get([own.id, (await log.entries())[1]!.id]),
    ];
    await db.filingPeople.put({ ...a!, iv: b!.iv, ct: b!.ct });
    await db.filingPeople.put({ ...b!, iv: a!.iv, ct: a!.ct });
    expect(await problems(log)).toEqual([
      { code: 'integrity.people', entry: 1 },
      { code: 'integrity.people', entry: 2 },
    ]);
  });

  it('people re-sealed with the data key but swapped (someone who has the key): the digests still differ', async () => {
    const { db, key, log, own } = await counterWith(2);
    const [e1, e2] = await log.entries();
    const [p1, p2] = [await log.peopleOf(e1!), await log.peopleOf(e2!)];
    const { sealJson } = await import('@/utils/security/crypto');
    await db.filingPeople.put({
      counterId: own.id,
      id: e1!.id,
      ...(await sealJson(key, p2 as FilingPeople, `filing:${own.id}:${e1!.id}`)),
    });
    await db.filingPeople.put({
      counterId: own.id,
      id: e2!.id,
      ...(await sealJson(key, p1 as FilingPeople, `filing:${own.id}:${e2!.id}`)),
    });
    expect(await problems(log)).toEqual([
      { code: 'integrity.people', entry: 1 },
      { code: 'integrity.people', entry: 2 },
    ]);
  });

  it('entries added after the signed head (outside motcua) and a deleted head', async () => {
    const { db, log, own } = await counterWith(3);
    const last = (await log.entries()).at(-1)!;
    const forged = await chainEntry(own.id, last, {
      ...viewOf(last),
      id: 'them',
      root: 'them',
      refersTo: null,
      peopleDigest: last.peopleDigest,
    });
    await db.filings.add(forged);
    expect(await problems(log)).toContainEqual({ code: 'integrity.beyondHead', entry: 4 });
    await db.counters.update(own.id, { head: undefined });
    expect(await problems(log)).toContainEqual({ code: 'integrity.headMissing' });
  });
});

describe('checkpoints name the first rewritten entry of a long log', () => {
  async function longLog(n: number) {
    const keys = await generateCounterKeys();
    const id = await counterIdOf(keys.publicJwk);
    const entries: FilingEntry[] = [];
    let previous: FilingEntry | null = null;
    for (let i = 0; i < n; i++) {
      const e = await chainEntry(id, previous, {
        ...viewOf({ ...baseEntry, counterId: id }),
        id: `f${i}`,
        root: `f${i}`,
        refersTo: null,
        peopleDigest: '0'.repeat(64),
      });
      const signed = { ...e, sig: await signEntry(keys.privateKey, id, e.seq, e.hash) };
      entries.push(signed);
      previous = signed;
    }
    const head = { count: n, hash: previous!.hash, sig: await signHead(keys.privateKey, id, n, previous!.hash) };
    return { counter: { id, publicJwk: keys.publicJwk }, entries, head };
  }
  const baseEntry: FilingEntry = {
    counterId: '',
    seq: 1,
    id: 'x',
    root: 'x',
    refersTo: null,
    at: '2026-11-27T03:00:00.000Z',
    officerId: 'o1',
    officerName: 'Lan',
    procedureCode: null,
    procedureName: null,
    portalHost: 'dichvucong.gov.vn',
    status: 'draft',
    fields: { filled: 1, check: 0, missing: 0 },
    msToFill: null,
    msToSubmit: null,
    dossierCode: null,
    peopleDigest: '0'.repeat(64),
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
  const rehashFrom = async (log: Awaited<ReturnType<typeof longLog>>, from: number) => {
    const out = log.entries.slice(0, from - 1);
    for (const e of log.entries.slice(from - 1)) {
      const { hash: _h, prevHash: _p, seq: _s, counterId: _c, sig, ...body } = e;
      out.push({ ...(await chainEntry(log.counter.id, out.at(-1) ?? null, { ...body, officerName: 'Sửa' })), sig });
    }
    return out;
  };

  it.each([[400], [1000], [1700], [2500]])(
    'a rewrite from entry %i',
    async (from) => {
      const log = await longLog(2500);
      expect(
        (await checkCounter({ ...log, people: [], views: [] }, null)).problems.filter(
          (p) => p.code !== 'integrity.viewMissing',
        ),
      ).toEqual([]);
      const entries = await rehashFrom(log, from);
      const found = await checkCounter({ ...log, entries, people: [], views: [] }, null);
      expect(found.problems.filter((p) => p.code !== 'integrity.viewMissing')).toEqual([
        { code: 'integrity.signature', entry: from },
      ]);
    },
    60_000,
  );
});

describe('the supervisor’s copy', () => {
  const pass = 'mat-khau-quay-2';
  async function supervisorWith(counter: Awaited<ReturnType<typeof counterWith>>) {
    const supervisor = await counterWith(0);
    const text = JSON.stringify(await counter.log.exportBundle(pass, new Date(), 100_000));
    const needed = await supervisor.log.importBundle(text, pass).catch((e: unknown) => e);
    expect(needed).toBeInstanceOf(EnrolmentNeeded);
    // The fingerprint the supervisor compares is the one the counter shows on its own dashboard.
    expect((needed as EnrolmentNeeded).counter.fingerprint).toBe(await counter.log.ownFingerprint());
    await supervisor.log.enrolCounter((needed as EnrolmentNeeded).counter, 'boss');
    await supervisor.log.importBundle(text, pass);
    return supervisor;
  }
  /** A bundle the counter's own key signs over a log someone changed (the worst case: the key was used). */
  const resigned = async (counter: Awaited<ReturnType<typeof counterWith>>, entries: FilingEntry[]) => {
    const own = counter.own;
    const signedEntries = await Promise.all(
      entries.map(async (e) => ({ ...e, sig: await signEntry(own.privateKey!, own.id, e.seq, e.hash) })),
    );
    const last = signedEntries.at(-1)!;
    const people = new Map<string, FilingPeople>();
    for (const e of signedEntries)
      people.set(e.id, (await counter.log.peopleOf(e)) ?? { salt: 'x'.repeat(16), people: [], note: '' });
    const head = {
      count: last.seq,
      hash: last.hash,
      sig: await signHead(own.privateKey!, own.id, last.seq, last.hash),
    };
    return JSON.stringify(
      await makeBundle({
        counter: { ...own, privateKey: own.privateKey! },
        entries: signedEntries,
        head,
        people,
        passphrase: pass,
        iterations: 100_000,
      }),
    );
  };

  it('remembers the last head seen: a later bundle with the tail cut is refused at its entry', async () => {
    const counter = await counterWith(4);
    const supervisor = await supervisorWith(counter);
    expect((await supervisor.db.counters.get(counter.own.id))?.lastHead).toMatchObject({ count: 4 });
    const text = await resigned(counter, (await counter.log.entries()).slice(0, 2));
    await expect(supervisor.log.importBundle(text, pass)).rejects.toMatchObject({
      code: 'bundle.shorterThanSeen',
      params: { count: 2, seen: 4, entry: 3 },
    });
  });

  it('a later bundle whose history was rewritten and re-signed is refused at the first differing entry', async () => {
    const counter = await counterWith(4);
    const supervisor = await supervisorWith(counter);
    await rewriteTail(counter.db, counter.own.id, 3, { status: 'cancelled' });
    const text = await resigned(counter, await counter.log.entries());
    await expect(supervisor.log.importBundle(text, pass)).rejects.toMatchObject({
      code: 'bundle.rewritten',
      params: { entry: 3 },
    });
  });

  it('entries deleted from the supervisor’s own copy are reported against the remembered head', async () => {
    const counter = await counterWith(3);
    const supervisor = await supervisorWith(counter);
    await supervisor.db.filings.delete([counter.own.id, 3]);
    const check = (await supervisor.log.verify()).find((v) => v.counter.id === counter.own.id)!;
    expect(check.check.problems).toContainEqual({ code: 'integrity.truncated', entry: 3, expected: 3 });
  });

  it('a forged counter with an enrolled counter’s name is refused, and its key is never enrolled', async () => {
    const counter = await counterWith(1);
    await counter.log.renameOwnCounter('Quầy 2');
    const supervisor = await supervisorWith(counter);
    const forger = await counterWith(2);
    await forger.log.renameOwnCounter('quầy  2');
    const text = JSON.stringify(await forger.log.exportBundle(pass, new Date(), 100_000));
    await expect(supervisor.log.importBundle(text, pass)).rejects.toMatchObject({ code: 'bundle.forgedName' });
    await expect(
      supervisor.log.enrolCounter({ id: forger.own.id, name: 'Quầy 2', publicJwk: forger.own.publicJwk }, 'boss'),
    ).rejects.toBeInstanceOf(BundleError);
    expect(await supervisor.db.counters.get(forger.own.id)).toBeUndefined();
    expect(await keyFingerprint(forger.own.publicJwk)).not.toBe(await keyFingerprint(counter.own.publicJwk));
  });
});

describe('a log from before version 6', () => {
  it('unsigned entries without a head are taken as they are, and the first head signed over them guards the tail from then', async () => {
    const { db, log, own } = await counterWith(3);
    for (const e of await log.entries()) {
      const { sig: _s, ...unsigned } = e;
      await db.filings.put(unsigned);
    }
    await db.counters.update(own.id, { head: undefined });
    expect(await problems(log)).toEqual([]);
    await log.ownHead();
    await db.filings.delete([own.id, 3]);
    expect(await problems(log)).toContainEqual({ code: 'integrity.truncated', entry: 3, expected: 3 });
  });
});

describe('the fast canonical form of an entry', () => {
  it('is exactly the generic canonical JSON of what the hash covers, and falls back for odd rows', async () => {
    const { entryCanonical } = await import('@/utils/filings/integrity');
    const { canonicalJson } = await import('@/utils/filings/canonical');
    const { hashedPart } = await import('@/utils/filings/chain');
    const { log } = await counterWith(2);
    const [e] = await log.entries();
    const odd = [
      e!,
      { ...e!, sig: undefined },
      { ...e!, dossierCode: 'G22"\\u2028-1', note: 'thêm một khoá lạ' } as unknown as FilingEntry,
      { ...e!, fields: { filled: 1, check: 2, missing: 3, extra: 4 } } as unknown as FilingEntry,
      { ...e!, msToFill: null, officerName: 'Lê "Văn" \\ Minh' },
      { ...e!, procedureName: undefined } as unknown as FilingEntry,
    ];
    for (const x of odd) expect(entryCanonical(x)).toBe(canonicalJson(hashedPart(x)));
  });
});
