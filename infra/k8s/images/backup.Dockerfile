# The backup CronJob's image: the Ashar image (its code, for `npm run restore`'s audit-verify) plus the
# PostgreSQL client tools of the server's major version (an older pg_dump refuses a newer server).
#   docker build -f infra/docker/Dockerfile -t ghcr.io/example/ashar:TAG .
#   docker build -f infra/k8s/images/backup.Dockerfile --build-arg APP_IMAGE=ghcr.io/example/ashar:TAG \
#     -t ghcr.io/example/ashar-backup:TAG .
# Keep PG_MAJOR equal to the cluster's (base/postgres-cluster.yaml imageName).
ARG APP_IMAGE=ashar:latest
ARG PG_MAJOR=16
FROM ${APP_IMAGE} AS app
FROM node:20-bookworm-slim AS node

# The official PostgreSQL image (Debian bookworm, like the app image) already has pg_dump/pg_restore/psql;
# Node 20 is one binary that needs only glibc and libstdc++, both present there.
FROM postgres:${PG_MAJOR}-bookworm
ARG PG_MAJOR
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=app /app /app
WORKDIR /app
ENV NODE_ENV=production SWC_NODE_PROJECT=/app/tsconfig.json PG_BIN=/usr/lib/postgresql/${PG_MAJOR}/bin
USER postgres
ENTRYPOINT []
CMD ["node", "infra/backup/backup.mjs"]
