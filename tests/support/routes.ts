/** The route files under app/ and the URL path each serves (for the policy and RBAC tests). */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export function routeFiles(dir = "app"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return /^route\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** app/api/admin/users/[id]/route.ts -> /api/admin/users/{id} (route groups dropped). */
export function urlPathOf(file: string): string {
  return (
    "/" +
    path
      .relative("app", path.dirname(file))
      .split(path.sep)
      .filter((seg) => !/^\(.*\)$/.test(seg))
      .map((seg) => seg.replace(/^\[(.+)\]$/, "{$1}"))
      .join("/")
  );
}
