import Link from "next/link";
import type { ComponentProps } from "react";

const VARIANTS = {
  primary: "bg-success text-white shadow-[0_2px_0_#002d18] hover:bg-success-dark",
  secondary: "bg-panel text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]",
  warning: "bg-error text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16]",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

function classesFor(variant: ButtonVariant, extra = "") {
  return `inline-flex min-h-10 cursor-pointer items-center gap-2 rounded-none border-2 border-transparent px-3 py-1.5 text-center text-base leading-tight font-normal no-underline disabled:cursor-not-allowed disabled:opacity-50 md:text-[19px] ${VARIANTS[variant]} ${extra}`;
}

type ButtonProps = Omit<ComponentProps<"button">, "className"> & { variant?: ButtonVariant };

export function Button({ variant = "primary", type = "button", ...props }: ButtonProps) {
  return <button type={type} className={classesFor(variant)} {...props} />;
}

/** A link that leads somewhere, dressed as a button (GOV.UK's start button). */
export function ButtonLink({ href, children, variant = "primary", start = false }: { href: string; children: React.ReactNode; variant?: ButtonVariant; start?: boolean }) {
  return (
    <Link href={href} className={classesFor(variant, start ? "px-4 text-lg font-bold md:text-2xl" : "")} draggable={false}>
      {children}
      {start && (
        <svg aria-hidden="true" focusable="false" width="17.5" height="19" viewBox="0 0 33 40" className="shrink-0 fill-current">
          <path d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      )}
    </Link>
  );
}

export function ButtonGroup({ children }: { children: React.ReactNode }) {
  return <div className="flex flex-wrap items-center gap-x-4 gap-y-3">{children}</div>;
}
