/**
 * The one access check for a job, used by every job, checklist, photo, note and time function:
 * office roles see every job of their company (jobs.view) and change them (jobs.manage); an
 * engineer (jobs.view.assigned) sees and works on only the jobs they are assigned to, by a
 * JobAssignment row or a visit (ScheduleEntry) in their name. Anything else is NOT_FOUND,
 * exactly like a missing id, so nobody learns that another job exists.
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { can, type TenantContext } from "@/server/context.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import { forbidden, notFound } from "@/server/errors/errors.ts";

type Db = TenantDb | TenantTx;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs and devices: anything that is not a uuid is simply not found. */
export function assertUuid(id: string): void {
  if (!UUID.test(id)) throw notFound();
}

/**
 * - "view": read the job.
 * - "act": field work on the job (checklist ticks, notes, photos, clock, completion): the office
 *   (jobs.manage) or an engineer assigned to it.
 * - "manage": office changes (status, assignments, attaching checklists): jobs.manage only.
 */
export type JobAccessMode = "view" | "act" | "manage";

/** Is this context an engineer limited to their assigned jobs (no office capability)? */
export function isAssignedOnly(ctx: TenantContext): boolean {
  return !can(ctx, "jobs.view") && can(ctx, "jobs.view.assigned");
}

/** The repo filter for the jobs this context may see (added to every job query's where). */
export function jobsVisibleTo(ctx: TenantContext): Prisma.JobWhereInput {
  if (can(ctx, "jobs.view") || can(ctx, "jobs.manage")) return {};
  if (can(ctx, "jobs.view.assigned")) {
    return { OR: [{ assignments: { some: { engineerId: ctx.user.id } } }, { visits: { some: { engineerId: ctx.user.id } } }] };
  }
  throw forbidden();
}

/**
 * The job when this context may access it in this mode; NOT_FOUND when it is missing, another
 * company's, or (for an engineer) not theirs; FORBIDDEN when the job is visible but the mode needs
 * a capability the context lacks (an office viewer trying to change it, an engineer managing it).
 */
export async function assertJobAccess(ctx: TenantContext, jobId: string, mode: JobAccessMode = "view", db: Db = ctx.db) {
  if (!UUID.test(jobId)) throw notFound();
  const job = await db.job.findFirst({ where: { AND: [{ id: jobId }, jobsVisibleTo(ctx)] } });
  if (!job) throw notFound();
  if (mode === "manage" && !can(ctx, "jobs.manage")) throw forbidden();
  if (mode === "act" && !can(ctx, "jobs.manage") && !can(ctx, "jobs.view.assigned")) throw forbidden();
  return job;
}
