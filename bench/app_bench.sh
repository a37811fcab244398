#!/bin/sh
# Front-end figures (issue 4), printed, never asserted:
#  1. frame time with a 200-line transcript (100 replies in tests/fixtures/gui/long-talk.json,
#     each a client line and a trainee line), measured by the script driver's bench-frames;
#  2. idle CPU of the real event-driven window over 10 s (utime+stime from /proc);
#  3. time to the first debrief frame and to the scored debrief (laps in bench-debrief.script);
#  4. the longest UI build per reply while a recorded conversation is journaled (bench-reply-writes);
#  5. CPU of the real window over 10 s while a 20 s countdown runs (xdotool clicks Practice and
#     presses 1 twice in the unicode trio, whose third line is timed).
# Usage: bench/app_bench.sh [BUILD_DIR]   (needs Xvfb; starts its own on a free display)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build}/rapport
tmp=$(mktemp -d)
n=99
while [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ]; do n=$((n + 1)); done
Xvfb :$n -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
while [ ! -e /tmp/.X11-unix/X$n ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
export DISPLAY=:$n

echo "== frame time (1280x800): empty conversation, then a 200-line transcript =="
"$bin" --scenarios "$root/tests/fixtures/gui" --data-dir "$tmp/data" --db "$tmp/results.db" \
  --script "$root/tests/fixtures/gui/bench-long-transcript.script" --screenshot-dir "$tmp" | grep bench-frames

echo "== debrief of bank-sme-cold-call (~64,000 states): longest frame around the click, time until scored =="
"$bin" --scenarios "$root/scenarios" --data-dir "$tmp/data2" --db "$tmp/results.db" \
  --script "$root/tests/fixtures/gui/bench-debrief.script" --screenshot-dir "$tmp" | grep '^lap'

echo "== per reply while recording (bank-sme-cold-call, 20 replies): longest UI build per lap =="
"$bin" --scenarios "$root/scenarios" --data-dir "$tmp/data3" --db "$tmp/replies.db" \
  --script "$root/tests/fixtures/gui/bench-reply-writes.script" --screenshot-dir "$tmp" | grep '^lap'

echo "== idle CPU over 10 s (sign-in screen, caret in the name field, no input) =="
"$bin" --scenarios "$root/tests/fixtures/gui" --data-dir "$tmp/data" --db "$tmp/results.db" >/dev/null 2>&1 &
app=$!
sleep 3
ticks() { awk '{print $14 + $15}' /proc/$app/stat; }
hz=$(getconf CLK_TCK)
t0=$(ticks)
sleep 10
t1=$(ticks)
kill $app
awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN { printf "cpu: %.2f%% of one core (%d ticks of 1/%d s in 10 s)\n", (b - a) / hz / 10 * 100, b - a, hz }'

echo "== CPU over 10 s while a countdown is on screen (unicode trio, timed third line) =="
if command -v xdotool >/dev/null 2>&1; then
  mkdir -p "$tmp/data4"
  printf '{"format":"rapport-trainee/1","name":"Bench","employeeId":"","group":""}\n' >"$tmp/data4/trainee.json"
  "$bin" --scenarios "$root/tests/fixtures/gui/unicode-trio.json" --data-dir "$tmp/data4" \
    --db "$tmp/countdown.db" --size 1280x800 --seed 0 >/dev/null 2>&1 &
  app=$!
  sleep 3
  # At 1280x800 (see the sign-in and library screenshots): the remembered trainee's Start
  # training, then the one card's Practice; both are clicked where a person would.
  xdotool mousemove 639 500
  sleep 0.4
  xdotool click 1
  sleep 1.5
  xdotool mousemove 129 475
  sleep 0.4
  xdotool click 1
  sleep 1.5
  xdotool search --name Rapport windowfocus
  xdotool key 1
  sleep 0.7
  xdotool key 1
  xdotool mousemove 5 795  # off the buttons: no hover changes while measuring
  sleep 2
  t0=$(ticks)
  sleep 10
  t1=$(ticks)
  kill $app
  awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN { printf "cpu: %.2f%% of one core (%d ticks of 1/%d s in 10 s)\n", (b - a) / hz / 10 * 100, b - a, hz }'
else
  echo "skipped: xdotool is not installed"
fi
