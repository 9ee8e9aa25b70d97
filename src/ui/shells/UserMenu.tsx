"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { cx } from "../cx";
import { Icon } from "../icons";
import { Spinner } from "../Spinner";

export type UserMenuProps = {
  name: string;
  email?: string;
  /** Extra links above "Sign out", e.g. [{ href: "/admin/settings/profile", label: "Your profile" }]. */
  links?: ReadonlyArray<{ href: string; label: string }>;
  /** Hide the name next to the avatar (icon-only trigger). */
  compact?: boolean;
};

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}

/** Avatar button opening a small panel with the user's name and "Sign out" (POST /api/auth/logout). */
export function UserMenu({ name, email, links = [], compact = false }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    function onPointerDown(e: PointerEvent) {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    }
    function onKeyDown(e: KeyboardEvent) {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  async function signOut() {
    if (signingOut) return;
    setSigningOut(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/logout", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
        credentials: "same-origin",
      });
      // 401 means the session is already gone: still a successful sign-out from the user's view.
      if (res.ok || res.status === 401) {
        // A full page load on purpose: drops every client-side cache of the signed-in session.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/login");
        return;
      }
      setError("Couldn't sign out. Try again.");
    } catch {
      setError("Can't reach Quantract. Check your connection and try again.");
    }
    setSigningOut(false);
  }

  return (
    <div
      ref={rootRef}
      className="relative"
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null) && e.relatedTarget) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={compact ? `Account: ${name}` : undefined}
        onClick={() => setOpen((v) => !v)}
        className="flex h-9 max-w-56 items-center gap-2 rounded-md pr-1.5 pl-1 text-sm font-medium text-neutral-800 hover:bg-neutral-100"
      >
        <span
          aria-hidden="true"
          className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800"
        >
          {initials(name)}
        </span>
        {compact ? null : (
          <>
            <span className="hidden min-w-0 truncate md:block">{name}</span>
            <Icon name="chevronDown" size={16} className="hidden shrink-0 text-neutral-500 md:block" />
          </>
        )}
        {compact ? null : <span className="sr-only md:hidden">Account: {name}</span>}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-40 mt-2 w-64 rounded-lg border border-neutral-200 bg-white py-1 shadow-lg"
      >
        <div className="border-b border-neutral-100 px-3 py-2.5">
          <p className="truncate text-sm font-medium text-neutral-900">{name}</p>
          {email ? <p className="truncate text-sm text-neutral-600">{email}</p> : null}
        </div>
        {links.length ? (
          <ul className="border-b border-neutral-100 py-1">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  onClick={() => setOpen(false)}
                  className="flex h-9 items-center px-3 text-sm text-neutral-700 hover:bg-neutral-50 hover:text-neutral-900"
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="py-1">
          <button
            type="button"
            onClick={signOut}
            disabled={signingOut}
            aria-busy={signingOut || undefined}
            className={cx(
              "flex h-9 w-full items-center gap-2 px-3 text-left text-sm text-neutral-700 hover:bg-neutral-50 hover:text-neutral-900",
              "disabled:cursor-wait disabled:opacity-70",
            )}
          >
            {signingOut ? <Spinner size={16} /> : <Icon name="logout" size={16} className="text-neutral-500" />}
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
          {error ? (
            <p role="alert" className="px-3 pt-1 pb-2 text-sm text-danger-700">
              {error}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
