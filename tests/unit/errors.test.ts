import { describe, expect, it } from "vitest";
import { z } from "zod";
import { classifyError } from "@/server/errors/classify.ts";
import { AppError, notFound } from "@/server/errors/errors.ts";

describe("classifyError", () => {
  it("maps Prisma codes and connection failures to HTTP statuses", () => {
    expect(classifyError(Object.assign(new Error("dup"), { code: "P2002" })).status).toBe(409);
    expect(classifyError(Object.assign(new Error("missing"), { code: "P2025" })).status).toBe(404);
    expect(classifyError(Object.assign(new Error("fk"), { code: "P2003" })).status).toBe(409);
    expect(classifyError(Object.assign(new Error("cannot reach"), { code: "P1001" })).status).toBe(503);
    expect(classifyError(Object.assign(new Error("x"), { code: "ECONNREFUSED" })).status).toBe(503);
    expect(classifyError(new Error("wrapped", { cause: Object.assign(new Error("inner"), { code: "57P01" }) })).status).toBe(503);
    expect(classifyError(new Error("timeout exceeded when trying to connect")).status).toBe(503);
  });

  it("turns zod errors into 400 with one message per field", () => {
    const r = z.object({ a: z.string(), b: z.object({ c: z.number() }) }).safeParse({ a: 1, b: { c: "x" } });
    const err = classifyError(r.error);
    expect(err.status).toBe(400);
    expect(Object.keys(err.details.fields!)).toEqual(["a", "b.c"]);
  });

  it("keeps typed errors and hides everything else behind a 500", () => {
    expect(classifyError(notFound())).toBeInstanceOf(AppError);
    const err = classifyError(new TypeError("secret internals at /srv/app.ts:12"));
    expect(err.status).toBe(500);
    expect(err.message).toBe("Something went wrong on our side.");
  });
});
