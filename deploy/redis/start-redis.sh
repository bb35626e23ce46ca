#!/bin/sh
# Starts Redis with its password in a config file readable only by the redis user, so the password
# is never on a command line (ps, /proc/*/cmdline, docker inspect). Run as the container's command;
# the image's entrypoint then drops to the redis user as usual.
set -eu

: "${REDIS_PASSWORD:?REDIS_PASSWORD is not set}"
case "$REDIS_PASSWORD" in
  *[!A-Za-z0-9._~-]*)
    echo "REDIS_PASSWORD may hold only letters, digits and . _ ~ - (it is also part of REDIS_URL)" >&2
    exit 1
    ;;
esac

conf_dir=${REDIS_CONF_DIR:-/run/redis}
conf="$conf_dir/redis.conf"
umask 077
mkdir -p "$conf_dir"
# A here-document, not echo/printf arguments: nothing holding the password gets an argv.
cat > "$conf" <<CONF
requirepass $REDIS_PASSWORD
appendonly yes
dir /data
CONF
if [ "$(id -u)" = 0 ]; then
  chown -R redis:redis "$conf_dir"
fi
unset REDIS_PASSWORD
exec docker-entrypoint.sh redis-server "$conf"
