import data from '@/utils/vn/data/ethnic-groups.json';
import { matchKey } from '@/utils/vn/text';

/** The ethnic groups' codes and spellings (data/ethnic-groups.json), for matching what portals list. */
export interface EthnicGroup {
  code: string;
  name: string;
  aliases: string[];
}

const groups: EthnicGroup[] = data.groups;
const compact = (text: string) => matchKey(text).replace(/\s+/g, '');
const byKey = new Map<string, EthnicGroup>();
for (const g of groups) for (const spelling of [g.name, ...g.aliases]) byKey.set(compact(spelling), g);

/** The group a spelling names ("Ê Đê", "Ê-đê", "Êđê" all name 12), or null. */
export function ethnicGroup(spelling: string): EthnicGroup | null {
  return byKey.get(compact(spelling)) ?? null;
}
