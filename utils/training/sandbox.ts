import { browser } from 'wxt/browser';
import { mapAddress } from '@/utils/background/address-mapping';
import { slipsItem } from '@/utils/background/slips';
import { MotcuaDB } from '@/utils/db/database';
import { maskedIdOf } from '@/utils/records/search-index';
import { RecordsStore } from '@/utils/records/store';
import { importRawKey } from '@/utils/security/crypto';
import type { MessageType, RequestOf, ResponseOf } from '@/utils/messaging/protocol';
import { trainingFamilies } from '@/utils/training/families';
import { ReasonError } from '@/utils/i18n/reason-error';

/**
 * The training sandbox: its own database (`motcua-training`) of synthetic families, opened without an unlock
 * (a fixed key: the data is made up), answering the helper panel's messages in the training page itself.
 * Nothing here reads or writes the real records, and nothing goes to the background but the slip.
 */
export const sandboxDbName = 'motcua-training';
const sandboxKey = () => importRawKey(new Uint8Array(32).fill(7));

export async function openSandbox(): Promise<RecordsStore> {
  const db = new MotcuaDB(sandboxDbName);
  const store = await RecordsStore.open(db, await sandboxKey(), { officerId: 'hoc-vien' });
  if (store.listEntries().length === 0) await seed(store);
  return store;
}

async function seed(store: RecordsStore) {
  const families = trainingFamilies();
  await store.writePeople(
    families.flatMap((f) => [f.father, f.mother, f.child]),
    null,
  );
  for (const { father, mother, child } of families) {
    await store.link(child.id, 'father', father.id);
    await store.link(child.id, 'mother', mother.id);
  }
}

/** "Làm mới dữ liệu mẫu": the sandbox database deleted and made again. */
export async function resetSandbox(): Promise<RecordsStore> {
  await new MotcuaDB(sandboxDbName).delete();
  return openSandbox();
}

type Send = <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

export interface SandboxOptions {
  /** Presenter mode: ID numbers masked in what the form receives. */
  maskIds: () => boolean;
  onEvent?: (type: MessageType) => void;
}

export function sandboxSend(store: RecordsStore, options: SandboxOptions): Send {
  let filings = 0;
  const answer = async (type: MessageType, payload: unknown): Promise<unknown> => {
    switch (type) {
      case 'records/status':
        return { setUp: true, unlocked: true, officerName: 'Học viên (dữ liệu mẫu)', officers: [] };
      case 'records/search':
        return {
          results: (await store.search((payload as RequestOf<'records/search'>).query, 20)).map(
            ({ id, name, dob, maskedId, address, sex }) => ({ id, name, dob, maskedId, address, sex }),
          ),
        };
      case 'records/relatives': {
        const { personId } = payload as RequestOf<'records/relatives'>;
        const out = [];
        for (const r of await store.relationsOf(personId)) {
          const other = await store.get(r.fromId === personId ? r.toId : r.fromId, { audit: false });
          if (other)
            out.push({
              id: other.id,
              name: other.fullName.value,
              kind: r.kind,
              direction: r.fromId === personId ? ('of' as const) : ('is' as const),
            });
        }
        return { relatives: out };
      }
      case 'records/fill-data': {
        const person = await store.get((payload as RequestOf<'records/fill-data'>).personId, { audit: false });
        if (!person) throw new ReasonError('error.training.personNotFound');
        const shown =
          options.maskIds() && person.personalId
            ? {
                ...person,
                personalId: {
                  ...person.personalId,
                  value: maskedIdOf({ personalId: person.personalId.value, oldId: null })!,
                },
              }
            : person;
        const [permanentAddress, currentAddress] = await Promise.all([
          mapAddress(person.permanentAddress?.value),
          mapAddress(person.currentAddress?.value),
        ]);
        return { person: shown, addresses: { permanentAddress, currentAddress } };
      }
      case 'filings/pending':
        return { pending: null };
      case 'records/document':
        return { document: null };
      case 'filings/record':
        filings += 1;
        return { root: `dao-tao-${filings}`, procedure: null };
      case 'filings/update':
        return {
          status: (payload as RequestOf<'filings/update'>).status ?? 'draft',
          dossierCode: (payload as RequestOf<'filings/update'>).dossierCode ?? null,
        };
      case 'slip/open': {
        const id = crypto.randomUUID();
        await slipsItem.setValue({
          ...(await slipsItem.getValue()),
          [id]: { ...(payload as RequestOf<'slip/open'>), savedAt: Date.now() },
        });
        // A tab of its own, like the real panel's slip (a window.open'ed page would not get the extension's APIs).
        await browser.tabs.create({ url: browser.runtime.getURL(`/slip.html?id=${id}`) });
        return { id };
      }
      default:
        throw new ReasonError('error.training.unsupported', { type });
    }
  };
  return (async (type, payload) => {
    const result = await answer(type, payload);
    options.onEvent?.(type);
    return result;
  }) as Send;
}
