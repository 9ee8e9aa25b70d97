/** The planner's one extra error: a save with conflict warnings and no override reason (HTTP 409 with the warnings). */
import { AppError } from "@/server/errors/errors.ts";
import type { ScheduleWarning } from "./schedule-conflicts.ts";

export class ScheduleConflictError extends AppError {
  constructor(readonly warnings: ScheduleWarning[]) {
    super(
      "CONFLICT",
      `This visit has ${warnings.length === 1 ? "a conflict" : `${warnings.length} conflicts`}: ${warnings.map((w) => w.message).join(" ")} Give a reason to save it anyway.`,
    );
  }
}
