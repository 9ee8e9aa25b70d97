import type { Metadata } from "next";
import { JobScreen } from "@/modules/engineer/components/JobScreen.tsx";
import { myJob } from "@/modules/engineer/engineer.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";

export const metadata: Metadata = { title: "Job" };

/** One job on site. Not assigned to this engineer (or missing, or another company's): the 404 page. */
export default async function EngineerJob({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantPage(policy.can("jobs.view.assigned"));
  const { id } = await params;
  const job = await loadOrUnavailable(() => myJob(ctx, id));
  return <JobScreen jobId={job.id} initial={job} />;
}
