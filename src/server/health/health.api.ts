import { z } from "zod";
import { defineOperation, policy } from "../http/operation.ts";

export const healthOutput = z.object({
  status: z.enum(["ok", "degraded"]),
  db: z.enum(["ok", "down"]),
  redis: z.enum(["ok", "down"]),
  worker: z.enum(["ok", "stale"]),
  workerLastSeenAt: z.iso.datetime().nullable(),
  checkedAt: z.iso.datetime(),
});

export const healthApi = {
  get: defineOperation({
    method: "GET",
    path: "/api/health",
    summary: "Liveness: 200 when PostgreSQL and Redis answer, 503 naming the failing part otherwise",
    tag: "System",
    policy: policy.public(),
    response: healthOutput,
  }),
};
