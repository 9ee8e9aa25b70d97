import type { Metadata } from "next";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { EmptyState, formatDate } from "@/ui";

export const metadata: Metadata = { title: "Today" };

export default async function EngineerToday() {
  const ctx = await requireTenantPage(policy.can("jobs.view.assigned"));
  const chrome = await loadChrome(ctx);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hi {ctx.user.name.split(" ")[0]}</h1>
        <p className="text-neutral-600">{formatDate(new Date(), chrome.timeZone)}</p>
      </div>
      <EmptyState
        icon="today"
        title="Nothing booked for you today"
        text={`When ${chrome.name} books you onto a job, it shows here with the address, access notes and checklist.`}
      />
    </div>
  );
}
