"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { currentStateOf, type NavigationItem } from "@/lib/auth/navigation";

const subscribeNever = () => () => {};

/**
 * The role's menu. On a phone it folds behind a "Menu" button once JavaScript runs; without JavaScript the
 * links simply show, so nobody is locked out of the menu.
 */
export function ServiceNavigation({ items }: { items: NavigationItem[] }) {
  const pathname = usePathname();
  const scripted = useSyncExternalStore(subscribeNever, () => true, () => false);
  // The menu belongs to the page it was opened on, so following a link closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const hidden = scripted && !open;

  return (
    <nav aria-label="Menu" className="border-b border-[#cedfee] bg-nav">
      <div className="mx-auto max-w-5xl px-4 md:px-8">
        {scripted && (
          <button
            type="button"
            aria-controls="service-navigation-list"
            aria-expanded={open}
            onClick={() => setOpenOn(open ? null : pathname)}
            className="my-2 cursor-pointer py-1 font-bold text-brand underline underline-offset-[0.1578em] md:hidden"
          >
            Menu <span aria-hidden="true">{open ? "▲" : "▼"}</span>
          </button>
        )}
        <ul id="service-navigation-list" className={`${hidden ? "hidden" : "flex"} flex-col pb-2 md:flex md:flex-row md:flex-wrap md:gap-x-8 md:pb-0`}>
          {items.map((item) => {
            const current = currentStateOf(item.href, pathname);
            return (
              <li
                key={item.href}
                className={`border-l-[5px] py-2 pl-3 md:border-b-[5px] md:border-l-0 md:pt-3 md:pl-0 ${current ? "border-brand" : "border-transparent"}`}
              >
                <Link
                  href={item.href}
                  aria-current={current}
                  className={`font-bold text-brand underline-offset-[0.1578em] hover:text-brand-dark hover:underline hover:decoration-[3px] ${current ? "no-underline" : "underline"}`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
