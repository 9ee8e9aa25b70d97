/**
 * An API operation: method, path, policy and zod schemas in one descriptor. The route wrapper
 * enforces it, the OpenAPI document is generated from it, and the RBAC matrix test reads it.
 */
import type { z } from "zod";
import type { Capability } from "@/modules/identity/permissions.ts";

export type Policy =
  | { kind: "public"; crossOrigin?: boolean }
  | { kind: "authenticated"; duringMfaEnrolment?: boolean }
  | { kind: "operator" }
  | { kind: "member" }
  | { kind: "cron" }
  | { kind: "capability"; capability: Capability };

export const policy = {
  /** Anyone, signed in or not. `crossOrigin` allows posts from other sites (e.g. an enquiry form). */
  public: (opts: { crossOrigin?: boolean } = {}): Policy => ({ kind: "public", ...opts }),
  /** Any signed-in user, whatever their company or role. */
  authenticated: (): Policy => ({ kind: "authenticated" }),
  /**
   * Any signed-in user acting on their own account (sessions, MFA, sign-out): also allowed while
   * the company's MFA requirement holds the session to enrolment.
   */
  ownAccount: (): Policy => ({ kind: "authenticated", duringMfaEnrolment: true }),
  /** Platform operators (a user flag, not a company role). */
  operator: (): Policy => ({ kind: "operator" }),
  /** Any active member of the active company; the service checks access per record (e.g. files). */
  member: (): Policy => ({ kind: "member" }),
  /** External scheduler with the CRON_SECRET bearer token. */
  cron: (): Policy => ({ kind: "cron" }),
  /** A member of the active company holding this capability. */
  can: (capability: Capability): Policy => ({ kind: "capability", capability }),
};

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type Operation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = {
  method: HttpMethod;
  /** OpenAPI style: /api/admin/audit-events/{id} */
  path: string;
  summary: string;
  tag: string;
  policy: Policy;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  successStatus?: number;
};

export function defineOperation<
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
  R extends z.ZodType = z.ZodNever,
>(op: Operation<P, Q, B, R>): Operation<P, Q, B, R> {
  return op;
}
