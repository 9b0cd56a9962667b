#!/bin/sh
# The image's entry point: one role per container, all from the same build.
#   web       Next.js standalone server on $PORT (set SCHEDULER_ENABLED=false when a worker runs)
#   worker    the scheduler: module jobs, outbox drain, consumers; health on $WORKER_HEALTH_PORT
#   realtime  the Pusher-protocol channel server on $PUSHER_PORT (GET /health)
#   migrate   `prisma migrate deploy`, then the seed (reference data; demo data with DEMO_SEED=true); exits
set -eu
cd /app
role="${1:-web}"
case "$role" in
  web) exec node server.js ;;
  worker) exec node --enable-source-maps .next/processes/worker.mjs ;;
  realtime) exec node --enable-source-maps .next/processes/realtime.mjs ;;
  migrate)
    node node_modules/prisma/build/index.js migrate deploy
    exec node --enable-source-maps .next/processes/seed.mjs
    ;;
  *)
    echo "unknown role '$role': use web, worker, realtime or migrate" >&2
    exit 64
    ;;
esac
