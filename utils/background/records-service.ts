import { recordsDb } from '@/utils/db/instance';
import { loadAdminUnits } from '@/utils/vn/admin-units-loader';
import { mapAddress } from '@/utils/background/address-mapping';
import { RecordsStore } from '@/utils/records/store';
import { isSetUp, listOfficers } from '@/utils/security/officers';
import { currentSession, touchSession } from '@/utils/security/session';
import { ReasonError } from '@/utils/i18n/reason-error';

/**
 * The records as the background serves them to the helper panel. The store is opened from the session key
 * (storage.session) when first needed, so a restarted service worker needs no new unlock.
 */
let opened: { key: CryptoKey; store: RecordsStore } | null = null;

export class LockedError extends Error {
  constructor() {
    super('Hồ sơ đang khoá. Hãy mở khoá bằng mã PIN.');
    this.name = 'LockedError';
  }
}

export async function openStore(): Promise<RecordsStore> {
  const current = await currentSession();
  if (!current) {
    opened = null;
    throw new LockedError();
  }
  if (opened?.key !== current.dataKey) {
    opened = {
      key: current.dataKey,
      store: await RecordsStore.open(recordsDb(), current.dataKey, { officerId: current.session.officerId }),
    };
  }
  await touchSession();
  return opened.store;
}

export async function recordsStatus() {
  const db = recordsDb();
  const current = await currentSession();
  const officers = (await listOfficers(db)).map(({ id, name, role }) => ({ id, name, role }));
  // A panel is open: have the 2025 units ready before the officer fills an address.
  if (current) void loadAdminUnits().catch(() => undefined);
  return {
    setUp: await isSetUp(db),
    unlocked: Boolean(current),
    officerName: current?.session.officerName ?? null,
    officers,
  };
}

export async function relativesOf(personId: string) {
  const store = await openStore();
  const relations = await store.relationsOf(personId);
  const out: Array<{ id: string; name: string; kind: string; direction: 'of' | 'is' }> = [];
  for (const r of relations) {
    const otherId = r.fromId === personId ? r.toId : r.fromId;
    const other = await store.get(otherId, { audit: false });
    // direction 'of': the other person is this person's <kind> (the child's father); 'is': this person is theirs.
    if (other)
      out.push({
        id: other.id,
        name: other.fullName.value,
        kind: r.kind,
        direction: r.fromId === personId ? 'of' : 'is',
      });
  }
  return out;
}

export async function fillData(personId: string) {
  const store = await openStore();
  const person = await store.get(personId);
  if (!person) throw new ReasonError('error.person.gone');
  // Retention counts from this use; the officer need not wait for that write.
  void store.markUsed(personId).catch(() => undefined);
  return person;
}

export async function fillDataWithAddresses(personId: string) {
  const person = await fillData(personId);
  const [permanentAddress, currentAddress] = await Promise.all([
    mapAddress(person.permanentAddress?.value),
    mapAddress(person.currentAddress?.value),
  ]);
  return { person, addresses: { permanentAddress, currentAddress } };
}
