#!/usr/bin/env bash
# Installs the C libraries Glossa links against when they are missing.
# Used by `make site` and `make test`, so a fresh Debian machine with Swift needs nothing else.
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
if pkg-config --exists libcmark-gfm 2>/dev/null && [ -e /usr/include/cmark-gfm-core-extensions.h ]; then
  exit 0
fi
echo "Installing ${packages[*]} (needed to build Glossa)…" >&2
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "error: ${packages[*]} are missing and this user cannot install them (not root, no sudo)." >&2
  echo "       Install them with your package manager, then run make again." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: no apt-get here; install cmark-gfm with its extensions and pkg-config by hand, then run make again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2 || true
if ! $sudo apt-get install -y -qq "${packages[@]}" >&2; then
  echo "error: apt-get could not install ${packages[*]}; see the messages above." >&2
  exit 1
fi
