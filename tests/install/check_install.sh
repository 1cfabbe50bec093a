#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The install and the Debian package, checked as a user and a packager would:
#   check_install.sh BUILD_DIR
# installs BUILD_DIR into a temporary prefix and checks every file a desktop
# application needs, runs desktop-file-validate and appstreamcli validate, runs the
# installed seqscope-cli on the installed sample against tshark's output of the same
# file, then builds the .deb (`--target package`), lists it with dpkg-deb -c and
# checks its dependencies resolve (apt-get install --simulate). Any failure exits 1.
set -euo pipefail
build=$(cd "${1:?usage: check_install.sh BUILD_DIR}" && pwd)
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
app_id=io.github.seqscope.Seqscope
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {  # check "what" command...: one line per check, the command's output on failure
  local what=$1; shift
  if out=$("$@" 2>&1); then
    passed=$((passed + 1)); echo "ok    $what"
  else
    failed=$((failed + 1)); echo "FAIL  $what"; printf '%s\n' "$out" | sed 's/^/      /' | head -40
  fi
}

# --- cmake --install into a prefix -------------------------------------------------
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
expected=(
  bin/seqscope bin/seqscope-cli bin/seqscope-capture
  share/applications/$app_id.desktop
  share/icons/hicolor/scalable/apps/$app_id.svg
  share/metainfo/$app_id.metainfo.xml
  share/mime/packages/$app_id.xml
  share/man/man1/seqscope.1.gz share/man/man1/seqscope-cli.1.gz share/man/man1/seqscope-capture.1.gz
  share/doc/seqscope/copyright share/doc/seqscope/README.md
  share/seqscope/samples/demo-lo.pcapng share/seqscope/samples/README.md
)
for f in "${expected[@]}"; do check "installed $f" test -s "$prefix/$f"; done
check "the programs are executable" test -x "$prefix/bin/seqscope" -a -x "$prefix/bin/seqscope-cli"

desktop=$prefix/share/applications/$app_id.desktop
check "desktop-file-validate" desktop-file-validate "$desktop"
check "appstreamcli validate" appstreamcli validate --no-net --explain "$prefix/share/metainfo/$app_id.metainfo.xml"
check "the menu entry opens pcap and pcapng" \
  grep -qE '^MimeType=.*application/vnd\.tcpdump\.pcap;.*application/x-pcapng;' "$desktop"
check "the menu entry runs an installed program" \
  test -x "$prefix/bin/$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")"
check "the menu entry's icon is installed" \
  test -f "$prefix/share/icons/hicolor/scalable/apps/$(sed -n 's/^Icon=//p' "$desktop").svg"
check "the icon is an SVG picture" \
  python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); sys.exit(r.tag != "{http://www.w3.org/2000/svg}svg")' \
  "$prefix/share/icons/hicolor/scalable/apps/$app_id.svg"
check "AppStream launches the menu entry" \
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$prefix/share/metainfo/$app_id.metainfo.xml"
check "the MIME package declares pcapng" \
  python3 -c 'import sys, xml.etree.ElementTree as E; ns = "{http://www.freedesktop.org/standards/shared-mime-info}"; t = [m.get("type") for m in E.parse(sys.argv[1]).getroot().iter(ns + "mime-type")]; sys.exit(t != ["application/x-pcapng"])' \
  "$prefix/share/mime/packages/$app_id.xml"
man_page_ok() {  # man_page_ok PROG: the page names the program and lists its options, in UTF-8
  local text
  text=$(zcat "$prefix/share/man/man1/$1.1.gz")
  grep -q '^\.SH NAME' <<<"$text" && grep -qF "$1 \- " <<<"$text" \
    && [[ $(grep -c '^\.TP' <<<"$text") -ge 8 ]] && ! grep -qF '???' <<<"$text"
}
for prog in seqscope seqscope-cli seqscope-capture; do check "man page of $prog has its NAME and options" man_page_ok $prog; done
# Installed as root straight into a prefix, the helper gets its capabilities.
check "cmake --install as root gives seqscope-capture CAP_NET_RAW and CAP_NET_ADMIN" \
  bash -c "getcap '$prefix/bin/seqscope-capture' | grep -q 'cap_net_admin,cap_net_raw=eip'"

# The installed programs run from the prefix, outside the build tree.
sample=$prefix/share/seqscope/samples/demo-lo.pcapng
check "installed seqscope-cli -r sample -c 3 prints what tshark prints" \
  diff <(cd / && "$prefix/bin/seqscope-cli" -r "$sample" -c 3) <(cd / && tshark -r "$sample" -c 3)
check "installed seqscope-cli --version" \
  bash -c "'$prefix/bin/seqscope-cli' --version | grep -qx 'seqscope-cli $version'"
check "installed seqscope --version" \
  bash -c "QT_QPA_PLATFORM=offscreen '$prefix/bin/seqscope' --version 2>/dev/null | grep -qx 'seqscope $version'"

# --- the Debian package ------------------------------------------------------------
deb=$build/seqscope_${version}_$(dpkg --print-architecture).deb
rm -f "$deb"
cmake --build "$build" --target package >"$work/package.log" 2>&1 || { cat "$work/package.log"; exit 1; }
check "package target leaves $(basename "$deb")" test -s "$deb"
dpkg-deb -c "$deb" >"$work/contents.txt"
echo "      $(basename "$deb"): $(wc -l <"$work/contents.txt") entries, $(du -k "$deb" | cut -f1) KiB"
for f in "${expected[@]}"; do
  check "package holds /usr/$f" grep -qE " \./usr/$f\$" "$work/contents.txt"
done
depends=$(dpkg-deb -f "$deb" Depends)
echo "      Depends: $depends"
# Every shared library the programs name (DT_NEEDED) must come from a package the .deb
# depends on (what dpkg-shlibdeps is for): found with objdump, ldd and dpkg -S,
# independently of CPack.
depends_on_needed_libraries() {
  local prog lib path pkg missing=0
  local -a names
  IFS=, read -ra names <<<"$(sed 's/ ([^)]*)//g; s/ //g' <<<"$depends")"
  for prog in "$prefix/bin/seqscope" "$prefix/bin/seqscope-cli" "$prefix/bin/seqscope-capture"; do
    for lib in $(objdump -p "$prog" | awk '$1 == "NEEDED" { print $2 }'); do
      path=$(ldd "$prog" | awk -v l="$lib" '$1 == l { print $3 }')
      pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path")
      pkg=${pkg%%:*}
      if ! printf '%s\n' "${names[@]}" | grep -qxF "$pkg"; then
        echo "$(basename "$prog") needs $lib of $pkg, not in Depends"; missing=1
      fi
    done
  done
  return $missing
}
check "package depends on every library the programs name" depends_on_needed_libraries
for pkg in libqt6widgets6 libqt6svg6 libqcustomplot2.1-qt6 libpcap0.8 adduser libcap2-bin; do
  check "package depends on $pkg" grep -q "$pkg" <<<"$depends"
done
check "package runs a postinst that makes the seqscope group and gives the helper its capabilities" \
  bash -c "dpkg-deb --ctrl-tarfile '$deb' | tar -xO ./postinst > '$work/postinst' && grep -q 'addgroup --quiet --system seqscope' '$work/postinst' && grep -q 'setcap cap_net_raw,cap_net_admin=eip' '$work/postinst' && sh -n '$work/postinst'"
check "apt-get resolves the package's dependencies" apt-get install --simulate --no-install-recommends "$deb"

echo "install: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
