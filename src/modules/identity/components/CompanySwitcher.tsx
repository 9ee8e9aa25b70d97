"use client";

import { useId, useState } from "react";
import { Button, Icon, Spinner } from "@/ui";
import { callApi, safeNextPath } from "@/ui/client-api";

export type SwitchableCompany = { id: string; name: string; role: string; suspended: boolean; current: boolean };

async function switchTo(companyId: string): Promise<string | null> {
  const res = await callApi<{ redirectTo: string }>("POST", "/api/auth/switch-company", { companyId });
  if (res.ok) {
    window.location.assign(safeNextPath(res.data.redirectTo) ?? "/");
    return null;
  }
  return res.message;
}

const roleWord = (role: string) => role.charAt(0) + role.slice(1).toLowerCase();

/** Header control for people in several companies: a labelled select that switches on change. */
export function CompanySwitcher({ companies }: { companies: SwitchableCompany[] }) {
  const id = useId();
  const current = companies.find((c) => c.current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Switch company
      </label>
      <div className="relative">
        <select
          id={id}
          value={current?.id ?? ""}
          disabled={busy}
          onChange={async (e) => {
            setBusy(true);
            setError(null);
            const failed = await switchTo(e.target.value);
            if (failed) {
              setBusy(false);
              setError(failed);
            }
          }}
          className="h-9 max-w-56 appearance-none truncate rounded-md border border-neutral-300 bg-white pr-8 pl-3 text-sm font-medium text-neutral-800 hover:border-neutral-400"
        >
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} · {roleWord(c.role)}
              {c.suspended ? " (suspended)" : ""}
            </option>
          ))}
        </select>
        <span className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-neutral-500">{busy ? <Spinner size={14} /> : <Icon name="chevronDown" size={16} />}</span>
      </div>
      {error ? (
        <span role="alert" className="text-sm text-danger-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The same choice as a list of buttons (engineer and client account pages). */
export function CompanyList({ companies }: { companies: SwitchableCompany[] }) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <ul className="divide-y divide-neutral-200 rounded-md border border-neutral-200">
        {companies.map((c) => (
          <li key={c.id} className="flex min-h-14 items-center justify-between gap-3 px-3 py-2">
            <span className="min-w-0">
              <span className="block truncate font-medium">{c.name}</span>
              <span className="block text-sm text-neutral-600">
                {roleWord(c.role)}
                {c.suspended ? " · suspended" : ""}
              </span>
            </span>
            {c.current ? (
              <span className="text-sm font-medium text-neutral-600">Current</span>
            ) : (
              <Button
                variant="secondary"
                loading={busyId === c.id}
                loadingText="Switching…"
                aria-label={`Switch to ${c.name}`}
                onClick={async () => {
                  setBusyId(c.id);
                  setError(null);
                  const failed = await switchTo(c.id);
                  if (failed) {
                    setBusyId(null);
                    setError(failed);
                  }
                }}
              >
                Switch
              </Button>
            )}
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
