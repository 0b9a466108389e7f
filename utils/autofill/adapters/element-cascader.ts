import type { Adapter, Attempt, Choice, Control, Reason } from '@/utils/autofill/control';
import { press } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { isLeaving, movedPopup, pathText, refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * Element UI 2's el-cascader: a `.el-cascader` around a read-only `el-input` that shows the chosen path's labels
 * joined by " / " ("Thành phố Hà Nội / Phường Ba Đình"). A click opens its `.el-cascader__dropdown` (drawn inside
 * the cascader until first shown, then moved to the body), whose panel shows one `.el-cascader-menu` per level:
 * clicking a node (`.el-cascader-node`) opens the next level beside it, loaded then when the page loads lazily
 * (a ward list after its province), and clicking a leaf chooses the path and closes the dropdown. The form's
 * state is Vue's: read back the path the box shows once closed.
 */
const inputOf = (c: Control) => c.parts!.input as HTMLInputElement;
const arrowOf = (c: Control) => c.element.querySelector(':scope > .el-input .el-icon-arrow-down');

const dropdownOf = (c: Control) =>
  movedPopup(c.parts?.dropdown as Element | undefined, c.element.ownerDocument, '.el-cascader__dropdown');

function isOpen(c: Control): boolean {
  if (arrowOf(c)?.classList.contains('is-reverse')) return true;
  const dropdown = dropdownOf(c);
  return Boolean(dropdown && !isLeaving(dropdown) && isVisibleToOfficer(dropdown));
}

function shown(c: Control): Choice | null {
  if (isOpen(c)) return null;
  const text = inputOf(c).value.trim();
  return text ? { value: '', text } : null;
}

export const elementCascaderAdapter: Adapter = {
  id: 'element-cascader',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLElement>('.el-cascader')]
      .filter((el) => !owned.has(el))
      .flatMap((el) => {
        const input = el.querySelector<HTMLInputElement>(':scope > .el-input > input.el-input__inner');
        if (!input) return [];
        const dropdown = el.querySelector<HTMLElement>(':scope > .el-cascader__dropdown');
        return [
          {
            control: {
              element: el,
              kind: 'path' as const,
              names: namesOf(input),
              readOnly: input.disabled || el.classList.contains('is-disabled'),
              parts: { input, labelTarget: input, ...(dropdown ? { dropdown } : {}) },
            },
            owns: [el, input, ...el.querySelectorAll('input')],
          },
        ];
      });
  },
  visible: (c) => isVisibleToOfficer(inputOf(c)),
  read: (c) => ({ ok: true, text: shown(c)?.text ?? '', choice: shown(c) }),
  async fill(c, want, ctx) {
    if (c.readOnly) return refused({ code: 'readonly' });
    if (want.kind !== 'path') return refused({ code: 'unknownField' });
    const doc = c.element.ownerDocument;
    const input = inputOf(c);
    const close = () => {
      if (isOpen(c)) closeList(doc, input);
    };
    const chosen: string[] = [];
    let note: Reason | undefined;
    for (const [level, values] of want.steps.entries()) {
      // Each level is a list of its own: the first opened by a click on the box, the next by the node clicked
      // before it, its nodes there once loaded.
      const attempt: Attempt = await chooseInList(
        {
          doc,
          open: () => {
            if (level === 0 && !isOpen(c)) press(input);
          },
          scope: () => dropdownOf(c)?.querySelectorAll('.el-cascader-menu')[level] ?? doc.createDocumentFragment(),
          optionSelector: '.el-cascader-node:not(.is-disabled)',
          close,
        },
        { kind: 'choice', values },
        ctx.listTimeoutMs,
      );
      if (attempt.refused) {
        close();
        return attempt;
      }
      note ??= attempt.note;
      chosen.push(typeof attempt.wrote === 'string' ? attempt.wrote : (attempt.wrote?.text ?? ''));
    }
    // A leaf's click closes the dropdown; a path shorter than the page's levels leaves it open.
    close();
    return { wrote: chosen.join(' / ') || pathText(want), ...(note ? { note } : {}) };
  },
  snapshot: (c) => ({ text: shown(c)?.text ?? '', choice: shown(c) }),
  restore: (c, s) => !s.choice && !shown(c),
};
