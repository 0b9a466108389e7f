import { formatDate, parseDate } from '../vn/dates';
import { addressFromText } from '../vn/admin-units';
import { crossCheckId } from '../vn/personal-id';
import { parsePhone } from '../vn/phone';
import { cleanSpaces } from '../vn/text';
import { maritalStatuses, sexes, type Person, type PersonField, type Provenance } from './schema';

/** The edit form's values: one string per field, exactly as the officer sees and types them. */
export type FormValues = Record<PersonField | 'note', string>;

export const formFieldLabels: Record<PersonField | 'note', string> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  personalId: 'Số định danh cá nhân',
  oldId: 'Số CMND cũ',
  idIssueDate: 'Ngày cấp',
  idIssuePlace: 'Nơi cấp',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  nationality: 'Quốc tịch',
  placeOfBirth: 'Nơi sinh',
  hometown: 'Quê quán',
  permanentAddress: 'Nơi thường trú',
  currentAddress: 'Nơi ở hiện tại',
  phone: 'Số điện thoại',
  email: 'Email',
  maritalStatus: 'Tình trạng hôn nhân',
  note: 'Ghi chú',
};

export function emptyForm(): FormValues {
  return Object.fromEntries(Object.keys(formFieldLabels).map((k) => [k, ''])) as FormValues;
}

export function personToForm(person: Person): FormValues {
  const form = emptyForm();
  form.fullName = person.fullName.value;
  form.birthDate = person.birthDate ? formatDate(person.birthDate.value) : '';
  form.sex = person.sex?.value ?? '';
  form.personalId = person.personalId?.value ?? '';
  form.oldId = person.oldId?.value ?? '';
  form.idIssueDate = person.idIssueDate ? formatDate(person.idIssueDate.value) : '';
  form.permanentAddress = person.permanentAddress?.value.text ?? '';
  form.currentAddress = person.currentAddress?.value.text ?? '';
  form.maritalStatus = person.maritalStatus?.value ?? '';
  for (const f of ['idIssuePlace', 'ethnicity', 'religion', 'nationality', 'placeOfBirth', 'hometown', 'phone', 'email'] as const) {
    form[f] = person[f]?.value ?? '';
  }
  form.note = person.note;
  return form;
}

export interface FormCheck {
  /** The record to save, when there are no errors. */
  person: Omit<Person, 'id' | 'createdAt' | 'updatedAt'> | null;
  errors: Partial<Record<PersonField | 'note', string>>;
  warnings: string[];
}

/**
 * Validates the form inline (each message in Vietnamese, beside its field) and builds the record. Fields the
 * officer changed get typed provenance, verified by them now; unchanged fields keep where they came from.
 */
export function checkForm(values: FormValues, original: Person | null, officerId: string, now = new Date()): FormCheck {
  const errors: FormCheck['errors'] = {};
  const warnings: string[] = [];
  const before = original ? personToForm(original) : emptyForm();
  const at = now.toISOString();
  const typedProv: Provenance = { source: 'typed', confidence: 1, at, verifiedBy: officerId, verifiedAt: at, notes: [] };
  const out: Record<string, unknown> = { note: cleanSpaces(values.note) };
  const v = (f: PersonField) => cleanSpaces(values[f]);
  const put = (f: PersonField, value: unknown) => {
    const unchanged = original && cleanSpaces(before[f]) === v(f) && original[f];
    out[f] = unchanged ? original[f] : { value, prov: typedProv };
  };

  if (!v('fullName')) errors.fullName = 'Bắt buộc nhập họ và tên.';
  else put('fullName', v('fullName'));

  for (const f of ['birthDate', 'idIssueDate'] as const) {
    if (!v(f)) continue;
    const parsed = parseDate(v(f));
    if (parsed.ok) put(f, parsed.date);
    else errors[f] = parsed.reason;
  }
  if (v('sex')) {
    if ((sexes as readonly string[]).includes(v('sex'))) put('sex', v('sex'));
    else errors.sex = 'Chọn "Nam" hoặc "Nữ".';
  }
  const pid = v('personalId').replace(/[\s.]/g, '');
  if (pid) {
    if (/^\d{12}$/.test(pid)) put('personalId', pid);
    else errors.personalId = `Số định danh cá nhân phải có đúng 12 chữ số (đang có ${pid.replace(/\D/g, '').length}).`;
  }
  const oldId = v('oldId').replace(/[\s.]/g, '');
  if (oldId) {
    if (/^\d{9}$/.test(oldId)) put('oldId', oldId);
    else errors.oldId = 'Số CMND cũ phải có đúng 9 chữ số.';
  }
  if (v('phone')) {
    const parsed = parsePhone(v('phone'));
    if (parsed.ok && !parsed.restored) put('phone', parsed.value);
    else errors.phone = parsed.ok ? 'Số điện thoại thiếu số 0 ở đầu.' : parsed.reason;
  }
  if (v('email')) {
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v('email'))) put('email', v('email'));
    else errors.email = 'Email không đúng dạng (ví dụ ten@example.vn).';
  }
  if (v('maritalStatus')) {
    if ((maritalStatuses as readonly string[]).includes(v('maritalStatus'))) put('maritalStatus', v('maritalStatus'));
    else errors.maritalStatus = 'Chọn một tình trạng hôn nhân trong danh sách.';
  }
  for (const f of ['idIssuePlace', 'ethnicity', 'religion', 'nationality', 'placeOfBirth', 'hometown'] as const) {
    if (v(f)) put(f, v(f));
  }
  for (const f of ['permanentAddress', 'currentAddress'] as const) {
    const text = v(f);
    if (!text) continue;
    put(f, addressFromText(text));
  }
  if (out.personalId && !errors.personalId) {
    const birth = out.birthDate as { value: Person['birthDate'] extends infer B ? (B extends { value: infer V } ? V : never) : never } | undefined;
    const sex = out.sex as { value: 'Nam' | 'Nữ' } | undefined;
    warnings.push(
      ...crossCheckId(pid, { ...(birth ? { birthDate: birth.value } : {}), ...(sex ? { sex: sex.value } : {}) }).map((m) => m.message),
    );
  }
  const hasErrors = Object.keys(errors).length > 0;
  return { person: hasErrors ? null : (out as FormCheck['person']), errors, warnings };
}

/** A stored field as one line of text (merge dialogs compare and show fields this way). */
export function showFieldValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const v = (value as { value: unknown }).value;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'text' in v) return String((v as { text: string }).text);
  if (v && typeof v === 'object' && 'year' in v) {
    const d = v as { day?: number; month?: number; year: number };
    return [d.day, d.month, d.year].filter((x) => x !== undefined).map((x) => String(x).padStart(2, '0')).join('/');
  }
  return JSON.stringify(v);
}
