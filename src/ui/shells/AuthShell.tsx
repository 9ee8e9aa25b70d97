import type { ReactNode } from "react";
import { Wordmark } from "../Wordmark";

export type AuthShellProps = {
  /** Page heading inside the card, e.g. "Sign in to Quantract". */
  title: ReactNode;
  subtitle?: ReactNode;
  /** Under the card: small print, links back to sign-in, etc. */
  footer?: ReactNode;
  children: ReactNode;
};

/** Centered card layout for sign-in, magic link, reset and MFA pages. */
export function AuthShell({ title, subtitle, footer, children }: AuthShellProps) {
  return (
    <div className="flex min-h-dvh flex-col items-center bg-neutral-50 px-4 py-10 sm:justify-center sm:py-16">
      <header>
        <Wordmark />
      </header>
      <main className="mt-8 w-full max-w-sm">
        <div className="rounded-xl border border-neutral-200 bg-white px-5 py-6 shadow-sm sm:px-8 sm:py-8">
          <h1 className="text-xl font-semibold tracking-tight text-neutral-900">{title}</h1>
          {subtitle ? <p className="mt-1 text-sm text-neutral-600">{subtitle}</p> : null}
          <div className="mt-6">{children}</div>
        </div>
        {footer ? <div className="mt-6 text-center text-sm text-neutral-600">{footer}</div> : null}
      </main>
    </div>
  );
}
