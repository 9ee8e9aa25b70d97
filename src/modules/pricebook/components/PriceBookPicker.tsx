"use client";

import { useEffect, useId, useState } from "react";
import { Button, Dialog, formatMoney, Input } from "@/ui";
import { callApi } from "@/ui/client-api";
import type { PriceBookItemView } from "../pricebook.schema.ts";
import { KIND_LABELS } from "./labels.ts";

const vatText = (bps: number | null) => (bps === null ? "VAT exempt" : `VAT ${bps / 100}%`);

/**
 * "Add from price book": a searchable list of the company's saved items; choosing one hands it to
 * `onPick` (the quote builder turns it into a pre-filled line) and closes the dialog.
 */
export function PriceBookPicker({ onPick, label }: { onPick: (item: PriceBookItemView) => void; label?: string }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [state, setState] = useState<{ status: "loading" } | { status: "error"; message: string } | { status: "ready"; items: PriceBookItemView[] }>({ status: "loading" });
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(async () => {
      setState({ status: "loading" });
      const params = new URLSearchParams({ limit: "20" });
      if (q.trim()) params.set("q", q.trim());
      const res = await callApi<{ items: PriceBookItemView[] }>("GET", `/api/admin/price-book?${params}`);
      if (!live) return;
      setState(res.ok ? { status: "ready", items: res.data.items } : { status: "error", message: res.message });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, q]);

  const close = () => {
    setOpen(false);
    setQ("");
  };

  return (
    <>
      <Button variant="secondary" iconStart="search" onClick={() => setOpen(true)} aria-label={label}>
        Add from price book
      </Button>
      {open ? (
        <Dialog open onClose={close} title="Add from the price book" description="Choose an item: it is added as a line you can still change." size="lg">
          <div className="flex flex-col gap-3 pb-2">
            <Input
              label="Search the price book"
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              // The picker sits inside the quote form: Enter searches (as typing does), it never submits the quote.
              onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
              placeholder="e.g. socket, consumer unit"
              data-autofocus=""
              aria-controls={listId}
            />
            <div id={listId} aria-live="polite" aria-busy={state.status === "loading"} className="max-h-[50vh] min-h-24 overflow-y-auto">
              {state.status === "loading" ? (
                <p className="py-4 text-sm text-neutral-600">Searching…</p>
              ) : state.status === "error" ? (
                <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
                  {state.message}
                </p>
              ) : state.items.length === 0 ? (
                <p className="py-4 text-sm text-neutral-600">
                  {q.trim() ? "No items match. Try another word." : "The price book is empty."}{" "}
                  <a href="/admin/settings/price-book" className="font-medium text-brand-700 underline underline-offset-2" target="_blank" rel="noreferrer">
                    Manage the price book
                  </a>
                </p>
              ) : (
                <ul className="divide-y divide-neutral-100">
                  {state.items.map((item) => (
                    <li key={item.id} className="flex items-center justify-between gap-3 py-2">
                      <span className="min-w-0 text-sm">
                        <span className="block font-medium break-words text-neutral-900">
                          {item.description}
                          {item.unit ? <span className="font-normal text-neutral-600"> / {item.unit}</span> : null}
                        </span>
                        <span className="block text-neutral-600 tabular-nums">
                          {KIND_LABELS[item.kind]} · {formatMoney(item.unitPricePence)}
                          {item.markupBps ? ` + ${item.markupBps / 100}% markup` : ""} · {vatText(item.vatRateBps)}
                        </span>
                      </span>
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => {
                          onPick(item);
                          close();
                        }}
                        aria-label={`Add ${item.description}`}
                      >
                        Add
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
