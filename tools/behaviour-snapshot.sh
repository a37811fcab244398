#!/usr/bin/env bash
# Writes what the CLI says about the bundled library and the test fixtures into OUT, one file per
# command (stdout, stderr and exit code), so that two builds can be compared byte for byte:
#
#   tools/behaviour-snapshot.sh /tmp/before build-old/rapport
#   tools/behaviour-snapshot.sh /tmp/after  build/rapport
#   diff -r /tmp/before /tmp/after && echo identical
#
# A refactoring that must not change behaviour is shown to keep it this way. Covered: validate
# (every scenario and fixture, one by one and all at once), analyze --json and --table, play
# --json along every path analyze reports plus the golden scripts, score of every such
# transcript, report in every format from the stored fixture databases, and Twine import.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: behaviour-snapshot.sh OUT [RAPPORT_BINARY]}
bin=$(realpath "${2:-$root/build/rapport}")
mkdir -p "$out"
out=$(realpath "$out")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

# run NAME CMD...: stdout, stderr and exit code of one command, run from the repository root so
# every path it prints is relative and the same for both builds.
run() {
    local name=$1
    shift
    mkdir -p "$(dirname "$out/$name")"
    "$@" >"$out/$name.out" 2>"$out/$name.err" </dev/null
    echo $? >"$out/$name.rc"
}

mapfile -t scenarios < <(ls scenarios/*.json)
mapfile -t fixtures < <(find tests/fixtures -name '*.json' -not -path '*/twine/*' | LC_ALL=C sort)

for f in "${scenarios[@]}" "${fixtures[@]}"; do
    run "validate/${f//\//_}" "$bin" validate "$f"
done
run validate/all-scenarios "$bin" validate "${scenarios[@]}"

for f in "${scenarios[@]}" tests/fixtures/analysis/*.json tests/fixtures/scoring/*.json; do
    run "analyze/${f//\//_}" "$bin" analyze --json --samples 2000 "$f"
done
run analyze/table "$bin" analyze --table --samples 2000 "${scenarios[@]}"

# Every path analyze names (best, worst, poor, the shortest way to each ending), played and
# re-scored; then the golden scripts.
plays=()
for f in "${scenarios[@]}" tests/fixtures/analysis/*.json tests/fixtures/scoring/*.json; do
    json="$out/analyze/${f//\//_}.out"
    [ -s "$json" ] || continue
    while IFS= read -r choices; do
        [ -n "$choices" ] && plays+=("$f|$choices")
    done < <(python3 - "$json" <<'PY'
import json, sys
seen = []
def walk(v):
    if isinstance(v, dict):
        for k, x in v.items():
            if k == "choices" and isinstance(x, str) and x not in seen:
                seen.append(x)
            walk(x)
    elif isinstance(v, list):
        for x in v:
            walk(x)
try:
    walk(json.load(open(sys.argv[1])))
except Exception:
    pass
print("\n".join(seen))
PY
)
done
for g in tests/golden/*.choices; do
    plays+=("scenarios/key-account-renewal.json|$(tr -d '[:space:]' <"$g")")
done

i=0
for p in "${plays[@]}"; do
    f=${p%%|*}
    choices=${p#*|}
    i=$((i + 1))
    name="play/$(printf '%03d' $i)-$(basename "$f" .json)"
    mkdir -p "$out/play"
    echo "$f --choices $choices" >"$out/$name.args"
    run "$name" "$bin" play "$f" --choices "$choices" --json
    run "$name.text" "$bin" play "$f" --choices "$choices"
    if [ "$(cat "$out/$name.rc")" = 0 ]; then
        cp "$out/$name.out" "$work/t.json"
        run "score/$(basename "$name")" "$bin" score "$work/t.json" --scenario "$f" --json
        run "score/$(basename "$name").text" "$bin" score "$work/t.json" --scenario "$f"
    fi
done

# Reports from the stored fixture databases (copied: opening them migrates them).
for db in tests/fixtures/store/*.db; do
    for fmt in html csv json xapi; do
        cp "$db" "$work/r.db"
        run "report/$(basename "$db" .db).$fmt" "$bin" report --db "$work/r.db" --format "$fmt" -o "$work/r.$fmt"
        cp "$work/r.$fmt" "$out/report/$(basename "$db" .db).$fmt.file" 2>/dev/null || true
    done
done

for t in tests/fixtures/twine/*.twee tests/fixtures/twine/*.html; do
    rm -f "$work/i.json"
    run "import/$(basename "$t")" "$bin" import "$t" -o "$work/i.json"
    cp "$work/i.json" "$out/import/$(basename "$t").json" 2>/dev/null || true
done

# The temporary folder and the reports' "generated" time differ between runs; nothing else may.
grep -rl "$work" "$out" 2>/dev/null | while IFS= read -r f; do sed -i "s#$work#WORK#g" "$f"; done
sed -i -E 's/generated [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC/generated TIME/; s/"generatedAt": "[^"]*"/"generatedAt": "TIME"/' "$out"/report/*
echo "snapshot: $(find "$out" -type f | wc -l) files in $out"
