// What a screen (or a part of one) reads from the API and shows: the value, or the error that
// stopped it.
// Asked again before the answer came (another unit, another month), only the latest answer counts.
import { ref, shallowReactive, type Ref } from 'vue';

/** A read that may fail without stopping the screen (a side card stays empty): its answer, or null. */
export function orNull<T>(read: Promise<T>): Promise<T | null> {
  return read.catch(() => null);
}

export function useLoader<T>(fetch: () => Promise<T>) {
  const data = ref(null) as Ref<T | null>;
  const error = ref<unknown>(null);
  let asked = 0;
  /** Reads again; `keep` leaves the value shown until the answer replaces it. */
  async function load(keep = false): Promise<void> {
    const n = ++asked;
    if (!keep) data.value = null;
    error.value = null;
    try {
      const value = await fetch();
      if (n === asked) data.value = value;
    } catch (e) {
      if (n !== asked) return;
      data.value = null;
      error.value = e;
    }
  }
  return { data, error, load };
}

/**
 * A list read a page at a time ("Xem thêm"): the items so far and how many there are in all.
 * `load` reads the first page again, `more` the next one; `fetchPage` gets the offset.
 */
export function usePagedList<T>(fetchPage: (offset: number) => Promise<{ items: T[]; total: number }>) {
  const list = shallowReactive({ items: [] as T[], total: 0, loading: false, error: null as unknown });
  let asked = 0;
  async function read(more: boolean): Promise<void> {
    const n = ++asked;
    list.loading = true;
    list.error = null;
    try {
      const page = await fetchPage(more ? list.items.length : 0);
      if (n !== asked) return;
      list.items = more ? [...list.items, ...page.items] : page.items;
      list.total = page.total;
    } catch (e) {
      if (n === asked) list.error = e;
    } finally {
      if (n === asked) list.loading = false;
    }
  }
  /** Empty again, as before the first read (an answer still on its way is dropped). */
  function clear(): void {
    asked++;
    Object.assign(list, { items: [], total: 0, loading: false, error: null });
  }
  return { list, load: () => read(false), more: () => read(true), clear };
}
