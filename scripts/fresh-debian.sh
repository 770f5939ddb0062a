#!/usr/bin/env bash
# Runs make targets of a git repository on a clean Debian 12, as root, as the README promises:
# makes a Debian 12 root file system with debootstrap (only deb.debian.org is needed), mounts /proc,
# /sys, /dev, /dev/pts and /dev/shm into it, clones the repository into /root/cnscd there, and runs
# `make TARGET...` inside with chroot and a clean environment. Everything under the root is unmounted
# on exit, whatever the outcome.
#   bash scripts/fresh-debian.sh REPO [TARGET...]      (default target: test; must run as root)
#   e.g. bash scripts/fresh-debian.sh /work/main test
#        CNSCD_FRESH_ROOT=/work/deb12-root CNSCD_FRESH_CHANGES=1 bash scripts/fresh-debian.sh . deps web
# Environment:
#   CNSCD_FRESH_ROOT=DIR   the root file system: made there when DIR is missing or empty, reused when it
#                          holds a finished debootstrap (its packages then are no longer fresh; the clone
#                          always is). Default: a new /var/tmp/cnscd-fresh.XXXXXX, removed at the end.
#   CNSCD_FRESH_KEEP=1     keeps that default root (a named CNSCD_FRESH_ROOT is always kept).
#   CNSCD_FRESH_CHANGES=1  the clone also gets REPO's uncommitted changes and untracked, not ignored
#                          files (to try a change before it is committed); ="PATH..." only those files.
#   CNSCD_FRESH_MIRROR     the Debian mirror (default http://deb.debian.org/debian).
#   CNSCD_FRESH_EXTRA_CA   a CA file the root's Node.js trusts too (default: the host's
#                          NODE_EXTRA_CA_CERTS, for a network that intercepts TLS; empty: none).
#   JOBS                   passed to make (default 2).
# Inside the root, apt has bookworm, bookworm-updates and bookworm-security (as an installed machine
# has), /usr/sbin/policy-rc.d stops packages from starting daemons (they would share the host's
# network and outlive the run; the tests start their own PostgreSQL), and `make` is installed: the
# one package a person adds by hand to type `make`. Nothing else is installed before the target runs.
set -euo pipefail

if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 2
fi
[ "$(id -u)" -eq 0 ] || { echo "fresh-debian: must run as root (debootstrap, mount, chroot)" >&2; exit 1; }
repo=$(cd "$1" && pwd)
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(test)
git -C "$repo" rev-parse --git-dir >/dev/null
mirror=${CNSCD_FRESH_MIRROR:-http://deb.debian.org/debian}
jobs=${JOBS:-2}

temporary=0
if [ -n "${CNSCD_FRESH_ROOT:-}" ]; then
  mkdir -p "$CNSCD_FRESH_ROOT"
  root=$(cd "$CNSCD_FRESH_ROOT" && pwd)
else
  root=$(mktemp -d /var/tmp/cnscd-fresh.XXXXXX)
  [ "${CNSCD_FRESH_KEEP:-0}" = "1" ] || temporary=1
fi
case "$root" in
  / | *[[:space:]]*) echo "fresh-debian: refusing root '$root'" >&2; exit 1 ;;
esac
chmod 755 "$root" # it becomes /: every user inside (postgres among them) must get through it

mounts_under_root() { # mount points at or below $root, deepest first
  awk -v r="$root" '$5 == r || index($5, r "/") == 1 {print $5}' /proc/self/mountinfo | sort -r
}
if [ -n "$(mounts_under_root)" ]; then
  echo "fresh-debian: something is mounted under $root already (another run?):" >&2
  mounts_under_root >&2
  exit 1
fi

