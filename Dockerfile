# syntax=docker/dockerfile:1
# Wheelhouse: one image, four roles (deploy/entrypoint.sh): web, worker, realtime, migrate.
#   docker build -t wheelhouse .
#   docker run … wheelhouse web|worker|realtime|migrate
# Not built on this project's machines (no Docker engine): tests/integration/deploy-docker.test.ts checks its
# structure, tests/integration/processes.test.ts runs the same compiled processes. See deploy/README.md.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: every package, dev ones included, to build ------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lock file cannot list other platforms' optional packages (see .ci/run).
# --ignore-scripts: postinstall's `prisma generate` runs in the build stage, where the schema is.
RUN npm install --no-audit --no-fund --include=dev --ignore-scripts

# ---- build: Prisma client, Next standalone server, worker / channel server / seed bundles --------------------------
FROM ${NODE_IMAGE} AS build
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# ---- prod-deps: runtime packages only (the bundles import them; the migrate role runs the Prisma CLI) --------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --omit=dev --ignore-scripts && npm cache clean --force

# ---- runtime -------------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    PUSHER_PORT=6001 \
    WORKER_HEALTH_PORT=9464 \
    DATA_DIR=/tmp/wheelhouse
WORKDIR /app
# Files stay owned by root and read-only for the app user; only .next/cache and DATA_DIR are written.
COPY --from=build /app/.next/standalone ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next/processes ./.next/processes
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/prisma.config.ts /app/package.json ./
COPY deploy/entrypoint.sh /usr/local/bin/wheelhouse
RUN chmod 0755 /usr/local/bin/wheelhouse \
 && mkdir -p /app/.next/cache /tmp/wheelhouse \
 && chown node:node /app/.next/cache /tmp/wheelhouse
USER node
EXPOSE 3000 6001 9464
# Probes the web role; the other roles override it (compose and Kubernetes define their own checks).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["wheelhouse"]
CMD ["web"]
