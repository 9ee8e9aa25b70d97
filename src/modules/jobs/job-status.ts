/**
 * The job state machine (pure): scheduled → in progress ⇄ on hold; in progress → completed →
 * invoiced; cancelled from any state that is not final. The server enforces it; the UI offers
 * only the moves it allows.
 */
export const JOB_STATUSES = ["SCHEDULED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "INVOICED", "CANCELLED"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  ON_HOLD: "On hold",
  COMPLETED: "Completed",
  INVOICED: "Invoiced",
  CANCELLED: "Cancelled",
};

/** Completed, invoiced and cancelled jobs can't be cancelled and take no field work. */
export const FINAL_STATUSES: ReadonlySet<JobStatus> = new Set(["COMPLETED", "INVOICED", "CANCELLED"]);

export const JOB_TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  SCHEDULED: ["IN_PROGRESS", "CANCELLED"],
  IN_PROGRESS: ["ON_HOLD", "COMPLETED", "CANCELLED"],
  ON_HOLD: ["IN_PROGRESS", "CANCELLED"],
  COMPLETED: ["INVOICED"],
  INVOICED: [],
  CANCELLED: [],
};

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return JOB_TRANSITIONS[from].includes(to);
}

/** Putting a job on hold or cancelling it needs a reason (shown on the job and in the timeline). */
export function reasonRequired(to: JobStatus): boolean {
  return to === "ON_HOLD" || to === "CANCELLED";
}

/** Why a move is refused, in words for the office; null when it is allowed. */
export function transitionRefusal(from: JobStatus, to: JobStatus, reason?: string | null): string | null {
  if (from === to) return `The job is already ${JOB_STATUS_LABELS[to].toLowerCase()}.`;
  if (!canTransition(from, to)) {
    const allowed = JOB_TRANSITIONS[from].map((s) => JOB_STATUS_LABELS[s].toLowerCase());
    return allowed.length
      ? `A job that is ${JOB_STATUS_LABELS[from].toLowerCase()} can't become ${JOB_STATUS_LABELS[to].toLowerCase()}; it can become ${allowed.join(" or ")}.`
      : `A job that is ${JOB_STATUS_LABELS[from].toLowerCase()} can't change status.`;
  }
  if (reasonRequired(to) && !reason?.trim()) return `Give a reason for ${to === "ON_HOLD" ? "putting the job on hold" : "cancelling the job"}.`;
  return null;
}

/** The moves offered as buttons (completion has its own form with the checklist gate). */
export function statusActions(from: JobStatus): JobStatus[] {
  return JOB_TRANSITIONS[from].filter((s) => s !== "COMPLETED");
}

/** Completion is reached from in progress, or straight from scheduled (a visit done in one go). */
export function completionRefusal(from: JobStatus): string | null {
  if (from === "IN_PROGRESS" || from === "SCHEDULED") return null;
  if (from === "ON_HOLD") return "The job is on hold: resume it before completing it.";
  return `The job is already ${JOB_STATUS_LABELS[from].toLowerCase()}.`;
}

/** Items still open that the gate counts: required and not done. Pure; used by server and UI. */
export function openRequiredItems<T extends { required: boolean; completedAt: Date | string | null; label: string }>(
  checklists: { title: string; items: T[] }[],
): { checklist: string; label: string }[] {
  return checklists.flatMap((c) => c.items.filter((i) => i.required && !i.completedAt).map((i) => ({ checklist: c.title, label: i.label })));
}

/** The gate's message naming the open items. */
export function openItemsMessage(open: { checklist: string; label: string }[]): string {
  const names = open.map((o) => `"${o.label}" (${o.checklist})`);
  const shown = names.length > 10 ? [...names.slice(0, 10), `and ${names.length - 10} more`] : names;
  return `The job can't be completed while required checklist items are open: ${shown.join(", ")}.`;
}
