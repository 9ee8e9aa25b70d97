import { z } from "zod";
import { defineOperation, policy } from "../http/operation.ts";

export const openapiApi = {
  get: defineOperation({
    method: "GET",
    path: "/api/openapi.json",
    summary: "This OpenAPI 3.1 document",
    tag: "System",
    policy: policy.authenticated(),
    response: z.record(z.string(), z.unknown()),
  }),
};
