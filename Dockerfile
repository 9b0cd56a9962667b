# Wheelhouse: one image running the launcher (migrations, seed, web server, channel server, scheduler).
# Not built in this project's CI (its machines have no Docker engine); see deploy/README.md.
FROM node:20-bookworm-slim
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
WORKDIR /app

COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
# `npm install`, not `npm ci`: see .ci/run. Dev dependencies are needed to build.
RUN npm install --no-audit --no-fund --include=dev

COPY . .
# The launcher's build: Prisma client, Next.js build, and the fingerprint `npm start` checks.
RUN npm run build

USER node
EXPOSE 3000 6001
CMD ["npm", "start"]
