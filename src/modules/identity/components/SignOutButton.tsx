"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "@/ui";

/** Ends the session on the server, then leaves for the sign-in page (a full load drops client state). */
export function SignOutButton(props: Omit<ButtonProps, "onClick" | "type" | "children" | "href">) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      {...props}
      type="button"
      loading={busy}
      loadingText="Signing out…"
      onClick={async () => {
        setBusy(true);
        try {
          await fetch("/api/auth/logout", { method: "POST" });
        } finally {
          window.location.replace("/login");
        }
      }}
    >
      Sign out
    </Button>
  );
}
