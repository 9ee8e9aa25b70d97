import type { Metadata } from "next";
import { InviteButton, PendingInvitations } from "@/modules/identity/components/Invitations.tsx";
import { UsersTable } from "@/modules/identity/components/UsersTable.tsx";
import { listInvitations } from "@/modules/identity/invitations.service.ts";
import { listUsersQuery } from "@/modules/identity/users.schema.ts";
import { listUsers } from "@/modules/identity/users.service.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, Input, PageHeader, Select } from "@/ui";

export const metadata: Metadata = { title: "Users" };

type Search = Record<string, string | string[] | undefined>;

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireTenantPage(policy.can("users.view"));
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" && raw[k] !== "" ? (raw[k] as string) : undefined);
  const parsed = listUsersQuery.safeParse({ role: one("role"), status: one("status"), q: one("q"), cursor: one("cursor"), limit: 50 });
  const query = parsed.success ? parsed.data : listUsersQuery.parse({ limit: 50 });
  const [page, invitations, chrome] = await Promise.all([
    loadOrUnavailable(() => listUsers(ctx, query)),
    loadOrUnavailable(() => listInvitations(ctx)),
    loadChrome(ctx),
  ]);
  const canManage = can(ctx, "users.manage");
  const next = new URLSearchParams();
  for (const k of ["role", "status", "q"] as const) if (query[k]) next.set(k, String(query[k]));
  if (page.nextCursor) next.set("cursor", page.nextCursor);
  const filtered = !!(query.role || query.status || query.q);

  return (
    <div className="mx-auto flex max-w-6xl flex-col">
      <PageHeader
        title="Users"
        subtitle="Everyone who can sign in to this company, their role and what they may do."
        back={{ href: "/admin/settings", label: "Settings" }}
        actions={canManage && !ctx.impersonatorId ? <InviteButton canInviteAdmins={ctx.role === "ADMIN"} /> : undefined}
      />
      <div className="mb-6 empty:hidden">
        <PendingInvitations invitations={invitations.items} canManage={canManage} timeZone={chrome.timeZone} />
      </div>
      <Card padding="none">
        <form method="get" role="search" aria-label="Filter users" className="flex flex-col gap-3 border-b border-neutral-200 p-4 sm:flex-row sm:items-end">
          <Input name="q" label="Search" placeholder="Name or email" defaultValue={query.q ?? ""} containerClassName="sm:w-72" type="search" />
          <Select
            name="role"
            label="Role"
            defaultValue={query.role ?? ""}
            placeholder="All roles"
            options={[
              { value: "ADMIN", label: "Admin" },
              { value: "OFFICE", label: "Office" },
              { value: "ENGINEER", label: "Engineer" },
              { value: "CLIENT", label: "Client" },
            ]}
            containerClassName="sm:w-44"
          />
          <Select
            name="status"
            label="Status"
            defaultValue={query.status ?? ""}
            placeholder="Any status"
            options={[
              { value: "ACTIVE", label: "Active" },
              { value: "DEACTIVATED", label: "Deactivated" },
            ]}
            containerClassName="sm:w-44"
          />
          <div className="flex gap-2">
            <Button type="submit" variant="secondary" iconStart="search">
              Filter
            </Button>
            {filtered ? (
              <Button href="/admin/settings/users" variant="ghost">
                Clear
              </Button>
            ) : null}
          </div>
        </form>
        <UsersTable
          users={page.items}
          meId={ctx.user.id}
          canManage={canManage}
          canImpersonate={can(ctx, "users.impersonate") && !ctx.impersonatorId}
          actorIsAdmin={ctx.role === "ADMIN"}
          actorCapabilities={[...ctx.capabilities]}
          loadMoreHref={page.nextCursor ? `/admin/settings/users?${next.toString()}` : undefined}
          filtered={filtered}
        />
      </Card>
    </div>
  );
}
