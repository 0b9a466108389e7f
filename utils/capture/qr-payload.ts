import { reason, type Reason } from '@/utils/i18n/reason-error';
import { parseQrDate, type VnDate } from '@/utils/vn/dates';
import type { Sex } from '@/utils/vn/personal-id';
import { cleanSpaces, fold, nfc } from '@/utils/vn/text';

/**
 * What a scanned QR code holds. The ID card's QR is `|`-separated UTF-8 (shared/domain/VIETNAM.md §1): parsed
 * by position, extra fields of the 2024 card kept, never a fixed count assumed. Other codes an officer scans by
 * mistake are named, so the page can say what was scanned instead of failing silently.
 */

export interface CitizenQr {
  /** The payload as read (NFC), shown to the officer as the QR's raw text. */
  raw: string;
  personalId: string;
  oldId: string | null;
  fullName: string;
  birthDate: VnDate | null;
  sex: Sex | null;
  residence: string;
  issueDate: VnDate | null;
  /** Fields after the seventh (the 2024 card may carry more), as read. */
  extra: string[];
  /**
   * The parents' names among the extra fields, where they can be told: labelled ("Cha: …", "Mẹ: …"), or the
   * first two that read as names (the draft circular lists the father before the mother). Positions in `extra`.
   */
  parents?: { father?: string; mother?: string; fatherAt?: number; motherAt?: number; byPosition: boolean };
  /** Problems with single fields, in Vietnamese; the rest of the payload is still used. */
  warnings: string[];
}

export type QrPayload =
  | { kind: 'citizen-id'; card: CitizenQr }
  | {
      kind: 'vietqr';
      bank: string | null;
      account: string | null;
      name: string | null;
      amount: string | null;
      message: Reason;
    }
  | { kind: 'health-insurance'; cardNumber: string; fullName: string | null; message: Reason }
  | { kind: 'url'; url: string; message: Reason }
  | { kind: 'unknown'; message: Reason };

export function classifyQr(raw: string): QrPayload {
  const text = nfc(raw)
    .replace(/^\uFEFF/, '')
    .replace(/[\r\n]+$/, '');
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'unknown', message: reason('qr.empty') };

  const fields = text.split('|');
  if (/^\d{12}$/.test(fields[0]?.trim() ?? '') && fields.length >= 3)
    return { kind: 'citizen-id', card: citizenQr(fields, text) };
  if (/^000201/.test(trimmed)) return vietQr(trimmed);
  const bhyt = healthInsurance(fields);
  if (bhyt) return bhyt;
  if (/^https?:\/\//i.test(trimmed)) {
    let host = trimmed;
    try {
      host = new URL(trimmed).host;
    } catch {
      /* keep the text */
    }
    return {
      kind: 'url',
      url: trimmed,
      message: reason('qr.url', { host }),
    };
  }
  if (/^\d{9,11}\|/.test(trimmed)) {
    return {
      kind: 'unknown',
      message: reason('qr.shortId', { count: fields[0]!.length }),
    };
  }
  return {
    kind: 'unknown',
    message: reason('qr.notCitizen'),
  };
}

function citizenQr(fields: string[], raw: string): CitizenQr {
  const at = (i: number) => cleanSpaces(fields[i] ?? '');
  const warnings: string[] = [];
  const date = (i: number, label: string): VnDate | null => {
    const value = at(i);
    if (value === '') return null;
    const parsed = parseQrDate(value);
    if (parsed.ok) return parsed.date;
    warnings.push(`${label} trong mã QR không đọc được ("${value}").`);
    return null;
  };
  const oldId = at(1);
  if (oldId !== '' && !/^\d{9}$/.test(oldId)) warnings.push(`Số CMND cũ trong mã QR không đúng 9 chữ số ("${oldId}").`);
  const sexText = at(4).toLowerCase();
  const sex: Sex | null = sexText === 'nam' ? 'Nam' : sexText === 'nữ' || sexText === 'nu' ? 'Nữ' : null;
  if (sex === null && at(4) !== '') warnings.push(`Giới tính trong mã QR không rõ ("${at(4)}").`);
  if (fields.length < 7)
    warnings.push(`Mã QR chỉ có ${fields.length} trường (thường có 7); các trường thiếu cần nhập tay.`);
  return {
    raw,
    personalId: at(0),
    oldId: /^\d{9}$/.test(oldId) ? oldId : null,
    fullName: at(2),
    birthDate: date(3, 'Ngày sinh'),
    sex,
    residence: at(5),
    issueDate: date(6, 'Ngày cấp'),
    extra: fields.slice(7).map((f) => cleanSpaces(f)),
    ...parentsIn(fields.slice(7).map((f) => cleanSpaces(f))),
    warnings,
  };
}

