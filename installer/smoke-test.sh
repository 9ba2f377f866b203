#!/usr/bin/env bash
# Runs the packaged PackGuard the way an installed copy runs: from its app image, with no Java
# on PATH, JAVA_HOME unset, and (where `unshare` may mount, e.g. as root in CI) /usr/lib/jvm
# hidden behind an empty tmpfs, so the image's own jlink'd runtime is the only Java there is.
#
#   installer/smoke-test.sh [IMAGE_DIR]      default: installer/target/image/PackGuard
#
# Checks, printing each: --version; a ledger node served by the image on 127.0.0.1 with three
# entries; `sync` of a station configured in the per-user directory against it (exit 0, size
# 3); `note verify` of the served checkpoint; a demo world made, served and synced by the image
# and `verify` of three of its scenarios with the verdicts its scenarios.json states; and, when
# xvfb-run and xdotool exist, that the window opens with no arguments and creates the per-user
# directories.
# Exit 0 when every check passes, 1 otherwise.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
image="$(cd "${1:-$root/installer/target/image/PackGuard}" && pwd)"
bin="$image/bin"
work="$(mktemp -d)"
home="$work/home"
mkdir -p "$home"
failures=0
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT

check() { printf 'smoke: %-62s ' "$1"; }
pass() { printf 'ok%s\n' "${1:+ ($1)}"; }
fail() { printf 'FAILED: %s\n' "$1"; failures=$((failures + 1)); }

hide_jvm=false
if [ -d /usr/lib/jvm ] && unshare -m true 2>/dev/null; then
  hide_jvm=true
fi

# The prefix that runs an image launcher with no Java reachable. It ends in exec, so a launcher
# started in the background keeps the PID that $! reports (and that the clean-up kills).
nojava=(env -i "HOME=$home" "PATH=/nonexistent" "LANG=C.UTF-8")
if $hide_jvm; then
  nojava=(unshare -m sh -c 'mount -t tmpfs none /usr/lib/jvm && exec "$@"' sh "${nojava[@]}")
fi
run() { "${nojava[@]}" "$@"; }

echo "smoke: image $image ($(du -sh "$image" | cut -f1))"
if $hide_jvm; then
  echo "smoke: /usr/lib/jvm hidden, PATH without java, JAVA_HOME unset"
else
  echo "smoke: PATH without java, JAVA_HOME unset (unshare unavailable: installed JDKs stay on disk)"
fi

check "PackGuard --version runs on the image's own runtime"
if out="$(run "$bin/PackGuard" --version 2>&1)" && grep -q '^PackGuard ' <<<"$out" && grep -q '^Java 17' <<<"$out"; then
  pass "$(tr '\n' ' ' <<<"$out" | sed 's/ $//')"
else
  fail "$out"
fi

check "ledger serve --init on 127.0.0.1 from the image"
log="$work/log"
"${nojava[@]}" "$bin/packguard-cli" ledger serve --init ci.packguard.test/log --dir "$log" --port 0 \
  >"$work/serve.out" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 120); do
  url="$(sed -n 's|^serving .* at \(http://127.0.0.1:[0-9]*/\) .*|\1|p' "$work/serve.out")"
  if [ -n "$url" ]; then break; fi
  sleep 0.5
done
vkey="$(sed -n 's/^created log .* with key //p' "$work/serve.out")"
if [ -n "$url" ] && [ -n "$vkey" ]; then
  pass "$url"
else
  fail "$(cat "$work/serve.out")"
fi

check "three entries integrated (POST /add answers with a tlog-proof)"
added=0
for n in 1 2 3; do
  answer="$(curl -fsS -X POST --data-binary "{\"n\":$n}" "${url}add" 2>&1 || true)"
  if grep -q '^c2sp.org/tlog-proof@v1$' <<<"$answer"; then added=$((added + 1)); fi
done
if [ "$added" -eq 3 ]; then pass; else fail "$added of 3; $(tail -n 3 "$work/serve.out")"; fi

config="$home/.config/packguard"
mkdir -p "$config"
printf 'log %s\nquorum none\n' "$vkey" >"$config/policy.txt"
cat >"$config/station.json" <<EOF
{"format": 1,
 "station": {"name": "Smoke test", "pharmacyName": "Smoke test pharmacy", "pharmacyGln": "4012345000009"},
 "ledger": {"url": "$url", "policy": "policy.txt", "mirror": "$home/.local/share/packguard/mirror.db"}}
EOF

