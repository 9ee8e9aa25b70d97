"use client";

import type { ComponentProps } from "react";
import type { ImpersonationBanner } from "@/modules/identity/components/ImpersonationBanner.tsx";
import { loadImpersonationBanner, useLazyModule } from "./lazy.ts";

/** The support-impersonation banner, loaded only on the rare page that shows it (not part of the engineer's first load). */
export function LazyImpersonationBanner(props: ComponentProps<typeof ImpersonationBanner>) {
  const { mod } = useLazyModule(loadImpersonationBanner);
  return mod ? <mod.ImpersonationBanner {...props} /> : null;
}
