import type { Adapter } from '../control';
import { antdSelectAdapter } from './antd-select';
import { ariaComboboxAdapter, listboxButtonAdapter } from './aria-combobox';
import { choicesAdapter } from './choices';
import { flatpickrAdapter } from './flatpickr';
import { formioAdapter } from './formio';
import { matSelectAdapter } from './mat-select';
import { ngSelectAdapter } from './ng-select';
import { radioAdapter } from './radio';
import { reactSelectAdapter } from './react-select';
import { select2Adapter } from './select2';
import { sectionDateAdapter } from './section-date';
import { selectAdapter } from './select';
import { splitDateAdapter } from './split-date';
import { surveyAdapter } from './survey';
import { textAdapter } from './text';
import { xSelectAdapter } from './x-select';

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
  matSelectAdapter,
  xSelectAdapter,
  flatpickrAdapter,
  sectionDateAdapter,
  ariaComboboxAdapter,
  listboxButtonAdapter,
  splitDateAdapter,
  radioAdapter,
  selectAdapter,
  textAdapter,
];
