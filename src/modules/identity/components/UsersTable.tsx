"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, ConfirmDialog, DataTable, Dialog, EmptyState, Select, StatusBadge, useToast, type DataTableColumn } from "@/ui";
import { CAPABILITIES, CAPABILITY_LABELS, ROLE_CAPABILITIES, ROLES, isGrantable, type Capability, type RoleName } from "../permissions";
import type { UserView } from "../users.schema";
import { callApi, safeNextPath } from "@/ui/client-api";

const ROLE_LABELS: Record<RoleName, string> = { ADMIN: "Admin", OFFICE: "Office", ENGINEER: "Engineer", CLIENT: "Client" };
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export type UsersTableProps = {
  users: UserView[];
  meId: string;
  canManage: boolean;
  canImpersonate: boolean;
  /** Only an admin may change an admin or make someone an admin. */
  actorIsAdmin: boolean;
  /** What the acting person holds: they can only grant these. */
  actorCapabilities: string[];
  loadMoreHref?: string;
  filtered: boolean;
};

function ManageDialog({
  user,
  onClose,
  canManage,
  canImpersonate,
  actorIsAdmin,
  actorCapabilities,
}: {
  user: UserView;
  onClose: () => void;
  canManage: boolean;
  canImpersonate: boolean;
  actorIsAdmin: boolean;
  actorCapabilities: string[];
}) {
  const router = useRouter();
  const toast = useToast();
  const [role, setRole] = useState<RoleName>(user.role);
  const [checked, setChecked] = useState<Set<string>>(new Set(user.capabilities));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState<"deactivate" | "reactivate" | null>(null);
  const [acting, setActing] = useState(false);
  const editable = canManage && (actorIsAdmin || user.role !== "ADMIN");
  const roleSet = ROLE_CAPABILITIES[role];
  const first = user.name.split(" ")[0];

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    const grantedCapabilities = [...checked].filter((c) => !roleSet.has(c as Capability));
    const revokedCapabilities = [...roleSet].filter((c) => !checked.has(c));
    const res = await callApi<UserView>("PATCH", `/api/admin/users/${user.id}`, { role, grantedCapabilities, revokedCapabilities });
    setSaving(false);
    if (!res.ok) {
      setError(Object.values(res.fields)[0] ?? res.message);
      return;
    }
    toast.success(`Saved ${user.name}`, res.data.role !== user.role ? `Now ${ROLE_LABELS[res.data.role]}. Their sessions here were signed out.` : undefined);
    onClose();
    router.refresh();
  }

  async function setStatus(action: "deactivate" | "reactivate") {
    const res = await callApi<UserView>("POST", `/api/admin/users/${user.id}/${action}`);
    setConfirm(null);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    toast.success(action === "deactivate" ? `${user.name} is deactivated` : `${user.name} is active again`);
    onClose();
    router.refresh();
  }

  async function actAs() {
    setActing(true);
    const res = await callApi<{ redirectTo: string }>("POST", `/api/admin/users/${user.id}/impersonate`);
    if (res.ok) {
      window.location.assign(safeNextPath(res.data.redirectTo) ?? "/");
      return;
    }
    setActing(false);
    setError(res.message);
  }

  return (
    <Dialog open onClose={onClose} dismissible={!saving} size="lg" title={user.name} description={user.email}>
      <form id="manage-user" onSubmit={save} noValidate className="flex flex-col gap-5 pb-2">
        {error ? (
          <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
            {error}
          </p>
        ) : null}
        <Select
          label="Role"
          name="role"
          options={ROLE_OPTIONS.filter((o) => actorIsAdmin || o.value !== "ADMIN" || user.role === "ADMIN")}
          value={role}
          disabled={!editable}
          hint="Changing the role resets the permissions below to that role's defaults and signs them out here."
          onChange={(e) => {
            const next = e.target.value as RoleName;
            setRole(next);
            setChecked(new Set(ROLE_CAPABILITIES[next]));
          }}
          containerClassName="sm:max-w-md"
        />
        <fieldset>
          <legend className="text-sm font-medium text-neutral-800">Permissions</legend>
          <p className="mt-0.5 text-sm text-neutral-600">
            Ticked = allowed. Changes from the role&rsquo;s defaults are marked. Greyed-out permissions can&rsquo;t be given to this role, or aren&rsquo;t yours to give.
          </p>
          <ul className="mt-3 grid gap-x-6 gap-y-1.5 sm:grid-cols-2">
            {CAPABILITIES.map((c) => {
              const inRole = roleSet.has(c);
              const grantable = inRole || (isGrantable(role, c) && actorCapabilities.includes(c));
              const isChecked = checked.has(c);
              const changed = isChecked !== inRole;
              return (
                <li key={c}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-4 accent-brand-700"
                      checked={isChecked}
                      disabled={!editable || !grantable}
                      onChange={(e) => {
                        const next = new Set(checked);
                        if (e.target.checked) next.add(c);
                        else next.delete(c);
                        setChecked(next);
                      }}
                    />
                    <span className={grantable ? "text-neutral-800" : "text-neutral-500"}>
                      {CAPABILITY_LABELS[c]}
                      {changed ? <span className="ml-1.5 text-xs font-medium text-warning-800">{isChecked ? "granted" : "revoked"}</span> : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="flex flex-col-reverse gap-2 border-t border-neutral-100 pt-4 sm:flex-row sm:items-center sm:justify-between">
          <div className="flex flex-wrap gap-2">
            {editable && user.status === "ACTIVE" ? (
              <Button variant="ghost" onClick={() => setConfirm("deactivate")}>
                Deactivate
              </Button>
            ) : null}
            {editable && user.status === "DEACTIVATED" ? (
              <Button variant="ghost" onClick={() => setConfirm("reactivate")}>
                Reactivate
              </Button>
            ) : null}
            {canImpersonate && user.status === "ACTIVE" && user.role !== "ADMIN" && !user.isPlatformOperator ? (
              <Button variant="secondary" onClick={actAs} loading={acting} loadingText="Switching…">
                Act as {first}
              </Button>
            ) : null}
          </div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row">
            <Button variant="secondary" onClick={onClose} disabled={saving}>
              {editable ? "Cancel" : "Close"}
            </Button>
            {editable ? (
              <Button type="submit" loading={saving} loadingText="Saving…">
                Save changes
              </Button>
            ) : null}
          </div>
        </div>
      </form>
      <ConfirmDialog
        open={confirm !== null}
        onCancel={() => setConfirm(null)}
        onConfirm={() => (confirm ? setStatus(confirm) : undefined)}
        title={confirm === "deactivate" ? `Deactivate ${user.name}?` : `Reactivate ${user.name}?`}
        description={
          confirm === "deactivate"
            ? "They are signed out of this company now and can't sign in to it until you reactivate them. Their history stays."
            : "They can sign in to this company again with their existing password."
        }
        confirmLabel={confirm === "deactivate" ? "Deactivate" : "Reactivate"}
        tone={confirm === "deactivate" ? "danger" : "primary"}
      />
    </Dialog>
  );
}

export function UsersTable({ users, meId, canManage, canImpersonate, actorIsAdmin, actorCapabilities, loadMoreHref, filtered }: UsersTableProps) {
  const [open, setOpen] = useState<UserView | null>(null);
  const columns: DataTableColumn<UserView>[] = [
    {
      key: "name",
      header: "Name",
      cell: (u) => (
        <div className="min-w-0">
          <span className="block font-medium text-neutral-900">
            {u.name}
            {u.id === meId ? <span className="ml-2 text-xs font-normal text-neutral-600">(you)</span> : null}
          </span>
          <span className="block text-neutral-600">{u.email}</span>
        </div>
      ),
      maxWidth: "24rem",
    },
    { key: "role", header: "Role", cell: (u) => ROLE_LABELS[u.role] },
    { key: "status", header: "Status", cell: (u) => <StatusBadge status={u.status === "ACTIVE" ? "active" : "cancelled"} label={u.status === "ACTIVE" ? "Active" : "Deactivated"} /> },
    {
      key: "overrides",
      header: "Permissions",
      hideBelow: "md",
      cell: (u) =>
        u.grantedCapabilities.length || u.revokedCapabilities.length
          ? [u.grantedCapabilities.length ? `+${u.grantedCapabilities.length} granted` : null, u.revokedCapabilities.length ? `−${u.revokedCapabilities.length} revoked` : null].filter(Boolean).join(", ")
          : "Role defaults",
    },
    { key: "mfa", header: "Two-factor", hideBelow: "lg", cell: (u) => (u.mfaEnabled ? "On" : "Off") },
    {
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (u) =>
        u.id === meId ? null : (
          <Button size="sm" variant="secondary" onClick={() => setOpen(u)} aria-label={`${canManage ? "Manage" : "View"} ${u.name}`}>
            {canManage ? "Manage" : "View"}
          </Button>
        ),
    },
  ];
  return (
    <>
      <DataTable
        caption="Users"
        columns={columns}
        rows={users}
        rowKey={(u) => u.id}
        hasMore={!!loadMoreHref}
        loadMoreHref={loadMoreHref}
        empty={
          <EmptyState
            icon="users"
            title={filtered ? "Nobody matches these filters" : "No users yet"}
            text={filtered ? "Try another name or clear the filters." : "People you add to the company appear here."}
            action={filtered ? <Button href="/admin/settings/users" variant="secondary">Clear filters</Button> : undefined}
          />
        }
      />
      {open ? (
        <ManageDialog
          key={open.id}
          user={open}
          onClose={() => setOpen(null)}
          canManage={canManage}
          canImpersonate={canImpersonate}
          actorIsAdmin={actorIsAdmin}
          actorCapabilities={actorCapabilities}
        />
      ) : null}
    </>
  );
}
