import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Northamptonshire MASH", template: "%s – Northamptonshire MASH" },
  description: "Multi-Agency Safeguarding Hub: threshold guidance, referrals and contact handling.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen bg-white font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
