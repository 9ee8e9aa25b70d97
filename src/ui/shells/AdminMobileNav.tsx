"use client";

import { useEffect, useId, useRef, useState } from "react";
import { IconButton } from "../Button";
import { CompanyMonogram, type NavItem } from "./nav";
import { SidebarNavList } from "./SidebarNav";

/** Menu button + slide-in navigation drawer (native modal <dialog>) for narrow screens. */
export function AdminMobileNav({
  items,
  active,
  companyName,
}: {
  items: NavItem[];
  active?: string;
  companyName: string;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);

  return (
    <>
      <IconButton
        label="Open menu"
        icon="menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        className="-ml-1.5 lg:hidden"
      />
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        onClick={(e) => {
          if (e.target === e.currentTarget) setOpen(false);
        }}
        className="m-0 h-dvh max-h-dvh w-72 max-w-[85vw] border-r border-neutral-200 bg-neutral-50 p-0 shadow-xl backdrop:bg-neutral-950/40 lg:hidden"
      >
        <div className="flex h-full flex-col">
          <div className="flex h-14 items-center gap-2.5 border-b border-neutral-200 px-3">
            <CompanyMonogram name={companyName} />
            <p id={titleId} className="min-w-0 flex-1 truncate text-sm font-semibold text-neutral-900">
              {companyName}
            </p>
            <IconButton label="Close menu" icon="close" onClick={() => setOpen(false)} />
          </div>
          <nav aria-label="Main" className="flex-1 overflow-y-auto p-3">
            <SidebarNavList items={items} active={active} onNavigate={() => setOpen(false)} />
          </nav>
        </div>
      </dialog>
    </>
  );
}
