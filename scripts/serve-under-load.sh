#!/usr/bin/env bash
# `glossa serve` under wrk load on loopback while a term file is edited and the site rebuilt:
# no request may fail and no half-written page may ever be served.
#
#   scripts/serve-under-load.sh [SITE_DIR]
#
# SITE_DIR (a folder with Content/ and Templates/, e.g. /tmp/glossa-bench/c1000) is copied to a
# temporary folder first, so the original is never edited; without it a site from `glossa init`
# is used. wrk's Lua hook checks every response: status 200, and an HTML body that ends with
# `</html>` (a page cut short by a write or a swap in progress would not). Meanwhile one term
# file is rewritten every EDIT_INTERVAL seconds, the way an editor saves (truncate, then write).
#
# Settings: GLOSSA (default .build/release/glossa, built if missing), THREADS (2),
# CONNECTIONS (64), DURATION (10s), EDIT_INTERVAL (0.5; 0 for no edits, a baseline). Exits 1 if any request failed or any
# page was truncated. Needs wrk (apt-get install wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(pwd)
glossa=${GLOSSA:-$repository/.build/release/glossa}
threads=${THREADS:-2}
connections=${CONNECTIONS:-64}
duration=${DURATION:-10s}
edit_interval=${EDIT_INTERVAL:-0.5}

command -v wrk >/dev/null || { echo "serve-under-load: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
if [[ ! -x $glossa ]]; then
  swift build -c release --product glossa >&2
fi

work=$(mktemp -d /tmp/glossa-serve-load.XXXXXX)
server=""
editor=""
cleanup() {
  [[ -n $editor ]] && kill "$editor" 2>/dev/null || true
  if [[ -n $server ]]; then kill -INT "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

site=$work/site
if [[ $# -ge 1 ]]; then
  mkdir -p "$site"
  cp -r "$1/Content" "$1/Templates" "$site/"
else
  "$glossa" init "$site" >/dev/null 2>&1
fi
terms=("$site"/Content/glossary/*.md)
term=${terms[0]}
slug=$(basename "$term" .md)
original=$(cat "$term")

"$glossa" serve --site "$site" --port 0 >"$work/serve.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 600); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log" | head -1 || true)
  [[ -n $url ]] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n $url ]] || { echo "serve-under-load: glossa serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
base=${url%/}
stylesheet=$(curl -sf "$base/" | grep -o '/assets/style[^"]*\.css' | head -1 || true)
# The edited page (which serve's quick render replaces in place) is every other request.
paths="\"/glossary/$slug/\", \"/\", \"/glossary/$slug/\", \"/glossary/\", \"/glossary/$slug/\", \"/blog/\""
[[ -n $stylesheet ]] && paths="$paths, \"/glossary/$slug/\", \"$stylesheet\""

cat >"$work/check.lua" <<EOF
-- Rotates over a few pages and checks every response: 200, and HTML that ends with </html>.
local paths = { $paths }
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad_status = 0
  truncated = 0
  checked = 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 then
    bad_status = bad_status + 1
    return
  end
  local kind = headers["Content-Type"] or headers["content-type"] or ""
  if kind:find("text/html", 1, true) and not body:match("</html>%s*$") then
    truncated = truncated + 1
  end
end

function done(summary, latency, requests)
  local bad, cut, seen = 0, 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("bad_status")
    cut = cut + thread:get("truncated")
    seen = seen + thread:get("checked")
  end
  local errors = summary.errors
  io.write(string.format("checked %d responses: %d not 200, %d truncated HTML; socket errors: connect %d, read %d, write %d, timeout %d; non-2xx (wrk) %d\n",
    seen, bad, cut, errors.connect, errors.read, errors.write, errors.timeout, errors.status))
  io.write(string.format("RESULT bad=%d truncated=%d socket=%d\n", bad, cut,
    errors.connect + errors.read + errors.write + errors.timeout + errors.status))
end
EOF

# The editor: rewrite the term every EDIT_INTERVAL seconds, truncating first as most editors do.
if [[ $edit_interval != 0 ]]; then (
  edit=0
  while true; do
    edit=$((edit + 1))
    printf '%s\n\nEdit number %d while under load.\n' "$original" "$edit" >"$term"
    sleep "$edit_interval"
  done
) & editor=$!; fi

echo "== wrk -t$threads -c$connections -d$duration on $base/ (paths: $paths) while editing Content/glossary/$slug.md every ${edit_interval}s"
wrk -t"$threads" -c"$connections" -d"$duration" -s "$work/check.lua" "$base/" | tee "$work/wrk.log"
if [[ -n $editor ]]; then kill "$editor" 2>/dev/null || true; wait "$editor" 2>/dev/null || true; editor=""; fi
sleep 1

rebuilds=$(grep -c '^Built ' "$work/serve.log" || true)
failed=$(grep -c '^Build failed' "$work/serve.log" || true)
echo "== rebuilds during the run: $((rebuilds - 1)) succeeded, $failed failed (first build not counted)"
grep -E '^(Serving|Changed|Updated|Built|Build failed)' "$work/serve.log" | sed 's/^/   /' || true
result=$(grep '^RESULT' "$work/wrk.log")
if [[ $result != "RESULT bad=0 truncated=0 socket=0" ]]; then
  echo "serve-under-load: FAILED ($result)" >&2
  exit 1
fi
echo "serve-under-load: every response was 200 and every page complete"
