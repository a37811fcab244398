#!/usr/bin/env bash
# Runs a rapport binary the way a user would, with HOME and every XDG base folder pointed at
# fresh temporary folders and the working folder elsewhere, and checks (with strace) that it
# writes nowhere else and, with --no-source, never touches the source tree.
#   check_installed.sh RAPPORT SCENARIOS_DIR SOURCE_DIR [--no-source]
# Used by the package test (the .deb's binary, dpkg -x'd) and the xdg test (build/rapport).
set -euo pipefail
rapport=$1 scenarios=$2 source_dir=$3 no_source=${4:-}
t=$(mktemp -d /tmp/rapport-xdg-XXXXXX)
trap 'rm -rf "$t"' EXIT
[ -n "${KEEP:-}" ] && trap - EXIT && echo "keeping $t"
mkdir -p "$t/home" "$t/config" "$t/data" "$t/state" "$t/cache" "$t/cwd" "$t/out"
cd "$t/cwd"
run() {
    env -i PATH=/usr/bin:/bin HOME="$t/home" XDG_CONFIG_HOME="$t/config" XDG_DATA_HOME="$t/data" \
        XDG_STATE_HOME="$t/state" XDG_CACHE_HOME="$t/cache" XDG_RUNTIME_DIR="$t/state" \
        ${DISPLAY:+DISPLAY=$DISPLAY} ${XAUTHORITY:+XAUTHORITY=$XAUTHORITY} LANG=C.UTF-8 \
        strace -f -qq -e trace=%file -o "$t/out/strace.$1" "${@:2}"
}
fail() { echo "FAIL: $*" >&2; exit 1; }

run version "$rapport" --version > "$t/out/version"
grep -qx "rapport ${RAPPORT_EXPECT_VERSION:-.*}" "$t/out/version" || fail "--version: $(cat "$t/out/version")"
run validate "$rapport" validate "$scenarios"/*.json > "$t/out/validate" 2>&1 || fail "validate of the bundled scenarios"
[ "$(grep -c ': valid (' "$t/out/validate")" -ge 10 ] || fail "fewer than 10 valid bundled scenarios"
# The campaigns beside the scenarios, where the library finds them.
run campaigns "$rapport" campaign validate --scenarios "$scenarios" "$scenarios"/../campaigns/*.json \
    > "$t/out/campaigns" 2>&1 || fail "validate of the bundled campaigns"
# A scripted play, recorded: the results database must land under XDG_DATA_HOME.
run play "$rapport" play "$scenarios/bank-sme-cold-call.json" --choices "$(grep -v "^#" "$CHOICES")" \
    --trainee "Anna Test" > "$t/out/play" || fail "scripted play"
[ -f "$t/data/rapport/results.db" ] || fail "no results database under XDG_DATA_HOME"
run report "$rapport" report --format csv > "$t/out/report" || fail "report"
grep -q "Anna Test" "$t/out/report" || fail "report does not list the recorded attempt"
# The app to its first screen, signing in (the profile goes to XDG_CONFIG_HOME), and its
# About box; screenshots go where they are asked to.
if [ -n "${DISPLAY:-}" ]; then
    printf 'expect-screen sign-in\nclick Your name\ntype Anna Test\nclick Start training\nexpect-screen library\nclick About\nwait-frames 2\nexpect Close##about\nscreenshot about\n' > "$t/out/first.script"
    run app "$rapport" --script "$t/out/first.script" --screenshot-dir "$t/out" --size 1024x700 \
        > "$t/out/app" || fail "the app did not reach its first screen"
    [ -f "$t/out/about.png" ] || fail "no screenshot"
    [ -f "$t/config/rapport/trainee.json" ] || fail "no trainee profile under XDG_CONFIG_HOME"
fi

[ -z "$(ls -A "$t/cwd")" ] || fail "written in the working folder: $(ls -A "$t/cwd")"
[ -z "$(ls -A "$t/home")" ] || fail "written under HOME outside the XDG folders: $(ls -A "$t/home")"
# Every file created or opened for writing is under the temporary folder (or a device).
writes=$(grep -hE 'O_WRONLY|O_RDWR|O_CREAT|mkdir|rename|unlink|creat\(' "$t"/out/strace.* |
    grep -v ' = -1 ' | grep -oE '"[^"]*"' | tr -d '"' | grep -vE "^($t|/dev/|/proc/)" |
    grep -vE '^$' || true)
[ -z "$writes" ] || fail "written outside the test folders: $writes"
if [ "$no_source" = --no-source ]; then
    hits=$(grep -h "\"$source_dir" "$t"/out/strace.* || true)
    [ -z "$hits" ] || fail "the installed binary reached the source tree: $(echo "$hits" | head -3)"
fi
echo "ok: $(cat "$t/out/version"), $(grep -c ': valid (' "$t/out/validate") scenarios valid, play recorded, nothing written outside XDG"
