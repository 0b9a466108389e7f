import {
  addressKindFor,
  datePartFor,
  fieldForLabel,
  roleForHeading,
  roleInLabel,
  rolesMentioned,
  type FillField,
  type FormRole,
} from '@/utils/autofill/labels';
import type { Classified, Control } from '@/utils/autofill/control';
import { ruleFor, type SiteProfile } from '@/utils/autofill/profiles';

/**
 * Classify: what each control asks for (a canonical field, a date part) and whose block it is in. A site
 * profile naming the control wins; otherwise the labels, the block headings and the developers' names decide.
 */

/** Role hints developers put in field names (HoTenChaKS, citizenNDK_HoVaTenCha, SoDinhDanh_BenNam). */
const nameRoleHints: Array<[RegExp, FormRole]> = [
  [/Cha(?=[A-Z_]|$)|_cha\b/, 'father'],
  [/Me(?=[A-Z_]|$)|_me\b/, 'mother'],
  [/BenNam/i, 'groom'],
  [/BenNu/i, 'bride'],
  [/ChuHo/i, 'householdHead'],
  [/NguoiKeKhai|KeKhai/i, 'declarant'],
  [/^Nyc|^NYC_|C$/, 'requester'],
];

const addressParts = new Set<FillField>(['province', 'ward', 'addressDetail']);

/** The widget kind a site profile rule names, as the collected control shows it. */
function profileKind(c: Control): string {
  if (c.model) return 'model';
  if (c.adapter.id === 'select') return 'select';
  if (c.adapter.id === 'radio') return 'radio';
  if (c.adapter.id === 'text')
    return c.element.tagName === 'TEXTAREA' ? 'textarea' : c.kind === 'date' ? 'date' : 'text';
  return c.kind === 'choice' ? 'combobox' : c.kind;
}

/** The nearest heading that names a person; `shared` when it names several ("Thông tin cha, mẹ"). */
function roleFromHeadings(headings: string[]): { role: FormRole | null; depth: number; shared: boolean } {
  for (let i = 0; i < headings.length; i++) {
    const role = roleForHeading(headings[i]!);
    if (role) return { role, depth: i, shared: rolesMentioned(headings[i]!).length > 1 };
  }
  return { role: null, depth: headings.length, shared: false };
}

function roleFromNames(names: string[]): FormRole | null {
  for (const name of names) {
    const hint = nameRoleHints.find(([re]) => re.test(name));
    if (hint) return hint[1];
  }
  return null;
}

function yearOnly(c: Control): boolean {
  const input = c.element instanceof HTMLInputElement ? c.element : null;
  if (input?.maxLength === 4) return true;
  return [...c.hints, input?.placeholder ?? ''].some((h) => /^(yyyy|năm|điền năm|nhập năm)$/i.test(h.trim()));
}

export function classify(c: Control, profiles: SiteProfile[] = []): Classified {
  const fromHeadings = roleFromHeadings(c.headings);
  // The address group: the nearest heading or label that names one, inside the person's block.
  const addressKind =
    [...c.headings.slice(0, fromHeadings.depth + 1), ...c.labels].map(addressKindFor).find((k) => k !== null) ?? null;
  const address = addressKind === 'none' ? null : (addressKind ?? 'permanentAddress');
  const match =
    profiles.length > 0
      ? ruleFor({ element: c.element, names: c.names, kind: profileKind(c), model: c.model }, profiles)
      : null;
  if (match) {
    const { rule } = match;
    const role = rule.role ?? fromHeadings.role;
    return {
      ...c,
      field: rule.field,
      role,
      part: rule.field === 'birthYear' ? null : match.part,
      address,
      profile: match.profile,
    };
  }
  let field: FillField | null = null;
  let part: Classified['part'] = null;
  for (const label of c.labels) {
    field ??= fieldForLabel(label);
    part ??= datePartFor(label);
  }
  for (const name of c.names) {
    const suffix = name.match(/[-_](day|month|year)$/i)?.[1]?.toLowerCase();
    if (suffix) part = suffix as 'day' | 'month' | 'year';
  }
  if (part && !field) field = 'birthDate';
  // A date box that holds only a year ("Điền năm", four characters) asks for the year.
  if (field === 'birthDate' && !part && yearOnly(c)) field = 'birthYear';
  if (field === 'birthYear' || c.adapter.id === 'split-date') part = null;
  // A place the records do not hold (the residence applied for, a building site) is no field of the person.
  if (field && addressParts.has(field) && addressKind === 'none') field = null;
  // A label naming a person ("Họ tên mẹ", a column headed "Mẹ") wins over a heading shared by several.
  const inLabel = field === 'relation' ? null : (c.labels.map(roleInLabel).find((r) => r !== null) ?? null);
  let role =
    fromHeadings.role && !(fromHeadings.shared && inLabel) ? fromHeadings.role : (inLabel ?? fromHeadings.role);
  role ??= roleFromNames(c.names);
  return { ...c, field, role, part, address };
}
