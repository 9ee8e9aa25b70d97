import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import { engineerJob, engineerJobList, syncRequest, syncResponse } from "./engineer.schema.ts";

const TAG = "Engineer";
const engineer = policy.can("jobs.view.assigned");

export const engineerApi = {
  jobs: defineOperation({
    method: "GET",
    path: "/api/engineer/jobs",
    summary: "The signed-in engineer's jobs: today's and upcoming (by their own visits, company time zone) and open assigned jobs without a visit",
    tag: TAG,
    policy: engineer,
    response: engineerJobList,
  }),
  job: defineOperation({
    method: "GET",
    path: "/api/engineer/jobs/{id}",
    summary: "One of the engineer's jobs with site, contact, scope, checklists, photos, notes, their time and completion; 404 unless assigned to them",
    tag: TAG,
    policy: engineer,
    params: idParams,
    response: engineerJob,
  }),
  sync: defineOperation({
    method: "POST",
    path: "/api/engineer/sync",
    summary:
      "Apply actions taken on the device (offline), in order. Each action: {clientActionId (uuid from the device), type: checklist.set | note.add | photo.add | time.clockIn | time.clockOut | time.breakStart | time.breakEnd | job.start | job.complete, jobId, occurredAt, payload}. One result per action: applied, conflict (the office changed the job meanwhile) or rejected (invalid), each with a message; an id seen before returns its recorded outcome and changes nothing (replayed: true)",
    tag: TAG,
    policy: engineer,
    body: syncRequest,
    response: syncResponse,
  }),
};
