/**
 * Page-level access (checked in every page, not only layouts: layouts don't re-run on client
 * navigation). `requirePage(policy)` returns the context or redirects: to sign-in when
 * anonymous, to the user's own portal when the policy refuses them, to /suspended for a
 * suspended company, and to /unavailable when the database cannot be reached.
 */
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { contextFromSessionToken } from "@/modules/identity/session.service.ts";
import { ROLE_HOME } from "@/modules/identity/permissions.ts";
import { SESSION_COOKIE_NAMES } from "../auth/cookies.ts";
import type { RequestContext } from "../context.ts";
import { classifyError } from "../errors/classify.ts";
import type { Policy } from "./operation.ts";
import { MFA_ENROLMENT_PAGE } from "./page-paths.ts";
import { requestMeta } from "./request-meta.ts";
import { enforcePolicy } from "./route.ts";

export async function currentPath(): Promise<string> {
  return (await headers()).get("x-pathname") ?? "/";
}

/** Runs a page's data loading: a database outage becomes /unavailable, a missing record the 404 page. */
export async function loadOrUnavailable<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const code = classifyError(err).code;
    if (code === "UNAVAILABLE") redirect(`/unavailable?next=${encodeURIComponent(await currentPath())}`);
    // A missing (or another company's) record is the friendly 404 page, as in the API.
    if (code === "NOT_FOUND") notFound();
    throw err;
  }
}

/** The request's context from its session cookie; cached per request (layout + page read it once). */
export const pageContext = cache(async (): Promise<RequestContext> => {
  const h = await headers();
  const jar = await cookies();
  const token = SESSION_COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
  return loadOrUnavailable(() => contextFromSessionToken(token, requestMeta(h)));
});

export async function requirePage(policy: Policy): Promise<RequestContext> {
  const ctx = await pageContext();
  try {
    enforcePolicy(policy, ctx);
    return ctx;
  } catch (err) {
    const e = classifyError(err);
    const path = await currentPath();
    if (e.code === "UNAUTHENTICATED") redirect(`/login?next=${encodeURIComponent(path)}`);
    if (ctx.mfaEnrolmentPending) redirect(MFA_ENROLMENT_PAGE);
    if (ctx.companyStatus === "SUSPENDED") redirect("/suspended");
    const home = ctx.role ? ROLE_HOME[ctx.role] : ctx.user?.isPlatformOperator ? "/platform" : null;
    if (home && !path.startsWith(home)) redirect(home);
    notFound();
  }
}

/** Declares a page public on purpose (the page-policy test looks for this or requirePage). */
export function publicPage(): void {}
