/**
 * The one wrapper for every route handler: request id, context (session), declared policy,
 * CSRF, zod parsing (params -> 404, query/body -> 400 with field messages), typed errors -> HTTP,
 * structured log line. A handler is then a few lines: call one service, return its result.
 */
import * as Sentry from "@sentry/nextjs";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { contextFromSessionToken } from "@/modules/identity/session.service.ts";
import { env } from "../config/env.ts";
import { anonymousContext, companySuspended, mfaEnrolmentNeeded, type RequestContext } from "../context.ts";
import { constantTimeEqual } from "../auth/tokens.ts";
import { SESSION_COOKIE_NAMES } from "../auth/cookies.ts";
import { classifyError, zodFieldErrors } from "../errors/classify.ts";
import { AppError, badRequest, forbidden, notFound, unauthenticated } from "../errors/errors.ts";
import { logger } from "../logging/logger.ts";
import { countingHandler } from "../db/query-count.ts";
import { isCrossSiteMutation } from "./csrf.ts";
import type { Operation, Policy } from "./operation.ts";
import { requestMeta } from "./request-meta.ts";

// An operation without params/query/body declares them as ZodNever: the handler gets undefined.
type Infer<T> = [NonNullable<T>] extends [z.ZodNever] ? undefined : NonNullable<T> extends z.ZodType ? z.output<NonNullable<T>> : undefined;

export type HandlerArgs<O extends Operation> = {
  ctx: RequestContext;
  params: Infer<O["params"]>;
  query: Infer<O["query"]>;
  body: Infer<O["body"]>;
  req: NextRequest;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = ((req: NextRequest, rc: RouteContext) => Promise<Response>) & { operation: Operation };

export function errorResponse(err: AppError, requestId: string): Response {
  const body: Record<string, unknown> = { code: err.code, message: err.message };
  if (err.details.fields) body.fields = err.details.fields;
  // 4xx bodies stay identical between requests (a foreign id and a missing id look the same);
  // the request id travels in the x-request-id header, and in the body for server errors.
  if (err.status >= 500) body.requestId = requestId;
  const headers: Record<string, string> = { "x-request-id": requestId, "cache-control": "no-store" };
  if (err.details.retryAfterSeconds) headers["retry-after"] = String(Math.ceil(err.details.retryAfterSeconds));
  return Response.json({ error: body }, { status: err.status, headers });
}

function sessionToken(req: NextRequest): string | undefined {
  for (const name of SESSION_COOKIE_NAMES) {
    const v = req.cookies.get(name)?.value;
    if (v) return v;
  }
  return undefined;
}

function bearer(req: NextRequest): string | null {
  const h = req.headers.get("authorization");
  return h?.startsWith("Bearer ") ? h.slice(7) : null;
}

/** Enforces a declared policy against a context. Exported for pages and server actions. */
export function enforcePolicy(p: Policy, ctx: RequestContext, cronToken?: string | null): void {
  if (ctx.user && ctx.mfaEnrolmentPending && p.kind !== "public" && p.kind !== "cron" && !(p.kind === "authenticated" && p.duringMfaEnrolment)) {
    throw mfaEnrolmentNeeded();
  }
  switch (p.kind) {
    case "public":
      return;
    case "cron": {
      const secret = env().CRON_SECRET;
      if (!secret || !cronToken || !constantTimeEqual(cronToken, secret)) throw unauthenticated("Invalid cron credentials.");
      return;
    }
    case "authenticated":
      if (!ctx.user) throw unauthenticated();
      return;
    case "member":
      if (!ctx.user) throw unauthenticated();
      if (ctx.companyStatus === "SUSPENDED") throw companySuspended();
      if (!ctx.companyId) throw forbidden();
      return;
    case "operator":
      if (!ctx.user) throw unauthenticated();
      if (!ctx.user.isPlatformOperator) throw forbidden();
      return;
    case "capability":
      if (!ctx.user) throw unauthenticated();
      if (ctx.companyStatus === "SUSPENDED") throw companySuspended();
      if (!ctx.capabilities.has(p.capability)) throw forbidden();
      return;
  }
}

function parse<T extends z.ZodType>(schema: T, input: unknown, onError: (e: z.ZodError) => AppError): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw onError(r.error);
  return r.data;
}

function searchParamsObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

async function readJson(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}

function allowedOrigins(req: NextRequest): string[] {
  return [new URL(env().APP_URL).origin, req.nextUrl.origin];
}

export function route<O extends Operation>(
  operation: O,
  handler: (args: HandlerArgs<O>) => Promise<unknown>,
): RouteHandler {
  const fn = async (req: NextRequest, rc: RouteContext): Promise<Response> => {
    const started = performance.now();
    const meta = requestMeta(req.headers);
    let ctx: RequestContext = anonymousContext(meta);
    let status = 500;
    try {
      const p = operation.policy;
      if (p.kind !== "public" && p.kind !== "cron") {
        ctx = await contextFromSessionToken(sessionToken(req), meta);
      }
      enforcePolicy(p, ctx, bearer(req));
      const crossOriginAllowed = (p.kind === "public" && p.crossOrigin) || p.kind === "cron";
      if (!crossOriginAllowed && isCrossSiteMutation(req.method, req.headers, allowedOrigins(req))) {
        throw forbidden("This request came from another site and was refused.");
      }
      const params = operation.params ? parse(operation.params, await rc.params, () => notFound()) : undefined;
      const query = operation.query
        ? parse(operation.query, searchParamsObject(req.nextUrl), (e) => badRequest("Some query parameters are invalid.", zodFieldErrors(e)))
        : undefined;
      const body = operation.body
        ? parse(operation.body, await readJson(req), (e) => badRequest("Some fields need attention.", zodFieldErrors(e)))
        : undefined;
      const result = await handler({ ctx, params, query, body, req } as HandlerArgs<O>);
      const res =
        result instanceof Response
          ? result
          : result === undefined
            ? new Response(null, { status: 204 })
            : Response.json(result, { status: operation.successStatus ?? 200 });
      res.headers.set("x-request-id", meta.requestId);
      if (!res.headers.has("cache-control")) res.headers.set("cache-control", "no-store");
      status = res.status;
      return res;
    } catch (thrown) {
      const err = classifyError(thrown);
      status = err.status;
      if (err.status >= 500) {
        const cause = err.details.cause ?? thrown;
        if (err.code === "UNAVAILABLE") logger.warn({ requestId: meta.requestId, err: String((cause as Error)?.message ?? cause) }, "dependency unavailable");
        else {
          logger.error({ requestId: meta.requestId, err: cause }, "unhandled error");
          Sentry.captureException(cause, { tags: { requestId: meta.requestId } });
        }
      }
      return errorResponse(err, meta.requestId);
    } finally {
      logger.info(
        {
          requestId: meta.requestId,
          method: req.method,
          path: operation.path,
          status,
          ms: Math.round(performance.now() - started),
          userId: ctx.user?.id,
          companyId: ctx.companyId,
        },
        "request",
      );
    }
  };
  return Object.assign(countingHandler(fn), { operation: operation as Operation });
}
