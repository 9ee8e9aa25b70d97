import type { Metadata } from "next";
import { EngineerJobLists } from "@/modules/engineer/components/EngineerJobLists.tsx";
import { myJobs } from "@/modules/engineer/engineer.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";

export const metadata: Metadata = { title: "My jobs" };

export default async function EngineerJobs() {
  const ctx = await requireTenantPage(policy.can("jobs.view.assigned"));
  const chrome = await loadChrome(ctx);
  const list = await loadOrUnavailable(() => myJobs(ctx));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">My jobs</h1>
      <EngineerJobLists initial={list} companyName={chrome.name} showUnscheduled />
    </div>
  );
}
