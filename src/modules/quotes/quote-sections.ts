/**
 * Sections of a quote (pure). A section groups always-included (BASE) lines under a heading with
 * its subtotal; options and add-ons are listed in their own blocks, so they are never sectioned.
 * Subtotals are sums of line nets that the one pricing function already computed: nothing here
 * prices anything.
 */

/** The section a line is shown under: trimmed name for BASE lines, null for everything else. */
export function sectionOf(l: { section?: string | null; placement: string }): string | null {
  if (l.placement !== "BASE") return null;
  const name = l.section?.trim();
  return name ? name : null;
}

export type SectionGroup<T> = {
  /** null: the lines outside any section (shown first, without a heading). */
  name: string | null;
  items: T[];
  /** Sum of the items' net (after discount, before VAT). */
  netPence: number;
};

/**
 * Groups items by section: the unsectioned ones first (only when there are any), then each named
 * section in `order` (kept even when empty, as the builder shows a new section before its first
 * line), then any other section in order of first appearance. Items keep their order within a group.
 */
export function groupBySection<T>(items: readonly T[], section: (item: T) => string | null, net: (item: T) => number, order: readonly string[] = []): SectionGroup<T>[] {
  const named = new Map<string, T[]>(order.map((n) => [n, []]));
  const loose: T[] = [];
  for (const item of items) {
    const name = section(item);
    if (name === null) loose.push(item);
    else {
      if (!named.has(name)) named.set(name, []);
      named.get(name)!.push(item);
    }
  }
  const sum = (list: T[]) => list.reduce((s, i) => s + net(i), 0);
  const groups: SectionGroup<T>[] = [...named].map(([name, list]) => ({ name, items: list, netPence: sum(list) }));
  return loose.length ? [{ name: null, items: loose, netPence: sum(loose) }, ...groups] : groups;
}
