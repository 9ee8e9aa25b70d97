/** A small in-process cache with a time limit per entry (e.g. a company's branding in the worker). */
export function ttlCache<K, V>(ttlMs: number, max = 1000) {
  const entries = new Map<K, { value: V; at: number }>();
  return {
    async get(key: K, load: () => Promise<V>): Promise<V> {
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = await load();
      if (entries.size >= max) entries.delete(entries.keys().next().value as K);
      entries.set(key, { value, at: Date.now() });
      return value;
    },
    clear: () => entries.clear(),
  };
}
