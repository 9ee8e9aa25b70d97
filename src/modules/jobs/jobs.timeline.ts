/**
 * The jobs source of the client timeline: each job's creation, its completion (with who signed)
 * and a cancellation (with the reason). Read from the job rows, so it holds whether or not the
 * viewer may read the audit trail.
 */
import { findUserNames } from "@/modules/audit/audit.repo.ts";
import type { TimelineEntry, TimelineSource } from "@/modules/clients/client-timeline.ts";
import { findClientJobHistory } from "./jobs.repo.ts";

export const jobsTimelineSource: TimelineSource = {
  name: "jobs",
  capability: "jobs.view",
  async load(ctx, clientId, limit) {
    const jobs = await findClientJobHistory(ctx.db, clientId, limit);
    const names = await findUserNames([...new Set(jobs.flatMap((j) => [j.createdById, j.completedById]).filter((x): x is string => !!x))]);
    const who = (id: string | null) => (id ? (names.get(id) ?? "Former user") : null);
    const entries: TimelineEntry[] = [];
    for (const j of jobs) {
      const base = { kind: "item" as const, source: "jobs", href: `/admin/jobs/${j.id}` };
      entries.push({ ...base, id: `job-created:${j.id}`, at: j.createdAt.toISOString(), actor: who(j.createdById), title: `created job ${j.number}: ${j.title}`, status: { value: "scheduled", label: "Job created" } });
      if (j.completedAt) {
        entries.push({
          ...base,
          id: `job-completed:${j.id}`,
          at: j.completedAt.toISOString(),
          actor: who(j.completedById),
          title: `completed job ${j.number}`,
          status: { value: "completed", label: "Completed" },
          body: j.completionSignerName ? `Signed off by ${j.completionSignerName}` : null,
        });
      }
      if (j.status === "CANCELLED") {
        entries.push({ ...base, id: `job-cancelled:${j.id}`, at: j.updatedAt.toISOString(), actor: null, title: `job ${j.number} was cancelled`, status: { value: "cancelled", label: "Cancelled" }, body: j.cancelledReason });
      }
    }
    return entries;
  },
};
