"use client";

import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { cx } from "./cx";
import { Field, controlClasses } from "./Field";
import { Icon } from "./icons";

export type PickerOption = { value: string; label: string; detail?: string };

export type SearchPickerProps = {
  /** Form field name: a hidden input carries the chosen value. */
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  optional?: boolean;
  placeholder?: string;
  /** The choice already made (e.g. from the URL), shown as the box's text. */
  initial?: PickerOption | null;
  /** Options matching what was typed ("" for the first few); the server does the searching. Pass a stable function (module-level). */
  search: (query: string, signal: AbortSignal) => Promise<PickerOption[]>;
  onChange?: (option: PickerOption | null) => void;
  /** Said when nothing matches, e.g. "No client matches". */
  emptyText?: string;
};

const DEBOUNCE_MS = 200;

/**
 * A searchable choice among more records than a <select> can hold (every client, every job): an
 * ARIA 1.2 combobox with a listbox of the server's matches. Arrow keys move, Enter picks, Escape
 * closes; typing after a choice clears it, so the form never submits a stale id.
 */
export function SearchPicker({ name, label, hint, error, required, optional, placeholder, initial, search, onChange, emptyText = "Nothing matches" }: SearchPickerProps) {
  const listId = useId();
  const [chosen, setChosen] = useState<PickerOption | null>(initial ?? null);
  const [text, setText] = useState(initial?.label ?? "");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  const query = chosen ? "" : text.trim();
  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      setFailed(false);
      search(query, ctrl.signal).then(
        (found) => {
          if (ctrl.signal.aborted) return; // a newer query is on its way
          setOptions(found);
          setActive(found.length ? 0 : -1);
          setLoading(false);
        },
        (err: unknown) => {
          if (ctrl.signal.aborted) return;
          console.warn("search failed", err);
          setOptions([]);
          setFailed(true);
          setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [open, query, search]);

  function pick(option: PickerOption | null) {
    setChosen(option);
    setText(option?.label ?? "");
    setOpen(false);
    onChange?.(option);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      const option = options[active];
      if (option) pick(option);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  const status = loading ? "Searching…" : failed ? "Couldn't search just now. Try again." : options.length === 0 ? emptyText : null;
  const optionId = (i: number) => `${listId}-option-${i}`;

  return (
    <Field label={label} hint={hint} error={error} required={required} optional={optional}>
      {(control) => (
        <div className="relative">
          <input type="hidden" name={name} value={chosen?.value ?? ""} />
          <input
            {...control}
            type="text"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
            autoComplete="off"
            placeholder={placeholder}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (chosen) {
                setChosen(null);
                onChange?.(null);
              }
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onClick={() => setOpen(true)}
            // Let a click on an option land before the list closes.
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={onKeyDown}
            className={controlClasses({ invalid: !!error, size: "md", className: "pr-9" })}
          />
          <Icon name="search" size={16} className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-neutral-500" />
          {open ? (
            <ul
              id={listId}
              role="listbox"
              aria-label={label}
              className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-neutral-200 bg-white py-1 shadow-lg"
            >
              {options.map((o, i) => (
                <li
                  key={o.value}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(o)}
                  onMouseEnter={() => setActive(i)}
                  className={cx("flex min-h-11 cursor-pointer flex-col justify-center px-3 py-1.5 text-sm sm:min-h-9", i === active ? "bg-brand-50 text-neutral-900" : "text-neutral-900")}
                >
                  <span>{o.label}</span>
                  {o.detail ? <span className="text-xs text-neutral-600">{o.detail}</span> : null}
                </li>
              ))}
              {status ? (
                <li role="presentation" className="px-3 py-2 text-sm text-neutral-600" aria-live="polite">
                  {status}
                </li>
              ) : null}
            </ul>
          ) : null}
        </div>
      )}
    </Field>
  );
}
