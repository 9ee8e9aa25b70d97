"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Select, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";

type Person = { id: string; name: string };

/** Engineers on the job: add from the company's people, remove with one click. */
export function JobEngineers({ jobId, engineers, candidates, canManage }: { jobId: string; engineers: Person[]; candidates: (Person & { role: string })[]; canManage: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [choice, setChoice] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const available = candidates.filter((c) => !engineers.some((e) => e.id === c.id));

  async function add() {
    if (!choice) {
      setError("Choose an engineer");
      return;
    }
    setBusy("add");
    const res = await callApi("POST", `/api/admin/jobs/${jobId}/assignments`, { engineerId: choice });
    setBusy(null);
    if (!res.ok) {
      setError(res.fields.engineerId ?? res.message);
      return;
    }
    setChoice("");
    setError(undefined);
    toast.success("Engineer added to the job");
    router.refresh();
  }

  async function remove(p: Person) {
    setBusy(p.id);
    const res = await callApi("DELETE", `/api/admin/jobs/${jobId}/assignments/${p.id}`);
    setBusy(null);
    if (!res.ok) {
      toast.error("Couldn't take the engineer off", res.message);
      return;
    }
    toast.success(`${p.name} taken off the job`);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-3">
      {engineers.length === 0 ? (
        <p className="text-sm text-neutral-600">Nobody is on this job yet. Engineers see only the jobs they are on.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-neutral-100 text-sm">
          {engineers.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-2 py-1.5">
              <span>{p.name}</span>
              {canManage ? (
                <Button size="sm" variant="ghost" onClick={() => void remove(p)} loading={busy === p.id} loadingText="Removing…" aria-label={`Take ${p.name} off the job`}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage && available.length ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <Select
            label="Add an engineer"
            name="engineerId"
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            placeholder="Choose…"
            options={available.map((c) => ({ value: c.id, label: c.role === "ENGINEER" ? c.name : `${c.name} (${c.role.toLowerCase()})` }))}
            error={error}
            containerClassName="sm:flex-1"
          />
          <Button variant="secondary" onClick={() => void add()} loading={busy === "add"} loadingText="Adding…">
            Add
          </Button>
        </div>
      ) : null}
    </div>
  );
}
