/** Calls a route handler exactly as Next does, with a real NextRequest (no server needed). */
import { NextRequest } from "next/server";
import type { RouteHandler } from "@/server/http/route.ts";

type Call = {
  method?: string;
  path?: string;
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
};

export async function call(handler: RouteHandler, opts: Call = {}) {
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("cookie", `qt_session=${opts.token}`);
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers.set("content-type", "application/json");
  }
  const req = new NextRequest(new URL(opts.path ?? handler.operation.path, "http://localhost:3000"), {
    method: opts.method ?? handler.operation.method,
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  // Response bodies are untyped JSON at this boundary; tests assert their shape.
  let json: ReturnType<typeof JSON.parse> = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}
