/**
 * Code of the engineer portal that isn't needed for a page's first paint, loaded on demand: the
 * job screen's lower part (photos, notes, completion), the signature box (signature_pad), the photo
 * resizer, the list of sync problems and the device store (IndexedDB). Each has one `import()`
 * site here, so every caller gets the same chunk; the offline provider loads them all once the
 * page is up, so they are in the service worker's asset cache before the engineer loses signal
 * (see EngineerOffline.tsx). Keeps the portal's first-load JavaScript under its 150 KB budget.
 */
import { useEffect, useState } from "react";

export const loadJobFieldwork = () => import("./JobFieldwork.tsx");
export const loadSignaturePad = () => import("@/ui/SignaturePadField.tsx");
export const loadPhotoResizer = () => import("../offline/photo.ts");
export const loadSyncProblems = () => import("./SyncProblems.tsx");
export const loadStore = () => import("../offline/store.ts");
/** Only when support is impersonating (never needed offline, so not preloaded). */
export const loadImpersonationBanner = () => import("@/modules/identity/components/ImpersonationBanner.tsx");

/** Fetches every lazily loaded chunk of the engineer portal (resolves when all have arrived or failed). */
export async function preloadLazyChunks(): Promise<void> {
  await Promise.allSettled([loadJobFieldwork(), loadSignaturePad(), loadPhotoResizer(), loadSyncProblems(), loadStore()]);
}

/** A lazily loaded module once it has arrived (`failed` when it can't: offline and not cached). */
export function useLazyModule<M>(load: () => Promise<M>): { mod: M | null; failed: boolean } {
  const [state, setState] = useState<{ mod: M | null; failed: boolean }>({ mod: null, failed: false });
  useEffect(() => {
    let live = true;
    load().then(
      (mod) => live && setState({ mod, failed: false }),
      () => live && setState({ mod: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}
