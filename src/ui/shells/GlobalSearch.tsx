"use client";

import { useEffect, useId, useRef } from "react";
import { cx } from "../cx";
import { Icon } from "../icons";

export type GlobalSearchProps = {
  /** GET target; the query is sent as ?q=. */
  action?: string;
  defaultValue?: string;
  placeholder?: string;
  className?: string;
};

function isTypingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return (
    el.isContentEditable ||
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement
  );
}

/** Header search box. Press "/" anywhere (outside a text field) to focus it; Escape leaves it. */
export function GlobalSearch({
  action = "/admin/search",
  defaultValue,
  placeholder = "Search clients, quotes, jobs, invoices…",
  className,
}: GlobalSearchProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTypingTarget(e.target) || document.querySelector("dialog[open]")) return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <form role="search" action={action} method="get" className={cx("relative", className)}>
      <label htmlFor={id} className="sr-only">
        Search
      </label>
      <Icon
        name="search"
        size={16}
        className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-neutral-500"
      />
      <input
        ref={inputRef}
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={placeholder}
        autoComplete="off"
        enterKeyHint="search"
        aria-keyshortcuts="/"
        onKeyDown={(e) => {
          if (e.key === "Escape") e.currentTarget.blur();
        }}
        className="peer block h-9 w-full rounded-md border border-neutral-200 bg-neutral-50 pr-10 pl-9 text-base text-neutral-900 transition-colors placeholder:text-neutral-500 hover:border-neutral-300 focus:bg-white focus-visible:outline-offset-0 sm:text-sm [&::-webkit-search-cancel-button]:hidden"
      />
      <kbd
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2 hidden -translate-y-1/2 rounded-sm border border-neutral-300 bg-white px-1.5 font-sans text-xs text-neutral-500 peer-focus:hidden lg:block"
      >
        /
      </kbd>
    </form>
  );
}