check "PackGuard sync --json: mirror verified up to size 3"
if out="$(run "$bin/PackGuard" sync --json --config "$config/station.json" 2>&1)" \
    && grep -q '"result":"synced"' <<<"$out" && grep -q '"size":3' <<<"$out" \
    && [ -s "$home/.local/share/packguard/mirror.db" ]; then
  pass "$(grep -o '"rootHash":"[^"]*"' <<<"$out")"
else
  fail "$out"
fi

check "PackGuard note verify: the served checkpoint's signature"
curl -fsS "${url}checkpoint" -o "$work/checkpoint" 2>/dev/null || true
if out="$(run "$bin/PackGuard" note verify --key "$vkey" "$work/checkpoint" 2>&1)"; then
  pass
else
  fail "$out"
fi

kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""

# The demo world: verdicts must be the ones its scenarios.json states.
check "ledger demo --units 200: a demo world made by the image"
world="$work/world"
if out="$(run "$bin/packguard-cli" ledger demo --out "$world" --units 200 2>&1)" && [ -s "$world/scenarios.json" ]; then
  pass "$(grep -c '"id" : ' "$world/scenarios.json") scenarios"
else
  fail "$out"
fi

check "ledger serve the demo world's log, sync the demo station"
"${nojava[@]}" "$bin/packguard-cli" ledger serve --dir "$world/log" --port 0 >"$work/demo-serve.out" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 120); do
  url="$(sed -n 's|^serving .* at \(http://127.0.0.1:[0-9]*/\) .*|\1|p' "$work/demo-serve.out")"
  if [ -n "$url" ]; then break; fi
  sleep 0.5
done
# The world names port 8750; the node took a free one.
sed -i "s|\"url\" : \"[^\"]*\"|\"url\" : \"$url\"|" "$world/station.json"
if [ -n "$url" ] && out="$(run "$bin/PackGuard" sync --config "$world/station.json" 2>"$work/sync.err")"; then
  pass "$(head -n 1 <<<"$out")"
else
  fail "$(cat "$work/sync.err" "$work/demo-serve.out")"
fi

# scenario ID FIELD: a field of one scenario in the world's (pretty-printed) scenarios.json.
scenario() {
  awk -v id="\"id\" : \"$1\"" -v field="\"$2\" : \"" '
    index($0, id) { found = 1 }
    found && index($0, field) { sub(".*" field, ""); sub(/",?$/, ""); print; exit }' "$world/scenarios.json"
}
for id in genuine-ibu400 diverted recalled-lot; do
  expected="$(scenario "$id" verdict)"
  check "PackGuard verify $id: $expected, as scenarios.json says"
  verify_out="$(run "$bin/PackGuard" verify --json --config "$world/station.json" "$(scenario "$id" bracketed)" 2>&1)" \
    && verify_code=0 || verify_code=$?
  if [ -n "$expected" ] && grep -q "\"verdict\":\"$expected\"" <<<"$verify_out"; then
    pass "exit $verify_code"
  else
    fail "exit $verify_code: $verify_out"
  fi
done

kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""

check "window opens with no arguments (menu entry), first start"
if command -v xvfb-run >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1; then
  gui_home="$work/gui-home"
  mkdir -p "$gui_home"
  # The window must stay up by itself until xdotool sees it; then it is closed by its PID.
  if HOME="$gui_home" xvfb-run -a sh -c '
        env -i HOME="$1" PATH=/nonexistent DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" "$2" & pid=$!
        found=1
        for _ in $(seq 1 60); do
          # A mapped window: the stage. (GTK creates a hidden window named after the program
          # long before the stage shows, and under Xvfb without a window manager the stage
          # title is not searchable by name.)
          if [ -n "$(xdotool search --onlyvisible --class . 2>/dev/null)" ]; then found=0; break; fi
          sleep 1
        done
        kill "$pid"; wait "$pid" 2>/dev/null
        exit $found' sh "$gui_home" "$bin/PackGuard" >"$work/gui.out" 2>&1 \
      && [ -d "$gui_home/.config/packguard" ] && [ -d "$gui_home/.local/share/packguard" ]; then
    pass "window shown; ~/.config/packguard and ~/.local/share/packguard created"
  else
    fail "xvfb-run exit or folders missing: $(tail -n 5 "$work/gui.out"; ls -A "$gui_home" "$gui_home"/.config 2>&1 | tr "\n" " ")"
  fi
else
  pass "skipped: needs xvfb-run and xdotool"
fi

if [ "$failures" -eq 0 ]; then
  echo "smoke: all checks passed"
else
  echo "smoke: $failures check(s) failed"
  exit 1
fi
