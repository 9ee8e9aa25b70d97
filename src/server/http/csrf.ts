/**
 * CSRF: a mutating request that a browser sent from another site is refused. Browsers always
 * send Sec-Fetch-Site and/or Origin on such requests; server-to-server callers send neither.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteMutation(method: string, headers: Headers, allowedOrigins: string[]): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers.get("origin");
  if (origin && origin !== "null" && !allowedOrigins.includes(origin)) return true;
  if (origin === "null") return true;
  return false;
}
