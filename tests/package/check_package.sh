#!/usr/bin/env bash
# The package test (docs/install.md): builds the .deb twice and compares the bytes, runs
# lintian, desktop-file-validate and appstreamcli on it, then unpacks it with dpkg -x into a
# temporary root (never dpkg -i: a test must not change the machine it runs on) and runs the
# unpacked binary through check_installed.sh, which also checks it never reads the source tree.
#   check_package.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$1 source_dir=$2 version=$3
here=$(cd "$(dirname "$0")" && pwd)
t=$(mktemp -d /tmp/rapport-deb-XXXXXX)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

for n in 1 2; do
    cmake -DBUILD_DIR="$build" -DOUT_DIR="$t/deb$n" -P "$source_dir/packaging/make-deb.cmake" >/dev/null
done
deb=$(ls "$t"/deb1/rapport_"$version"_*.deb)
sum1=$(sha256sum < "$deb") sum2=$(sha256sum < "$t"/deb2/rapport_"$version"_*.deb)
[ "$sum1" = "$sum2" ] || fail "two builds of the same commit differ"
echo "reproducible: sha256 ${sum1%% *}"

lintian --info --fail-on error,warning "$deb" || fail "lintian"
root=$t/root
dpkg -x "$deb" "$root"
desktop-file-validate "$root"/usr/share/applications/*.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net "$root"/usr/share/metainfo/*.metainfo.xml || fail "appstreamcli"
warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
    "$root"/usr/share/man/man1/rapport.1.gz 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man page warnings: $warnings"
for f in usr/bin/rapport usr/share/rapport/competencies/account-manager.json \
    usr/share/rapport/schemas/scenario.schema.json usr/share/rapport/scenarios/portraits \
    usr/share/rapport/campaigns/key-account-quarter.json \
    usr/share/bash-completion/completions/rapport usr/share/doc/rapport/copyright \
    usr/share/doc/rapport/changelog.gz usr/share/icons/hicolor/scalable/apps; do
    [ -e "$root/$f" ] || fail "missing from the package: $f"
done
bash -n "$root"/usr/share/bash-completion/completions/rapport || fail "completion syntax"
RAPPORT_EXPECT_VERSION=$version "$here/check_installed.sh" "$root/usr/bin/rapport" \
    "$root/usr/share/rapport/scenarios" "$source_dir" --no-source
