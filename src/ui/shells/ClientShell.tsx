import type { ReactNode } from "react";
import { brandStyle } from "../brand";
import { Icon } from "../icons";

export type ClientShellProps = {
  companyName: string;
  /** Company logo (shown instead of the name; the name becomes its alt text). */
  logoUrl?: string | null;
  /** Company brand colour "#rrggbb"; themes accents on these pages only. Invalid → Quantract default. */
  brandColor?: string | null;
  /** Shown as tap-to-call / mail links in the header. */
  phone?: string | null;
  email?: string | null;
  /** A notice that stays on every page, above the header (e.g. "acting as another user"). */
  banner?: ReactNode;
  children: ReactNode;
};

/**
 * Frame for client-facing pages (quote/invoice links, client portal): company logo or name,
 * company colour via --brand CSS variables (bg-accent, text-accent-ink …), "Powered by Quantract".
 */
export function ClientShell({ companyName, logoUrl, brandColor, phone, email, banner, children }: ClientShellProps) {
  return (
    <div style={brandStyle(brandColor)} className="flex min-h-dvh flex-col bg-neutral-50 text-base text-neutral-900">
      {banner ? <div className="sticky top-0 z-30">{banner}</div> : null}
      <header className="border-t-4 border-b border-t-accent border-b-neutral-200 bg-white">
        <div className="mx-auto flex min-h-16 w-full max-w-3xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          {logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- tenant logos come from storage URLs
            <img src={logoUrl} alt={companyName} className="h-10 w-auto max-w-[60%] object-contain object-left" />
          ) : (
            <p className="line-clamp-2 min-w-0 text-lg leading-snug font-semibold tracking-tight">{companyName}</p>
          )}
          {phone || email ? (
            <div className="flex shrink-0 items-center gap-1">
              {phone ? (
                <a
                  href={`tel:${phone.replace(/[^\d+]/g, "")}`}
                  className="flex h-11 items-center gap-2 rounded-md px-2 text-sm font-medium text-accent-ink hover:bg-accent-soft"
                >
                  <Icon name="phone" size={18} />
                  <span className="hidden sm:inline">{phone}</span>
                  <span className="sr-only sm:hidden">Call {companyName}</span>
                </a>
              ) : null}
              {email ? (
                <a
                  href={`mailto:${email}`}
                  className="flex h-11 items-center gap-2 rounded-md px-2 text-sm font-medium text-accent-ink hover:bg-accent-soft"
                >
                  <Icon name="mail" size={18} />
                  <span className="sr-only">Email {companyName}</span>
                </a>
              ) : null}
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 sm:px-6 sm:py-10">
        {children}
      </main>
      <footer className="px-4 py-8 text-center text-xs text-neutral-500">
        Powered by <span className="font-semibold text-neutral-600">Quantract</span>
      </footer>
    </div>
  );
}
