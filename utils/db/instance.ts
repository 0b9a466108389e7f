import { MotcuaDB } from '@/utils/db/database';

/** The database of this extension context. Extension pages and the background only: never a content script. */
let instance: MotcuaDB | null = null;

export function recordsDb(): MotcuaDB {
  instance ??= new MotcuaDB();
  return instance;
}
