import { translator, type Language } from '@/utils/i18n';
import type { Person, Relation } from '@/utils/records/schema';
import type { RecordsStore } from '@/utils/records/store';

export type NamedRelation = Relation & { otherName: string };

/** A person's relations, each with the other person's name ('?' when that record is gone). */
export async function namedRelations(
  store: Pick<RecordsStore, 'relationsOf' | 'get'>,
  personId: string,
): Promise<NamedRelation[]> {
  const list = await store.relationsOf(personId);
  return Promise.all(
    list.map(async (r) => {
      const otherId = r.fromId === personId ? r.toId : r.fromId;
      return { ...r, otherName: (await store.get(otherId, { audit: false }))?.fullName.value ?? '?' };
    }),
  );
}

/** "Nguyễn Văn A là cha của Nguyễn Văn B", read from the side of `self`. */
export function relationSentence(language: Language, relation: NamedRelation, self: Person): string {
  const t = translator(language);
  const of = t('relation.of', { kind: t(`relation.${relation.kind}`).toLocaleLowerCase('vi') });
  const name = self.fullName.value;
  return relation.fromId === self.id ? `${relation.otherName} ${of} ${name}` : `${name} ${of} ${relation.otherName}`;
}

/** The editor's save: a new record, or the edited fields over the one that was opened. */
export function saveEdited(
  store: Pick<RecordsStore, 'create' | 'update'>,
  original: Person | null,
  edited: Parameters<RecordsStore['create']>[0],
): Promise<Person> {
  return original ? store.update({ ...original, ...edited } as Person) : store.create(edited);
}
