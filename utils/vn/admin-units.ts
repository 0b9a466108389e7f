import { z } from 'zod';
import { districtKey, parseMergerNote } from '@/utils/vn/merger-notes';
import { legacyProvinces } from '@/utils/vn/personal-id';
import { placeKey, stripUnitPrefix, type UnitKind } from '@/utils/vn/place-names';
import { cleanSpaces } from '@/utils/vn/text';

/**
 * The 2025 administrative units (34 provinces, 3,321 communes) and the old → new mapping built from the
 * merger notes. Data files are read as they come from shared/data/admin-units (validated here), so a newer
 * edition replaces them without code changes.
 */

const wardSchema = z.object({
  Code: z.string(),
  Name: z.string(),
  FullName: z.string(),
  ProvinceCode: z.string(),
});
export const unitsFileSchema = z.array(
  z.object({ Code: z.string(), Name: z.string(), FullName: z.string(), Wards: z.array(wardSchema) }),
);
export const mergerNotesFileSchema = z.array(
  z.object({ ma: z.string(), ten: z.string(), magoc: z.string(), truocsapnhap: z.string() }),
);
/** `public/data/admin-units/index.json`: which files are the current edition. */
export const adminUnitsIndexSchema = z.object({ units: z.string(), mergerNotes: z.string(), licence: z.string() });

export interface Province {
  code: string;
  name: string;
  fullName: string;
}

export interface Commune {
  code: string;
  name: string;
  fullName: string;
  kind: UnitKind | null;
  provinceCode: string;
}

/** A place name as the data writes it (a unit's name, or a merger note's list of old units). */
export interface PlaceText {
  text: string;
  /** The 2025 province it lies in, where known. */
  province: string | null;
  /** The text names a province (2025 or legacy). */
  isProvince?: boolean;
}

export interface LegacyAddress {
  ward: string;
  district?: string;
  province: string;
}

export interface AddressCandidate {
  commune: Commune;
  province: Province;
  /** Only part of the old ward went to this commune: the officer must pick. */
  partial: boolean;
}

/** Why an address maps to no 2025 commune: a code the filler and the capture review say in the UI's language. */
export type MappingReason =
  | { code: 'provinceUnknown'; params: { province: string } }
  | { code: 'wardNotFound'; params: { ward: string; provinces: string } };

export type MappingResult =
  | { ok: true; candidates: AddressCandidate[]; ambiguous: boolean }
  | { ok: false; reason: MappingReason };

interface LegacyEntry {
  communeCode: string;
  districtKey: string | null;
  partial: boolean;
}

export class AdminUnits {
  private readonly provinces = new Map<string, Province>();
  private readonly communes = new Map<string, Commune>();
  private readonly provinceByKey = new Map<string, string[]>();
  private readonly communesByKey = new Map<string, Commune[]>();
  private readonly legacyByKey = new Map<string, LegacyEntry[]>();

  static fromRaw(unitsRaw: unknown, mergerNotesRaw: unknown): AdminUnits {
    return new AdminUnits(unitsFileSchema.parse(unitsRaw), mergerNotesFileSchema.parse(mergerNotesRaw));
  }

  /**
   * Every place name the data spells (2025 units, legacy provinces, the merger notes' old units), as written,
   * with the 2025 province it lies in.
   */
  readonly placeTexts: PlaceText[] = [];

  private constructor(units: z.infer<typeof unitsFileSchema>, notes: z.infer<typeof mergerNotesFileSchema>) {
    this.placeTexts.push(
      ...legacyProvinces().map((l) => ({ text: l.name, province: l.newProvinceCode, isProvince: true })),
    );
    for (const p of units) {
      this.placeTexts.push(
        { text: p.Name, province: p.Code, isProvince: true },
        ...p.Wards.map((w) => ({ text: w.Name, province: p.Code })),
      );
      const province = { code: p.Code, name: cleanSpaces(p.Name), fullName: cleanSpaces(p.FullName) };
      this.provinces.set(province.code, province);
      this.addProvinceKey(placeKey(province.name), province.code);
      for (const w of p.Wards) {
        const commune: Commune = {
          code: w.Code,
          name: cleanSpaces(w.Name),
          fullName: cleanSpaces(w.FullName),
          kind: stripUnitPrefix(w.FullName).kind,
          provinceCode: w.ProvinceCode,
        };
        this.communes.set(commune.code, commune);
        push(this.communesByKey, placeKey(commune.name), commune);
      }
    }
    // Legacy province names point at the 2025 province that absorbed them.
    for (const legacy of legacyProvinces()) this.addProvinceKey(placeKey(legacy.name), legacy.newProvinceCode);
    for (const [alias, code] of provinceAliases) this.addProvinceKey(alias, code);

    for (const note of notes) {
      this.placeTexts.push({ text: note.truocsapnhap, province: this.communes.get(note.ma)?.provinceCode ?? null });
      if (note.magoc === '0' || !this.communes.has(note.ma)) continue;
      for (const ref of parseMergerNote(note.truocsapnhap, note.ten)) {
        push(this.legacyByKey, ref.key, {
          communeCode: note.ma,
          districtKey: ref.districtHint ? districtKey(ref.districtHint) : null,
          partial: ref.partial,
        });
      }
    }
  }

