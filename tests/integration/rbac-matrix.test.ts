/**
 * The RBAC matrix: every registered operation, called as anonymous, each company role and a
 * platform operator, gets exactly the outcome its declared policy promises. The expectation is
 * computed from the policy and ROLE_CAPABILITIES, so a new operation is covered the day it is
 * registered (and routes-declare-policy.test.ts guarantees every route is registered).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLE_CAPABILITIES, ROLES, type RoleName } from "@/modules/identity/permissions.ts";
import type { Operation } from "@/server/http/operation.ts";
import type { RouteHandler } from "@/server/http/route.ts";
import { ALL_OPERATIONS } from "@/server/openapi/operations.ts";
import { call } from "../support/http.ts";
import { routeFiles, urlPathOf } from "../support/routes.ts";
import { createCompany, createSession, createUser } from "../support/factories.ts";

type Actor = "anonymous" | RoleName | "operator";
const ACTORS: Actor[] = ["anonymous", ...ROLES, "operator"];
type Outcome = 401 | 403 | "allowed" | "not-forbidden";

export function expectedOutcome(op: Operation, actor: Actor): Outcome {
  const p = op.policy;
  switch (p.kind) {
    case "public":
      return "not-forbidden";
    case "cron":
      return 401; // nobody here carries the cron bearer token
    case "authenticated":
      return actor === "anonymous" ? 401 : "allowed";
    case "operator":
      return actor === "anonymous" ? 401 : actor === "operator" ? "allowed" : 403;
    case "member":
      if (actor === "anonymous") return 401;
      return actor === "operator" ? 403 : "allowed"; // any role; records are checked one by one
    case "capability":
      if (actor === "anonymous") return 401;
      if (actor === "operator") return 403; // an operator is not a member of any company
      return ROLE_CAPABILITIES[actor].has(p.capability) ? "allowed" : 403;
    default: {
      const unknown: never = p;
      throw new Error(`No expectation for policy ${JSON.stringify(unknown)}: teach the RBAC matrix about it`);
    }
  }
}

const handlers = new Map<string, RouteHandler>();
const users = new Map<Actor, { id: string; companyId: string | null }>();

beforeAll(async () => {
  for (const file of routeFiles("app")) {
    const mod = (await import(path.resolve(file))) as Record<string, RouteHandler>;
    for (const [method, handler] of Object.entries(mod)) {
      if (handler?.operation) handlers.set(`${method} ${urlPathOf(file)}`, handler);
    }
  }
  const company = await createCompany();
  for (const role of ROLES) users.set(role, { id: (await createUser({ companyId: company.id, role })).id, companyId: company.id });
  users.set("operator", { id: (await createUser({ operator: true })).id, companyId: null });
});

const fakeId = () => "0190a0a0-0000-7000-8000-000000000000";

describe("RBAC matrix", () => {
  it("covers every operation", () => {
    expect(ALL_OPERATIONS.length).toBeGreaterThan(30);
    for (const op of ALL_OPERATIONS) expect(handlers.has(`${op.method} ${op.path}`), `${op.method} ${op.path} has no route module`).toBe(true);
  });

  it.each(ALL_OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))("%s", async (key, op) => {
    const handler = handlers.get(key)!;
    const params = Object.fromEntries([...op.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, fakeId()]));
    const urlPath = op.path.replace(/\{(\w+)\}/g, fakeId());
    const outcomes: Record<string, number> = {};
    for (const actor of ACTORS) {
      const u = users.get(actor);
      const token = u ? await createSession(u.id, u.companyId) : undefined;
      const res = await call(handler, {
        path: urlPath,
        params,
        token,
        headers: { origin: "http://localhost:3000", "x-forwarded-for": `10.9.${ACTORS.indexOf(actor)}.1` },
        body: op.method === "GET" ? undefined : {},
      });
      outcomes[actor] = res.status;
      const want = expectedOutcome(op, actor);
      if (want === "allowed") expect([401, 403], `${key} as ${actor} answered ${res.status}: ${res.text}`).not.toContain(res.status);
      else if (want === "not-forbidden") expect(res.status, `${key} as ${actor}`).not.toBe(403);
      else expect(res.status, `${key} as ${actor}: ${res.text}`).toBe(want);
    }
    // Every non-public operation refuses someone (at least the anonymous caller).
    if (op.policy.kind !== "public") expect(outcomes.anonymous).toBe(401);
  });
});
