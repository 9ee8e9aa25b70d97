import { z } from "zod";
import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import { jobParams, jobsOverview, mailboxList, mailboxMessage, mailboxQuery } from "./system.schema.ts";

export const systemApi = {
  mailbox: defineOperation({
    method: "GET",
    path: "/api/admin/system/mailbox",
    summary: "Email the company sent, newest first; filter by recipient (`to`). Includes links found in the body.",
    tag: "System",
    policy: policy.can("system.mailbox.view"),
    query: mailboxQuery,
    response: mailboxList,
  }),
  mailboxMessage: defineOperation({
    method: "GET",
    path: "/api/admin/system/mailbox/{id}",
    summary: "One email with its HTML",
    tag: "System",
    policy: policy.can("system.mailbox.view"),
    params: idParams,
    response: mailboxMessage,
  }),
  jobs: defineOperation({
    method: "GET",
    path: "/api/admin/system/jobs",
    summary: "Worker heartbeat, queue counts and the company's failed jobs (payload redacted)",
    tag: "System",
    policy: policy.can("system.jobs.manage"),
    response: jobsOverview,
  }),
  retryJob: defineOperation({
    method: "POST",
    path: "/api/admin/system/jobs/{queue}/{jobId}/retry",
    summary: "Retry a failed job (audited)",
    tag: "System",
    policy: policy.can("system.jobs.manage"),
    params: jobParams,
    response: z.object({ retried: z.boolean() }),
  }),
  removeJob: defineOperation({
    method: "POST",
    path: "/api/admin/system/jobs/{queue}/{jobId}/remove",
    summary: "Remove a failed job (audited)",
    tag: "System",
    policy: policy.can("system.jobs.manage"),
    params: jobParams,
    response: z.object({ removed: z.boolean() }),
  }),
};
