/**
 * Every file under app/ that handles requests declares its policy: each exported HTTP handler
 * comes from route(operation, …) and its operation is registered (so it is in the OpenAPI
 * document and the RBAC matrix). A handler without one fails this test.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_OPERATIONS } from "@/server/openapi/operations.ts";
import { routeFiles, urlPathOf } from "../support/routes.ts";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

describe("route handlers", () => {
  const files = routeFiles("app");

  it("exist", () => expect(files.length).toBeGreaterThan(0));

  it.each(files)("%s declares a registered policy for every handler", async (file) => {
    const mod = (await import(path.resolve(file))) as Record<string, unknown>;
    const handlers = METHODS.filter((m) => m in mod);
    expect(handlers.length).toBeGreaterThan(0);
    for (const method of handlers) {
      const op = (mod[method] as { operation?: { method: string; path: string; policy: unknown } }).operation;
      expect(op, `${method} in ${file} is not wrapped by route()`).toBeDefined();
      expect(op!.method).toBe(method);
      expect(op!.path).toBe(urlPathOf(file));
      expect(ALL_OPERATIONS, `${method} ${op!.path} missing from ALL_OPERATIONS`).toContain(op);
    }
  });
});
