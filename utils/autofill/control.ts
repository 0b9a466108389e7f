import type { VnDate } from '@/utils/vn/dates';
import type { Framework } from '@/utils/autofill/bridge/protocol';
import type { FillField, FormRole } from '@/utils/autofill/labels';

/**
 * The filler's vocabulary. A page is a set of **controls**: each is one thing an officer fills (a text box, a
 * select2 dropdown, three date boxes, a SurveyJS question), found and driven by one **adapter** (one file per
 * widget library under adapters/). The pipeline is collect → classify → fill → read back → report, and every
 * mark in the report is decided by reading back what the page now holds (the framework's model where it is
 * reachable, otherwise what the widget shows as chosen and the control it keeps).
 */

/**
 * What a control holds: free text, one of a list, a date (possibly written as parts), or a path through nested
 * lists (a cascader's province, then its ward).
 */
export type ValueKind = 'text' | 'choice' | 'date' | 'path';

export interface Choice {
  value: string;
  text: string;
}

/** The value the record gives a control, before any widget writes it in its own format. */
export type Want =
  | { kind: 'text'; text: string }
  /** Acceptable spellings, best first (a code, a name, aliases): the adapter picks among the page's options. */
  | { kind: 'choice'; values: string[]; fallbackOther?: boolean }
  | { kind: 'date'; date: VnDate }
  /** One list after another, top first: each step's acceptable spellings, as a choice's. */
  | { kind: 'path'; steps: string[][] };

/** What the page holds now, as the adapter reads it back. */
export type ReadBack =
  | { ok: true; text: string; choice?: Choice | null }
  | { ok: false; reason: 'unreadable' | 'gone' };

/** One reason the officer is told, as a code with parameters: the panel turns it into Vietnamese or English. */
export interface Reason {
  code: ReasonCode;
  params?: Record<string, string | number>;
}

/** Every reason the filler gives; the message catalogue has words for each (`fill.reason.<code>`). */
export const reasonCodes = [
  'readonly',
  'readonlyDiffers',
  'alreadyThere',
  'noOption',
  'otherChosen',
  'looseChoice',
  'listTimeout',
  'listDidNotOpen',
  'pickerOnly',
  'notAccepted',
  'pageShows',
  'pageInvalid',
  'unverifiable',
  'listLikeText',
  'replacedValue',
  'rebuilt',
  'wipedRefilled',
  'noModel',
  'noData',
  'noAddress',
  'addressNotSplit',
  'provinceUnknown',
  'wardNotFound',
  'ambiguousWard',
  'noPerson',
  'noPersonForBlock',
  'unknownField',
  'unknownFieldHolds',
  'relationManual',
  'dateFormatUnknown',
  'hiddenNotFilled',
  'failed',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

/** What a fill attempt did, before the read-back decides the mark. */
export interface Attempt {
  /** The exact value the adapter wrote, in the page's terms (the option chosen, the text typed). */
  wrote: Choice | string | null;
  /** Something the officer must know even if the read-back matches (a loose match, "Khác"). */
  note?: Reason;
  /** The page refused: nothing was written. */
  refused?: Reason;
  /** The field already held what is meant: left as it was, nothing written. */
  kept?: boolean;
}

/** What a control held before motcua touched it, for "Hoàn tác". */
export interface Snapshot {
  text: string;
  choice?: Choice | null;
  /** The adapter's own data to put it back (a model value, the checked option). */
  raw?: unknown;
}

export interface Control {
  adapter: Adapter;
  /** The element the officer sees (outlined, checked for visibility, labelled). */
  element: HTMLElement;
  kind: ValueKind;
  /** Human text naming it, cleaned of required markers and punctuation, best first. */
  labels: string[];
  /** Hints in parentheses or placeholders ("dd/mm/yyyy", "Điền năm"). */
  hints: string[];
  /** Developer names: name, id, formcontrolname, data-name, Form.io key. */
  names: string[];
  /** Block headings around it, nearest first. */
  headings: string[];
  readOnly: boolean;
  /** Adapter-specific handles (the native select, the parts of a split date, a model reference). */
  parts?: Record<string, HTMLElement | HTMLElement[] | undefined>;
  model?: { framework: Framework; name: string; ref: string };
  /** The choices, when the adapter can list them without opening anything. */
  options?: Choice[];
}

export interface Classified extends Control {
  field: FillField | null;
  role: FormRole | null;
  part: 'day' | 'month' | 'year' | null;
  /** Which address an address part belongs to: the person's own, or the place applied for (the household's). */
  address: 'permanentAddress' | 'currentAddress' | 'requested' | null;
  /** The site profile that named it, when one did. */
  profile?: string;
}

export interface AdapterContext {
  /** How long a list that loads (a ward list after its province) may take. */
  listTimeoutMs: number;
}

export interface Adapter {
  /** Short name shown in reports and the protocol file ("select2", "react-select"). */
  id: string;
  /**
   * The controls of this widget in a root. `owned` are elements inside or beside them that belong to the
   * widget (its hidden select, its search box): no other adapter may take them as controls of their own.
   */
  find(
    root: ParentNode,
    owned: Set<Element>,
  ): Array<{
    control: Omit<Control, 'adapter' | 'labels' | 'hints' | 'headings'> &
      Partial<Pick<Control, 'labels' | 'hints' | 'headings'>>;
    owns: Element[];
  }>;
  /** Whether the officer can see it now (a known widget may keep its real control hidden). */
  visible(control: Control): boolean;
  read(control: Control): ReadBack | Promise<ReadBack>;
  fill(control: Control, want: Want, ctx: AdapterContext): Promise<Attempt>;
  snapshot(control: Control): Snapshot | Promise<Snapshot>;
  /** Puts the snapshot back; false when the widget cannot be set back (the panel names such fields). */
  restore(control: Control, snapshot: Snapshot): boolean | Promise<boolean>;
}