# shellcheck disable=SC2317 # called by the trap
cleanup() {
  local status=$? p signal left
  set +e
  # Whatever the run left going inside the root (a server, a browser) would keep its mounts busy.
  for signal in TERM KILL; do
    for p in /proc/[0-9]*; do
      [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -"$signal" "${p#/proc/}" 2>/dev/null
    done
    [ "$signal" = KILL ] || sleep 1
  done
  for m in $(mounts_under_root); do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
  left=$(mounts_under_root)
  if [ -n "$left" ]; then
    echo "fresh-debian: still mounted, not removing anything: $left" >&2
    [ "$status" -ne 0 ] || status=1
  elif [ "$temporary" -eq 1 ]; then
    rm -rf --one-file-system "$root"
  else
    echo "fresh-debian: the root stays in $root (unmounted)" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

seconds() { echo $(($(date +%s) - $1)); }

# 1. The root file system.
if [ -f "$root/etc/debian_version" ] && [ ! -d "$root/debootstrap" ]; then
  echo "fresh-debian: reusing the Debian $(cat "$root/etc/debian_version") root in $root" >&2
elif [ -z "$(ls -A "$root")" ]; then
  if ! command -v debootstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  echo "fresh-debian: debootstrap bookworm into $root (a few minutes)" >&2
  start=$(date +%s)
  log=$(mktemp /var/tmp/cnscd-fresh-debootstrap.XXXXXX.log)
  if ! nice -n 19 debootstrap bookworm "$root" "$mirror" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "fresh-debian: debootstrap failed, its log: $log" >&2
    exit 1
  fi
  rm -f "$log"
  echo "fresh-debian: debootstrap took $(seconds "$start") s" >&2
else
  echo "fresh-debian: $root is neither empty nor a finished debootstrap; give a new folder" >&2
  exit 1
fi

# 2. What an installed Debian 12 has that debootstrap leaves out, and no daemons.
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
EOF
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
grep -qw localhost "$root/etc/hosts" 2>/dev/null \
  || printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
rm -f "$root/etc/resolv.conf"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# A network that intercepts TLS (a proxy with its own certificate authority, as where this script was
# written) is trusted inside as the host's Node.js trusts it: the host's NODE_EXTRA_CA_CERTS file is
# carried in and named the same way (CNSCD_FRESH_EXTRA_CA= turns it off). A plain network needs none.
extra_ca=${CNSCD_FRESH_EXTRA_CA-${NODE_EXTRA_CA_CERTS:-}}
ca_env=()
if [ -n "$extra_ca" ] && [ -f "$extra_ca" ]; then
  cp -L "$extra_ca" "$root/etc/fresh-debian-extra-ca.crt"
  ca_env=(NODE_EXTRA_CA_CERTS=/etc/fresh-debian-extra-ca.crt)
fi

# 3. The mounts (unmounted by cleanup).
for d in /proc /sys /dev /dev/pts /dev/shm; do
  mkdir -p "$root$d"
  mount --bind "$d" "$root$d"
done

inside() { # runs a command in the root as a fresh root login would
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" "${ca_env[@]}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}
# shellcheck disable=SC2016 # dpkg-query's own format
if ! inside dpkg-query -W -f='${db:Status-Status}' make 2>/dev/null | grep -qx installed; then
  inside bash -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq make >/dev/null'
fi

# 4. A clean clone (from the host's git: the root has none yet).
clone="$root/root/cnscd"
rm -rf --one-file-system "$clone"
git clone --quiet --no-hardlinks "$repo" "$clone"
changes=${CNSCD_FRESH_CHANGES:-0}
if [ "$changes" = "1" ]; then
  git -C "$repo" diff HEAD --binary | git -C "$clone" apply --whitespace=nowarn
  (cd "$repo" && git ls-files --others --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$clone"
  echo "fresh-debian: clone of $repo at $(git -C "$repo" rev-parse --short HEAD) with its uncommitted changes" >&2
elif [ "$changes" != "0" ]; then
  # shellcheck disable=SC2086 # a list of paths
  (cd "$repo" && tar -cf - $changes) | tar -xf - -C "$clone"
  echo "fresh-debian: clone of $repo at $(git -C "$repo" rev-parse --short HEAD) with these files as they are: $changes" >&2
else
  echo "fresh-debian: clone of $repo at $(git -C "$repo" rev-parse --short HEAD)" >&2
fi

# 5. The run.
echo "fresh-debian: make ${targets[*]} JOBS=$jobs in $root/root/cnscd" >&2
start=$(date +%s)
status=0
# In the background, so that a signal to this script is handled at once (cleanup ends the run).
inside bash -c 'cd /root/cnscd && make "$@"' make "${targets[@]}" "JOBS=$jobs" </dev/null &
wait $! || status=$?
echo "fresh-debian: make ${targets[*]} exited $status after $(seconds "$start") s" >&2
exit $status
