import type { Metadata } from "next";
import { EngineerJobLists } from "@/modules/engineer/components/EngineerJobLists.tsx";
import { myJobs } from "@/modules/engineer/engineer.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { formatDate } from "@/ui/format";

export const metadata: Metadata = { title: "Today" };

export default async function EngineerToday() {
  const ctx = await requireTenantPage(policy.can("jobs.view.assigned"));
  const chrome = await loadChrome(ctx);
  const list = await loadOrUnavailable(() => myJobs(ctx));
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hi {ctx.user.name.split(" ")[0]}</h1>
        <p className="text-neutral-600">{formatDate(new Date(), chrome.timeZone)}</p>
      </div>
      <EngineerJobLists initial={list} companyName={chrome.name} />
    </div>
  );
}
