#!/usr/bin/env bash
# deps.sh — install the Debian packages Krait needs, saying what it installs.
# Run by `make deps` and automatically before the first build.
set -e
pkgs="libgmp-dev libedit-dev zlib1g-dev libssl-dev libexpat1-dev libbz2-dev liblzma-dev libsqlite3-dev python3.11 libpython3.11-stdlib python3.11-dev"
# python3.11-dev: the oracle's C headers, so `make expected` can regenerate
# tests/import/extension_modules (it compiles a test extension for either interpreter).
missing=""
for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "krait: installing missing Debian packages:$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
