/** Browser-side calls to our own JSON API, with the error shape every form understands. */
export type ApiFailure = { status: number; message: string; fields: Record<string, string> };
export type ApiResult<T> = { ok: true; status: number; data: T } | ({ ok: false } & ApiFailure);

const NETWORK_ERROR = "Can't reach Quantract. Check your connection and try again.";
const GENERIC_ERROR = "Something went wrong on our side. Try again in a moment.";

export async function callApi<T = unknown>(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    // FormData (file uploads) goes as multipart with the browser's own boundary; anything else as JSON.
    const multipart = typeof FormData !== "undefined" && body instanceof FormData;
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: body === undefined || multipart ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: NETWORK_ERROR, fields: {} };
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  const error = (json as { error?: { message?: string; fields?: Record<string, string> } } | undefined)?.error;
  if (res.status === 429) {
    const seconds = Number(res.headers.get("retry-after"));
    const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.max(1, Math.ceil(seconds / 60)) : null;
    return { ok: false, status: 429, message: minutes ? `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.` : "Too many attempts. Try again later.", fields: {} };
  }
  return { ok: false, status: res.status, message: error?.message ?? GENERIC_ERROR, fields: error?.fields ?? {} };
}

/** Only same-origin paths: "/x" but not "//host" or "/\host" (both mean another site). */
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  return value;
}
