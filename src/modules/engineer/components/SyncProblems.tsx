"use client";

import { formatDateTime } from "@/ui/format";
import { Icon } from "@/ui/icons";
import { SYNC_ACTION_LABELS } from "../engineer.constants.ts";
import { useEngineerOffline } from "./EngineerOffline.tsx";

/**
 * Actions from this phone the server couldn't apply (the office changed the job meanwhile, or the
 * action was invalid): listed with the server's reason until the engineer dismisses each one.
 * Also says when actions are waiting because the sign-in expired.
 */
export function SyncProblems({ jobId, timeZone }: { jobId?: string; timeZone: string }) {
  const { problems, dismiss, signedOut, outbox } = useEngineerOffline();
  const shown = jobId ? problems.filter((p) => p.jobId === jobId) : problems;
  return (
    <>
      {signedOut && outbox.length > 0 ? (
        <div role="alert" className="rounded-lg border border-warning-200 bg-warning-50 p-4 text-warning-800">
          <p className="font-semibold">Sign in again to send your work</p>
          <p className="mt-1 text-sm">
            {outbox.length} {outbox.length === 1 ? "action is" : "actions are"} saved on this phone and will be sent once you sign in.
          </p>
          <a href="/login?next=/engineer" className="mt-2 inline-flex min-h-11 items-center font-medium underline underline-offset-4">
            Sign in
          </a>
        </div>
      ) : null}
      {shown.length > 0 ? (
        <section aria-labelledby="sync-problems-title" className="rounded-lg border border-danger-200 bg-danger-50 p-4">
          <h2 id="sync-problems-title" className="flex items-center gap-2 text-base font-semibold text-danger-800">
            <Icon name="alert" size={20} />
            {shown.length === 1 ? "1 action wasn't saved" : `${shown.length} actions weren't saved`}
          </h2>
          <ul className="mt-3 flex flex-col gap-3">
            {shown.map((p) => (
              <li key={p.clientActionId} className="rounded-md border border-danger-200 bg-white p-3">
                <p className="text-sm font-semibold text-neutral-900">
                  {SYNC_ACTION_LABELS[p.type]}
                  {!jobId && p.jobLabel ? <span className="font-normal text-neutral-700"> · {p.jobLabel}</span> : null}
                </p>
                <p className="mt-1 text-sm text-neutral-800">{p.message}</p>
                <p className="mt-1 text-xs text-neutral-600">Done on this phone {formatDateTime(p.occurredAt, timeZone)}</p>
                <button
                  type="button"
                  onClick={() => void dismiss(p.clientActionId)}
                  className="mt-2 inline-flex min-h-11 items-center rounded-md border border-neutral-300 bg-white px-4 text-sm font-medium text-neutral-900 hover:bg-neutral-50"
                >
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
