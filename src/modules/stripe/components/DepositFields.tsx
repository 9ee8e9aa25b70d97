"use client";

import { useState } from "react";
import { Input, Select } from "@/ui";

export type DepositValue = { depositBps: number | null; depositPence: number | null };
type Mode = "none" | "percent" | "amount";

const percentText = (bps: number | null) => (bps === null ? "" : String(bps / 100));
const poundsText = (p: number | null) => (p === null ? "" : (p / 100).toFixed(2));

/**
 * The quote builder's "deposit on acceptance": none, a percentage of the accepted total, or a fixed
 * amount. Accepting such a quote issues the deposit invoice and takes the client to payment.
 */
export function DepositFields({ value, onChange, error }: { value: DepositValue; onChange: (v: DepositValue) => void; error?: string }) {
  const [mode, setMode] = useState<Mode>(value.depositBps !== null ? "percent" : value.depositPence !== null ? "amount" : "none");
  const [text, setText] = useState(value.depositBps !== null ? percentText(value.depositBps) : poundsText(value.depositPence));
  const [local, setLocal] = useState<string | null>(null);

  function update(nextMode: Mode, nextText: string) {
    setMode(nextMode);
    setText(nextText);
    setLocal(null);
    if (nextMode === "none") return onChange({ depositBps: null, depositPence: null });
    const clean = nextText.trim().replace(/^£/, "").replace(/%$/, "").replace(/,/g, "");
    if (clean === "") return onChange({ depositBps: null, depositPence: null });
    if (!/^\d+(\.\d{1,2})?$/.test(clean)) {
      setLocal(nextMode === "percent" ? "Enter a percentage, e.g. 25" : "Enter an amount, e.g. 250.00");
      return onChange({ depositBps: null, depositPence: null });
    }
    const n = Math.round(Number(clean) * 100);
    onChange(nextMode === "percent" ? { depositBps: n, depositPence: null } : { depositBps: null, depositPence: n });
  }

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Select
        label="Deposit on acceptance"
        value={mode}
        onChange={(e) => update(e.target.value as Mode, "")}
        options={[
          { value: "none", label: "No deposit" },
          { value: "percent", label: "A percentage of the total" },
          { value: "amount", label: "A fixed amount" },
        ]}
        hint="The client pays it straight after accepting."
      />
      {mode !== "none" ? (
        <Input
          label={mode === "percent" ? "Deposit percentage" : "Deposit amount (incl. VAT)"}
          inputMode="decimal"
          value={text}
          onChange={(e) => update(mode, e.target.value)}
          {...(mode === "percent" ? { trailing: "%" } : { leading: "£" })}
          error={local ?? error}
        />
      ) : null}
    </div>
  );
}
