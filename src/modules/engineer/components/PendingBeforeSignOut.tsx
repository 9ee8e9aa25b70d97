"use client";

import { useEngineerOffline } from "./EngineerOffline.tsx";

/** On the More screen, above Sign out: work still on the phone would not survive another person signing in. */
export function PendingBeforeSignOut() {
  const { outbox } = useEngineerOffline();
  if (outbox.length === 0) return null;
  return (
    <div role="status" className="rounded-lg border border-warning-200 bg-warning-50 p-4 text-warning-800">
      <p className="font-semibold">
        {outbox.length} {outbox.length === 1 ? "action is" : "actions are"} still waiting to sync
      </p>
      <p className="mt-1 text-sm">Stay signed in until you&apos;re back online and they have been sent. If someone else signs in on this phone first, they are lost.</p>
    </div>
  );
}
