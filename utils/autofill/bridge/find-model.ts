/**
 * Finding a framework's model object from a DOM element, in the page's world, through the DOM markers each
 * renderer leaves (see protocol.ts). A bounded walk: the element and its ancestors' markers, then the objects
 * they hold, breadth first, never into DOM nodes or functions, until an object passes `test`.
 */
const markerKeys =
  /^(__reactFiber\$|__reactProps\$|__reactContainer\$|__k$|_vnode$|__vueParentComponent$|__vue_app__$|__vue__$|__ngContext__$)/;
/** Properties of renderer objects that lead towards a component's props (kept short: the walk stays cheap). */
const followKeys = new Set([
  'return',
  'child',
  'sibling',
  'memoizedProps',
  'pendingProps',
  'stateNode',
  'props',
  'model',
  'survey',
  'creator',
  '__k',
  '__c',
  '__',
  'component',
  'subTree',
  'children',
  'parent',
  'ctx',
  'proxy',
  'setupState',
  'exposed',
  'current',
  'alternate',
  'question',
  'data',
]);
const visitLimit = 20_000;

export type Found<T> = { model: T; via: string } | null;

function viaOf(key: string): string {
  if (key.startsWith('__react')) return 'react';
  if (key === '__k') return 'preact';
  if (key.startsWith('_vnode') || key.startsWith('__vue')) return 'vue';
  return 'angular';
}

export function findModel<T>(start: Element, test: (v: unknown) => v is T): Found<T> {
  const win = start.ownerDocument.defaultView as
    | (Window & { ko?: { dataFor(el: Element): unknown }; ng?: { getComponent(el: Element): unknown } })
    | null;
  // Knockout (the older SurveyJS builds) and Angular's development helper answer directly.
  for (let el: Element | null = start; el; el = el.parentElement) {
    for (const [probe, via] of [
      [win?.ko?.dataFor, 'knockout'],
      [win?.ng?.getComponent, 'angular'],
    ] as const) {
      if (typeof probe !== 'function') continue;
      try {
        const data = probe(el) as Record<string, unknown> | null;
        for (const candidate of [data, data?.survey, data?.model])
          if (test(candidate)) return { model: candidate, via };
      } catch {
        // Not a bound element.
      }
    }
  }
  const queue: Array<[unknown, string]> = [];
  for (let el: Element | null = start; el; el = el.parentElement) {
    for (const key of Object.getOwnPropertyNames(el))
      if (markerKeys.test(key)) queue.push([(el as unknown as Record<string, unknown>)[key], viaOf(key)]);
  }
  const seen = new Set<unknown>();
  for (let i = 0; i < queue.length && seen.size < visitLimit; i++) {
    const [value, via] = queue[i]!;
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (test(value)) return { model: value, via };
    if (typeof Node !== 'undefined' && value instanceof Node) continue;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 200)) queue.push([item, via]);
      continue;
    }
    for (const key of Object.keys(value as object)) {
      if (!followKeys.has(key)) continue;
      let next: unknown;
      try {
        next = (value as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      if (next && typeof next === 'object') queue.push([next, via]);
    }
  }
  return null;
}