  private addProvinceKey(key: string, code: string) {
    const codes = this.provinceByKey.get(key) ?? [];
    if (!codes.includes(code)) codes.push(code);
    this.provinceByKey.set(key, codes);
  }

  get provinceCount() {
    return this.provinces.size;
  }

  get communeCount() {
    return this.communes.size;
  }

  allProvinces(): Province[] {
    return [...this.provinces.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  communesOf(provinceCode: string): Commune[] {
    return [...this.communes.values()]
      .filter((c) => c.provinceCode === provinceCode)
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  province(code: string): Province | undefined {
    return this.provinces.get(code);
  }

  commune(code: string): Commune | undefined {
    return this.communes.get(code);
  }

  /** 2025 provinces a name may mean: its own name, a legacy province it absorbed, or a common alias. */
  findProvinces(name: string): Province[] {
    return (this.provinceByKey.get(placeKey(name)) ?? []).map((code) => this.provinces.get(code)!);
  }

  /** 2025 communes by folded name, optionally within one province. */
  findCommunes(name: string, provinceCode?: string): Commune[] {
    const found = this.communesByKey.get(placeKey(name)) ?? [];
    return provinceCode ? found.filter((c) => c.provinceCode === provinceCode) : found;
  }

  /**
   * Maps a pre-2025 three-level address to its 2025 commune(s). Every commune that took in part of the old
   * ward is kept (the officer picks); an old district named in the address narrows same-named wards.
   */
  mapLegacyAddress(address: LegacyAddress): MappingResult {
    const provinces = this.findProvinces(address.province);
    if (provinces.length === 0) {
      return { ok: false, reason: { code: 'provinceUnknown', params: { province: cleanSpaces(address.province) } } };
    }
    const provinceCodes = new Set(provinces.map((p) => p.code));
    const wardKey = placeKey(address.ward);
    let entries = (this.legacyByKey.get(wardKey) ?? []).filter((e) =>
      provinceCodes.has(this.communes.get(e.communeCode)!.provinceCode),
    );

    if (address.district && entries.length > 0) {
      const wanted = districtKey(address.district);
      const matching = entries.filter((e) => e.districtKey === wanted);
      entries = matching.length > 0 ? matching : entries.filter((e) => e.districtKey === null);
    }

    const candidates = new Map<string, AddressCandidate>();
    for (const entry of entries) {
      const commune = this.communes.get(entry.communeCode)!;
      const existing = candidates.get(commune.code);
      if (existing && !entry.partial) existing.partial = false;
      if (existing) continue;
      candidates.set(commune.code, {
        commune,
        province: this.provinces.get(commune.provinceCode)!,
        partial: entry.partial,
      });
    }

    // The address may already be written with 2025 units.
    if (candidates.size === 0) {
      for (const code of provinceCodes) {
        for (const commune of this.findCommunes(address.ward, code)) {
          candidates.set(commune.code, { commune, province: this.provinces.get(code)!, partial: false });
        }
      }
    }

    if (candidates.size === 0) {
      return {
        ok: false,
        reason: {
          code: 'wardNotFound',
          params: { ward: cleanSpaces(address.ward), provinces: provinces.map((p) => p.fullName).join(', ') },
        },
      };
    }
    const list = [...candidates.values()];
    return { ok: true, candidates: list, ambiguous: list.length > 1 };
  }
}

/** Names people write for a province that neither the 2025 nor the legacy list spells that way. */
const provinceAliases: ReadonlyArray<readonly [string, string]> = [
  ['tphcm', '79'],
  ['hcm', '79'],
  ['ho chi minh', '79'],
  ['sai gon', '79'],
  ['hn', '01'],
  ['hue', '46'],
  ['tt hue', '46'],
  ['ba ria vung tau', '79'],
  ['brvt', '79'],
];

/**
 * Splits a one-line address into detail and its last two or three units:
 * "Số 1 phố X, Phường Y, Quận Z, Hà Nội" → { detail: "Số 1 phố X", ward: "Phường Y", district: "Quận Z", province: "Hà Nội" }.
 */
/** An address as written, with the units it names split out (pre-2025 three levels, or the 2025 two). */
export function addressFromText(text: string): {
  text: string;
  detail: string;
  legacy?: { ward: string; district?: string; province: string };
} {
  const parts = splitAddressLine(text);
  return {
    text,
    detail: parts?.detail ?? '',
    ...(parts
      ? {
          legacy: {
            ward: parts.ward,
            ...(parts.district ? { district: parts.district } : {}),
            province: parts.province,
          },
        }
      : {}),
  };
}

export function splitAddressLine(
  text: string,
): { detail: string; ward: string; district?: string; province: string } | null {
  const parts = cleanSpaces(text)
    .split(/\s*[,;]\s*/)
    .filter(Boolean);
  if (parts.length < 2) return null;
  const province = parts.pop()!;
  const last = parts[parts.length - 1]!;
  const kindOfLast = stripUnitPrefix(last).kind;
  let district: string | undefined;
  if (parts.length >= 2 && (kindOfLast === 'district' || kindOfLast === 'town' || kindOfLast === 'city')) {
    district = parts.pop()!;
  }
  const ward = parts.pop()!;
  return { detail: parts.join(', '), ward, ...(district ? { district } : {}), province };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
