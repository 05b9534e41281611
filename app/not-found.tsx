import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct.</p>
      <p className="mb-4">If you pasted the web address, check you copied the entire address.</p>
      <p>
        <Link href="/" className="link">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
