# syntax=docker/dockerfile:1
# The identity subgraph as a container: see docs/production.md. Build with
#   docker build -t privx-identity-subgraph .
# test/production/production-start.test.ts replays these steps without Docker (build, production dependencies
# only, the server started as a non-root user, /health, a query, SIGTERM exit 0).

# Node's major version: .nvmrc says which one CI tests; 22 and 24 also satisfy `engines` (>= 20.19).
ARG NODE_VERSION=20

# --- build: every dependency (TypeScript is a dev dependency), then the compiled server in dist/ ---
# (`npm run build` also bundles the development explorer into dist/explorer with esbuild; the runtime stage leaves
# it out: production serves no explorer, and GraphiQL and React are dev dependencies.)
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- runtime: production dependencies and the compiled server only ---
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# What `node dist/src/main.js` loads (test/production checks it reaches nothing else); owned by root, read-only
# to the user that runs it.
COPY --from=build /app/dist/src dist/src
COPY --from=build /app/dist/datasources dist/datasources
COPY --from=build /app/dist/resolvers dist/resolvers
# The image's own non-root user (uid 1000).
USER node
# HOST defaults to 0.0.0.0 in production; set PORT to move it (the probes below follow it).
EXPOSE 4001
# Liveness: /health answers 200 while the process serves. Readiness is /ready (200 only while PrivX answers):
# point the orchestrator's readiness probe at it (deploy/kubernetes/deployment.yaml).
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4001) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself, drains the requests in flight and exits 0 (no npm or
# shell in between). WEB_CONCURRENCY > 1 makes it the cluster primary, which forwards the stop to its workers.
CMD ["node", "dist/src/main.js"]
