import Link from "next/link";

export function BackLink({ href, children = "Back" }: { href: string; children?: React.ReactNode }) {
  return (
    <Link href={href} className="mb-6 inline-flex items-center gap-2 text-base text-ink underline underline-offset-[0.1578em] hover:decoration-[3px]">
      <span aria-hidden="true">‹</span>
      {children}
    </Link>
  );
}
