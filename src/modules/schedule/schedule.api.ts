import { defineOperation, policy } from "@/server/http/operation.ts";
import {
  checkVisitInput,
  checkVisitOutput,
  createUnavailabilityInput,
  createVisitInput,
  scheduleWindowQuery,
  unavailabilityList,
  unavailabilityOutput,
  updateUnavailabilityInput,
  updateVisitInput,
  visitList,
  visitOutput,
  visitParams,
} from "./schedule.schema.ts";
import { ScheduleConflictError } from "./schedule.errors.ts";

const TAG = "Schedule";
const view = policy.can("jobs.view");
const manage = policy.can("planner.manage");

export const scheduleApi = {
  list: defineOperation({
    method: "GET",
    path: "/api/admin/schedule",
    summary: "Visits overlapping a window (`from`, `to`, ISO date-times, at most 62 days; optional `engineerId`), with job number, title, client and site",
    tag: TAG,
    policy: view,
    query: scheduleWindowQuery,
    response: visitList,
  }),
  create: defineOperation({
    method: "POST",
    path: "/api/admin/schedule",
    summary:
      "Book a visit (job, engineer, start, end). Hard errors are a 422; conflict warnings (double booking, outside working hours, engineer unavailable) a 409 with `warnings`, unless `overrideReason` is given. Assigns the engineer to the job and emails them.",
    tag: TAG,
    policy: manage,
    body: createVisitInput,
    response: visitOutput,
    successStatus: 201,
  }),
  check: defineOperation({
    method: "POST",
    path: "/api/admin/schedule/check",
    summary: "Conflict errors and warnings for a proposed visit (new: `jobId`; a change: `visitId`), without saving",
    tag: TAG,
    policy: manage,
    body: checkVisitInput,
    response: checkVisitOutput,
  }),
  update: defineOperation({
    method: "PATCH",
    path: "/api/admin/schedule/{id}",
    summary: "Move, resize or reassign a visit, or change its notes; the same conflict rules as booking. The engineer is emailed when it moves; on a reassignment the new engineer is emailed the booking and the previous one that it is no longer theirs.",
    tag: TAG,
    policy: manage,
    params: visitParams,
    body: updateVisitInput,
    response: visitOutput,
  }),
  remove: defineOperation({
    method: "DELETE",
    path: "/api/admin/schedule/{id}",
    summary: "Remove a visit (the engineer stays assigned to the job); the engineer of an upcoming visit is emailed that it is off",
    tag: TAG,
    policy: manage,
    params: visitParams,
  }),
};

export const unavailabilityApi = {
  list: defineOperation({
    method: "GET",
    path: "/api/admin/unavailability",
    summary: "Engineer leave, sickness and training overlapping a window (`from`, `to`; optional `engineerId`)",
    tag: TAG,
    policy: view,
    query: scheduleWindowQuery,
    response: unavailabilityList,
  }),
  create: defineOperation({
    method: "POST",
    path: "/api/admin/unavailability",
    summary: "Mark an engineer unavailable (leave, sick, training, other) for a period; the planner warns about visits inside it",
    tag: TAG,
    policy: manage,
    body: createUnavailabilityInput,
    response: unavailabilityOutput,
    successStatus: 201,
  }),
  get: defineOperation({
    method: "GET",
    path: "/api/admin/unavailability/{id}",
    summary: "One unavailability period",
    tag: TAG,
    policy: view,
    params: visitParams,
    response: unavailabilityOutput,
  }),
  update: defineOperation({
    method: "PATCH",
    path: "/api/admin/unavailability/{id}",
    summary: "Change an unavailability period",
    tag: TAG,
    policy: manage,
    params: visitParams,
    body: updateUnavailabilityInput,
    response: unavailabilityOutput,
  }),
  remove: defineOperation({
    method: "DELETE",
    path: "/api/admin/unavailability/{id}",
    summary: "Remove an unavailability period",
    tag: TAG,
    policy: manage,
    params: visitParams,
  }),
};

/** Runs a save; a conflict without an override becomes a 409 carrying the structured warnings. */
export async function withConflictWarnings<T>(save: () => Promise<T>): Promise<T | Response> {
  try {
    return await save();
  } catch (err) {
    if (!(err instanceof ScheduleConflictError)) throw err;
    return Response.json({ error: { code: "CONFLICT", message: err.message }, warnings: err.warnings }, { status: 409 });
  }
}
