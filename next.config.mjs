import { withSerwist } from "@serwist/turbopack";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // `npm start`, `npm run start:web` and the image run `.next/standalone/server.js`: compiled, with only the
  // node_modules files the server needs (scripts/build.ts copies public/ and .next/static next to it).
  output: "standalone",
  poweredByHeader: false,
  // The API's paths keep the spec's trailing slashes (POST /api/v1/customers/) without a redirect.
  skipTrailingSlashRedirect: true,
  // forbidden() in the admin pages: a real 403 with app/admin/forbidden.tsx.
  experimental: { authInterrupts: true },
  // Password hashing runs in worker threads that Node loads from this file at run time
  // (lib/identity/password-pool.ts); the bundler never sees it, so the trace must name it.
  outputFileTracingIncludes: {
    "/*": ["./lib/identity/password-worker.mjs", "./node_modules/bcryptjs/**/*"],
    // GET /api/ready compares the migrations on disk (lib/platform/readiness.ts) with the applied ones.
    "/api/ready": ["./prisma/migrations/**/*"],
    // The API reference pages serve these files from node_modules (lib/api-docs/pages.ts).
    "/docs/assets/*": ["./node_modules/swagger-ui-dist/swagger-ui*"],
    "/redoc/assets/*": ["./node_modules/redoc/bundles/redoc.standalone.js"],
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // The service worker (app/serwist/[path]/route.ts): browsers must ask for it anew on every update
        // check, and it may control the whole site although it lives under /serwist/.
        source: "/serwist/:path*",
        headers: [
          { key: "Cache-Control", value: "no-cache" },
          { key: "Service-Worker-Allowed", value: "/" },
        ],
      },
    ];
  },
};

// withSerwist keeps esbuild (which bundles the service worker at build time) out of the server bundles.
export default withSerwist(nextConfig);
