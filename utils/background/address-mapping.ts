import { loadAdminUnits } from '@/utils/vn/admin-units-loader';
import type { AddressCandidate, MappingReason } from '@/utils/vn/admin-units';
import type { Address } from '@/utils/records/schema';

export interface MappedAddress {
  /** 2025 candidates, best first; several when an old ward was split (the officer picks). */
  candidates: Array<{
    provinceCode: string;
    provinceName: string;
    wardCode: string;
    wardName: string;
    partial: boolean;
  }>;
  detail: string;
  /** Why nothing was found. */
  reason: MappedReason | null;
}

/** Why a stored address maps to no 2025 commune (said as `fill.reason.<code>`). */
export type MappedReason = MappingReason | { code: 'addressNotSplit'; params: { text: string } };

const toCandidate = (c: AddressCandidate) => ({
  provinceCode: c.province.code,
  provinceName: c.province.fullName,
  wardCode: c.commune.code,
  wardName: c.commune.fullName,
  partial: c.partial,
});

/** Maps a stored address to its 2025 province and ward (codes already known win). */
export async function mapAddress(address: Address | undefined): Promise<MappedAddress | null> {
  if (!address) return null;
  const units = await loadAdminUnits();
  if (address.wardCode && address.provinceCode) {
    const ward = units.commune(address.wardCode);
    const province = units.province(address.provinceCode);
    if (ward && province) {
      return {
        candidates: [
          {
            provinceCode: province.code,
            provinceName: province.fullName,
            wardCode: ward.code,
            wardName: ward.fullName,
            partial: false,
          },
        ],
        detail: address.detail,
        reason: null,
      };
    }
  }
  if (!address.legacy)
    return {
      candidates: [],
      detail: address.detail || address.text,
      reason: { code: 'addressNotSplit', params: { text: address.text } },
    };
  const result = units.mapLegacyAddress(address.legacy);
  return result.ok
    ? { candidates: result.candidates.map(toCandidate), detail: address.detail, reason: null }
    : { candidates: [], detail: address.detail, reason: result.reason };
}
