import 'fake-indexeddb/auto';
import { MotcuaDB } from '@/utils/db/database';
import type { ExistingLookup } from '@/utils/records/import/preview';
import type { PersonInput, Provenance } from '@/utils/records/schema';

/** A preview's view of empty records, or of records answering only by ID number. */
export function lookupById(byId: (id: string) => string | undefined = () => undefined): ExistingLookup {
  return { byIdNumber: byId, named: () => [], parentsOf: async () => [] };
}

let counter = 0;
/** A fresh database per test in fake-indexeddb. */
export function freshDb(): MotcuaDB {
  counter += 1;
  return new MotcuaDB(`motcua-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const typed: Provenance = {
  source: 'typed',
  confidence: 1,
  at: '2026-01-01T00:00:00.000Z',
  verifiedBy: null,
  verifiedAt: null,
  notes: [],
};

export function personInput(
  name: string,
  extra: {
    id?: string;
    dob?: [number, number, number];
    pid?: string;
    oldId?: string;
    phone?: string;
    address?: string;
  } = {},
): Omit<PersonInput, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    fullName: { value: name, prov: typed },
    ...(extra.dob && {
      birthDate: {
        value: { day: extra.dob[0], month: extra.dob[1], year: extra.dob[2], precision: 'day' as const },
        prov: typed,
      },
    }),
    ...(extra.pid && { personalId: { value: extra.pid, prov: typed } }),
    ...(extra.oldId && { oldId: { value: extra.oldId, prov: typed } }),
    ...(extra.phone && { phone: { value: extra.phone, prov: typed } }),
    ...(extra.address && { permanentAddress: { value: { text: extra.address, detail: '' }, prov: typed } }),
  };
}
