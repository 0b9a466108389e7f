import type { MessageKey } from '@/utils/i18n';

/**
 * The one table of a citizen's fields. The person schema, the edit form, the spreadsheet import, the export,
 * the person editor and the merge dialogs all derive from it: adding a field is one entry here plus its
 * label in the message catalogue (tests/unit/records/fields.test.ts checks every place it must reach).
 */

/** How a field's value is held, checked, read from a spreadsheet and shown (utils/records/field-kinds.ts). */
export const fieldKinds = [
  'name',
  'date',
  'sex',
  'personalId',
  'oldId',
  'text',
  'address',
  'phone',
  'email',
  'maritalStatus',
] as const;
export type FieldKind = (typeof fieldKinds)[number];

export interface CitizenFieldSpec {
  key: string;
  kind: FieldKind;
  /** Its label in the message catalogue: form, editor, import mapping, merge dialogs. */
  label: MessageKey;
  /** Its column in an export (the import recognises it again). */
  exportHeader: string;
  /** Other headers ward spreadsheets give it, compared folded (no diacritics, lower case). Longer ones win. */
  synonyms: readonly string[];
  /** The canonical field name on the autofill side (utils/autofill/labels.ts `fillFields`); null where it has none. */
  autofill: string | null;
  /** Who the person is: a bad value refuses an imported row. A bad value of any other field is dropped with a warning. */
  identity?: true;
  /** Every record has it. */
  required?: true;
  /** Shown across both columns of the editor. */
  wide?: true;
}

export const citizenFields = [
  {
    key: 'fullName',
    kind: 'name',
    label: 'field.fullName',
    exportHeader: 'Họ và tên',
    synonyms: [
      'họ tên',
      'họ, chữ đệm và tên',
      'họ chữ đệm và tên',
      'họ tên công dân',
      'tên công dân',
      'họ tên người dân',
      'full name',
      'name',
    ],
    autofill: 'fullName',
    identity: true,
    required: true,
  },
  {
    key: 'birthDate',
    kind: 'date',
    label: 'field.birthDate',
    exportHeader: 'Ngày sinh',
    synonyms: ['ngày tháng năm sinh', 'ngày, tháng, năm sinh', 'sinh ngày', 'date of birth', 'dob'],
    autofill: 'birthDate',
    identity: true,
  },
  {
    key: 'sex',
    kind: 'sex',
    label: 'field.sex',
    exportHeader: 'Giới tính',
    synonyms: ['giới', 'sex', 'gender'],
    autofill: 'sex',
    identity: true,
  },
  {
    key: 'personalId',
    kind: 'personalId',
    label: 'field.personalId',
    exportHeader: 'Số định danh cá nhân',
    synonyms: [
      'số định danh',
      'số cccd',
      'cccd',
      'căn cước',
      'số căn cước',
      'căn cước công dân',
      'số giấy tờ tùy thân',
      'số giấy tờ',
      'mã định danh',
      'personal id',
      'id number',
    ],
    autofill: 'personalId',
    identity: true,
  },
  {
    key: 'oldId',
    kind: 'oldId',
    label: 'field.oldId',
    exportHeader: 'Số CMND',
    synonyms: ['cmnd', 'chứng minh nhân dân', 'số chứng minh', 'số cmnd cũ'],
    autofill: 'oldId',
    identity: true,
  },
  {
    key: 'idIssueDate',
    kind: 'date',
    label: 'field.idIssueDate',
    exportHeader: 'Ngày cấp',
    synonyms: [],
    autofill: 'idIssueDate',
  },
  {
    key: 'idIssuePlace',
    kind: 'text',
    label: 'field.idIssuePlace',
    exportHeader: 'Nơi cấp',
    synonyms: [],
    autofill: 'idIssuePlace',
  },
  {
    key: 'ethnicity',
    kind: 'text',
    label: 'field.ethnicity',
    exportHeader: 'Dân tộc',
    synonyms: [],
    autofill: 'ethnicity',
  },
  {
    key: 'religion',
    kind: 'text',
    label: 'field.religion',
    exportHeader: 'Tôn giáo',
    synonyms: [],
    autofill: 'religion',
  },
  {
    key: 'nationality',
    kind: 'text',
    label: 'field.nationality',
    exportHeader: 'Quốc tịch',
    synonyms: [],
    autofill: 'nationality',
  },
  {
    key: 'placeOfBirth',
    kind: 'text',
    label: 'field.placeOfBirth',
    exportHeader: 'Nơi sinh',
    synonyms: [],
    autofill: 'placeOfBirth',
  },
  {
    key: 'hometown',
    kind: 'text',
    label: 'field.hometown',
    exportHeader: 'Quê quán',
    synonyms: ['nguyên quán'],
    autofill: 'hometown',
  },
  {
    key: 'permanentAddress',
    kind: 'address',
    label: 'field.permanentAddress',
    exportHeader: 'Nơi thường trú',
    synonyms: ['thường trú', 'địa chỉ thường trú', 'hộ khẩu thường trú', 'địa chỉ', 'nơi cư trú', 'address'],
    autofill: 'permanentAddress',
    wide: true,
  },
  {
    key: 'currentAddress',
    kind: 'address',
    label: 'field.currentAddress',
    exportHeader: 'Nơi ở hiện tại',
    synonyms: ['chỗ ở hiện tại', 'địa chỉ hiện tại', 'tạm trú', 'nơi tạm trú', 'địa chỉ tạm trú'],
    autofill: 'currentAddress',
    wide: true,
  },
  {
    key: 'phone',
    kind: 'phone',
    label: 'field.phone',
    exportHeader: 'Số điện thoại',
    synonyms: ['điện thoại', 'sđt', 'số đt', 'đt', 'phone', 'di động'],
    autofill: 'phone',
  },
  {
    key: 'email',
    kind: 'email',
    label: 'field.email',
    exportHeader: 'Email',
    synonyms: ['thư điện tử', 'e-mail'],
    autofill: 'email',
  },
  {
    key: 'maritalStatus',
    kind: 'maritalStatus',
    label: 'field.maritalStatus',
    exportHeader: 'Tình trạng hôn nhân',
    synonyms: ['hôn nhân'],
    autofill: 'maritalStatus',
  },
  {
    key: 'occupation',
    kind: 'text',
    label: 'field.occupation',
    exportHeader: 'Nghề nghiệp',
    synonyms: ['công việc', 'việc làm', 'nghề nghiệp hiện nay'],
    autofill: 'occupation',
  },
] as const satisfies readonly CitizenFieldSpec[];

export type CitizenField = (typeof citizenFields)[number];
export type PersonField = CitizenField['key'];

/** The fields of a person that hold a `{ value, prov }`, in the order forms and exports show them. */
export const personFields = citizenFields.map((f) => f.key) as PersonField[];

const byKey = new Map<string, CitizenFieldSpec>(citizenFields.map((f) => [f.key, f]));

export function fieldSpec(key: PersonField): CitizenFieldSpec {
  return byKey.get(key)!;
}

/** The record's free-text note: not a `{ value, prov }` field, but shown, imported and exported beside them. */
export const noteField = {
  key: 'note',
  label: 'field.note',
  exportHeader: 'Ghi chú',
  synonyms: ['note'],
} as const satisfies Pick<CitizenFieldSpec, 'key' | 'label' | 'exportHeader' | 'synonyms'>;
