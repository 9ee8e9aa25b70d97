import { z } from "zod";
import { defineOperation, policy } from "../http/operation.ts";

export const cronApi = {
  run: defineOperation({
    method: "POST",
    path: "/api/internal/cron/{name}",
    summary: "Enqueue a scheduled task for the current period (idempotent per period)",
    tag: "Internal",
    policy: policy.cron(),
    params: z.object({ name: z.string().regex(/^[a-z0-9-]{1,64}$/) }),
    response: z.object({ task: z.string(), period: z.string(), enqueued: z.boolean() }),
  }),
};
