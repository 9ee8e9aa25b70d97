"use client";

import { useEffect, useState } from "react";
import { EngineerJobLists } from "./EngineerJobLists.tsx";
import { JobScreen } from "./JobScreen.tsx";

const JOB_PATH = /^\/engineer\/jobs\/([0-9a-f-]{36})\/?$/i;

type Route = { kind: "loading" } | { kind: "job"; id: string } | { kind: "list"; all: boolean } | { kind: "other" };

/** Renders the screen for the address in the bar from the phone's saved copy (see the offline page). */
export function OfflineScreen({ companyName }: { companyName: string }) {
  const [route, setRoute] = useState<Route>({ kind: "loading" });
  useEffect(() => {
    const path = window.location.pathname;
    const job = JOB_PATH.exec(path);
    // Reads the real address once on the client (the server only ever renders the loading state).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRoute(job ? { kind: "job", id: job[1]! } : path === "/engineer" || path === "/engineer/offline" ? { kind: "list", all: false } : path === "/engineer/jobs" ? { kind: "list", all: true } : { kind: "other" });
  }, []);

  if (route.kind === "job") return <JobScreen jobId={route.id} initial={null} />;
  if (route.kind === "list") {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">{route.all ? "My jobs" : "Today"}</h1>
        <EngineerJobLists initial={null} companyName={companyName} showUnscheduled={route.all} />
      </div>
    );
  }
  if (route.kind === "other") {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">You&apos;re offline</h1>
        <p className="text-neutral-700">This screen needs a connection. Your jobs for today and the coming days are saved on this phone.</p>
        <a href="/engineer" className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-600 px-4 text-base font-medium text-white">
          Open today&apos;s jobs
        </a>
      </div>
    );
  }
  return <p className="text-neutral-600" aria-busy="true">Loading…</p>;
}
