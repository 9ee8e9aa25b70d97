"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";

/** On an accepted quote: makes its job (once) and opens it. */
export function ConvertToJobButton({ quoteId }: { quoteId: string }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      iconStart="jobs"
      loading={busy}
      loadingText="Converting…"
      onClick={async () => {
        setBusy(true);
        const res = await callApi<{ id: string; number: string }>("POST", "/api/admin/jobs/from-quote", { quoteId });
        setBusy(false);
        if (!res.ok) {
          toast.error("Couldn't convert the quote", res.message);
          return;
        }
        toast.success(`Job ${res.data.number} created`);
        router.push(`/admin/jobs/${res.data.id}`);
      }}
    >
      Convert to job
    </Button>
  );
}