const nameLike = /^(?:\p{Lu}[\p{Ll}\p{Lu}]*)(?: \p{Lu}[\p{Ll}\p{Lu}]*){1,5}$/u;

/** The parents' names among a 2024 QR's extra fields (none found: no `parents`). */
export function parentsIn(extra: readonly string[]): { parents?: NonNullable<CitizenQr['parents']> } {
  const labelled = (pattern: RegExp) => {
    const at = extra.findIndex((f) => pattern.test(fold(f).toLowerCase()));
    return at >= 0 ? { at, name: cleanSpaces(extra[at]!.replace(/^[^:]*:\s*/, '')) } : null;
  };
  const father = labelled(/^(ho ten )?cha\s*:/);
  const mother = labelled(/^(ho ten )?me\s*:/);
  if (father || mother)
    return {
      parents: {
        byPosition: false,
        ...(father ? { father: father.name, fatherAt: father.at } : {}),
        ...(mother ? { mother: mother.name, motherAt: mother.at } : {}),
      },
    };
  const names = extra.map((f, i) => [f, i] as const).filter(([f]) => nameLike.test(f));
  if (names.length < 1) return {};
  const [f, m] = names;
  return {
    parents: { byPosition: true, father: f![0], fatherAt: f![1], ...(m ? { mother: m[0], motherAt: m[1] } : {}) },
  };
}

/** EMVCo TLV: two-digit tag, two-digit length, value. */
export function parseTlv(text: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const tag = text.slice(i, i + 2);
    const len = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(tag) || !Number.isInteger(len) || i + 4 + len > text.length) return null;
    out.set(tag, text.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

function vietQr(text: string): QrPayload {
  const top = parseTlv(text);
  let bank: string | null = null;
  let account: string | null = null;
  for (const tag of ['38', '26', '27', '28', '29']) {
    const merchant = top?.get(tag);
    const sub = merchant ? parseTlv(merchant) : null;
    const beneficiary = sub?.get('01');
    const inner = beneficiary ? parseTlv(beneficiary) : null;
    if (inner) {
      bank = inner.get('00') ?? null;
      account = inner.get('01') ?? null;
      break;
    }
  }
  const name = top?.get('59') ?? null;
  const amount = top?.get('54') ?? null;
  return {
    kind: 'vietqr',
    bank,
    account,
    name,
    amount,
    message: reason('qr.vietqr', {
      ...(bank ? { bank } : {}),
      ...(account ? { account } : {}),
      ...(name ? { name } : {}),
    }),
  };
}

/** The health-insurance card's QR: the card number, then fields of hex-encoded UTF-8 (the name first). */
function healthInsurance(fields: string[]): QrPayload | null {
  const cardNumber = fields[0]?.trim() ?? '';
  if (!/^[A-Z]{2}\d{13}$/.test(cardNumber) || fields.length < 2) return null;
  const name = hexUtf8(fields[1]!.trim());
  return {
    kind: 'health-insurance',
    cardNumber,
    fullName: name,
    message: name
      ? reason('qr.healthInsurance.named', { cardNumber, name })
      : reason('qr.healthInsurance', { cardNumber }),
  };
}

function hexUtf8(hex: string): string | null {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  try {
    return nfc(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

/** The 2021 payload for a person (fixtures, the synthetic card generator). */
export function buildCitizenQr(card: {
  personalId: string;
  oldId?: string;
  fullName: string;
  birth: string; // ddmmyyyy
  sex: Sex;
  residence: string;
  issue: string; // ddmmyyyy
  extra?: string[];
}): string {
  return [
    card.personalId,
    card.oldId ?? '',
    card.fullName,
    card.birth,
    card.sex,
    card.residence,
    card.issue,
    ...(card.extra ?? []),
  ].join('|');
}
