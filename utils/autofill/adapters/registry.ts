import type { Adapter } from '@/utils/autofill/control';
import { antdSelectAdapter } from '@/utils/autofill/adapters/antd-select';
import { arcoSelectAdapter } from '@/utils/autofill/adapters/arco-select';
import { ariaComboboxAdapter, listboxButtonAdapter } from '@/utils/autofill/adapters/aria-combobox';
import { choicesAdapter } from '@/utils/autofill/adapters/choices';
import { drawnDropdownAdapter } from '@/utils/autofill/adapters/drawn-dropdown';
import { elementCascaderAdapter } from '@/utils/autofill/adapters/element-cascader';
import { elementSelectAdapter } from '@/utils/autofill/adapters/element-select';
import { flatpickrAdapter } from '@/utils/autofill/adapters/flatpickr';
import { formioAdapter } from '@/utils/autofill/adapters/formio';
import { matSelectAdapter } from '@/utils/autofill/adapters/mat-select';
import { naiveSelectAdapter } from '@/utils/autofill/adapters/naive-select';
import { ngSelectAdapter } from '@/utils/autofill/adapters/ng-select';
import { pickerButtonAdapter } from '@/utils/autofill/adapters/picker-button';
import { radioAdapter } from '@/utils/autofill/adapters/radio';
import { reactSelectAdapter } from '@/utils/autofill/adapters/react-select';
import { select2Adapter } from '@/utils/autofill/adapters/select2';
import { sectionDateAdapter } from '@/utils/autofill/adapters/section-date';
import { selectAdapter } from '@/utils/autofill/adapters/select';
import { splitDateAdapter } from '@/utils/autofill/adapters/split-date';
import { surveyAdapter } from '@/utils/autofill/adapters/survey';
import { textAdapter } from '@/utils/autofill/adapters/text';
import { xSelectAdapter } from '@/utils/autofill/adapters/x-select';

/**
 * Every widget the filler knows, most specific first: a framework question claims everything it renders, a
 * widget claims its hidden control and its search box, and the native controls take what is left. A new
 * widget is one new file here plus its replica page.
 */
export const adapters: Adapter[] = [
  surveyAdapter,
  formioAdapter,
  select2Adapter,
  choicesAdapter,
  reactSelectAdapter,
  ngSelectAdapter,
  antdSelectAdapter,
  naiveSelectAdapter,
  elementSelectAdapter,
  arcoSelectAdapter,
  elementCascaderAdapter,
  matSelectAdapter,
  xSelectAdapter,
  flatpickrAdapter,
  sectionDateAdapter,
  ariaComboboxAdapter,
  listboxButtonAdapter,
  drawnDropdownAdapter,
  splitDateAdapter,
  radioAdapter,
  selectAdapter,
  pickerButtonAdapter,
  textAdapter,
];
