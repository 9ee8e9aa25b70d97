"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Card, ConfirmDialog, DataTable, StatusBadge, formatDateTime, useToast, type DataTableColumn } from "@/ui";
import type { SessionView } from "../identity.schema";
import { callApi } from "@/ui/client-api";

export type SessionsPanelProps = { sessions: SessionView[]; timeZone: string; readOnly?: boolean };

/** The person's live sessions with "Sign out" per session and "Sign out everywhere else". */
export function SessionsPanel({ sessions, timeZone, readOnly }: SessionsPanelProps) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const router = useRouter();
  const toast = useToast();
  const others = sessions.filter((s) => !s.current).length;

  async function signOut(s: SessionView) {
    setBusyId(s.id);
    const res = await callApi("POST", `/api/auth/sessions/${s.id}/revoke`);
    setBusyId(null);
    if (res.ok || res.status === 404) {
      toast.success(`Signed out ${s.device}`);
      router.refresh();
    } else toast.error("Couldn't sign that session out", res.message);
  }

  async function signOutOthers() {
    const res = await callApi<{ revoked: number }>("POST", "/api/auth/sessions/revoke-others");
    setConfirmAll(false);
    if (res.ok) {
      toast.success(res.data.revoked === 1 ? "Signed out 1 other session" : `Signed out ${res.data.revoked} other sessions`);
      router.refresh();
    } else toast.error("Couldn't sign the other sessions out", res.message);
  }

  const columns: DataTableColumn<SessionView>[] = [
    {
      key: "device",
      header: "Device",
      wrap: true,
      cell: (s) => (
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-neutral-900">{s.device}</span>
          {s.current ? <StatusBadge status="active" label="This device" /> : null}
          {s.impersonated ? <StatusBadge status="on hold" label="Admin acting as you" /> : null}
        </div>
      ),
    },
    { key: "company", header: "Company", hideBelow: "md", cell: (s) => s.companyName ?? "—" },
    { key: "ip", header: "IP address", hideBelow: "md", cell: (s) => <span className="tabular-nums">{s.ip ?? "—"}</span> },
    { key: "created", header: "Signed in", hideBelow: "lg", cell: (s) => formatDateTime(s.createdAt, timeZone) },
    { key: "seen", header: "Last seen", cell: (s) => formatDateTime(s.lastSeenAt, timeZone) },
    {
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (s) =>
        s.current || readOnly ? null : (
          <Button size="sm" variant="secondary" loading={busyId === s.id} loadingText="Signing out…" onClick={() => signOut(s)} aria-label={`Sign out ${s.device}, last seen ${formatDateTime(s.lastSeenAt, timeZone)}`}>
            Sign out
          </Button>
        ),
    },
  ];

  return (
    <Card
      title="Where you're signed in"
      description="Sessions end after 12 hours without use and 30 days at most. Sign out any you don't recognise."
      padding="none"
      actions={
        readOnly || others === 0 ? null : (
          <Button size="sm" variant="secondary" iconStart="logout" onClick={() => setConfirmAll(true)}>
            Sign out everywhere else
          </Button>
        )
      }
    >
      <DataTable caption="Your sessions" columns={columns} rows={sessions} rowKey={(s) => s.id} />
      <ConfirmDialog
        open={confirmAll}
        onCancel={() => setConfirmAll(false)}
        onConfirm={signOutOthers}
        title="Sign out everywhere else?"
        description={`Your ${others === 1 ? "other session ends" : `${others} other sessions end`} now; this device stays signed in.`}
        confirmLabel="Sign out everywhere else"
      />
    </Card>
  );
}
