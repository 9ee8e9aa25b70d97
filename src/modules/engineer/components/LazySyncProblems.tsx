"use client";

import { useEngineerOffline } from "./EngineerOffline.tsx";
import { loadSyncProblems, useLazyModule } from "./lazy.ts";

/**
 * <SyncProblems> only when there is something to show (a rejected action, or work waiting for a
 * sign-in): its code loads after first paint, so pages without problems don't carry it.
 */
export function LazySyncProblems({ jobId, timeZone }: { jobId?: string; timeZone: string }) {
  const { problems, signedOut, outbox } = useEngineerOffline();
  const any = (signedOut && outbox.length > 0) || problems.some((p) => !jobId || p.jobId === jobId);
  return any ? <Loaded jobId={jobId} timeZone={timeZone} /> : null;
}

function Loaded(props: { jobId?: string; timeZone: string }) {
  const { mod } = useLazyModule(loadSyncProblems);
  return mod ? <mod.SyncProblems {...props} /> : null;
}
