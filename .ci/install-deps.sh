#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package seqscope needs to build, test and benchmark.
# Run as root (CI does); without root it uses sudo. Does nothing when all are present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libpcap-dev                                    # core: libpcap
  libcap2-bin                                    # setcap/getcap: the capture helper's capabilities
  qt6-base-dev qt6-svg-dev qt6-qpa-plugins       # ui: Qt 6 Widgets, Svg, Test, PrintSupport, the xcb platform
  libqcustomplot-dev                             # ui: plots (GPLv3, hence our license)
  fonts-dejavu-core                              # text for offscreen/Xvfb rendering
  libgtest-dev libgmock-dev                      # tests
  python3                                        # conformance comparison (../shared/conformance/compare.py)
  tshark tcpdump                                 # reference peers for tests and bench (never used by seqscope at run time)
  xvfb xauth                                     # screenshots and GUI runs without a display
  poppler-utils                                  # tests read seqscope-cli's PDFs back (pdfinfo, pdftotext, pdftoppm)
  help2man                                       # man pages from --help at build time
  desktop-file-utils appstream                   # validators of the installed .desktop and metainfo (tests/install)
  dpkg-dev                                       # dpkg-shlibdeps: the .deb's dependencies
  libbenchmark-dev time bc                       # bench/: Google Benchmark, /usr/bin/time -v for peak RSS, bc for ratios
)

missing=()
for p in "${PACKAGES[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]]; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#PACKAGES[@]} packages are installed."
  exit 0
fi

SUDO=()
if [[ "$(id -u)" != 0 ]]; then SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
# tshark's package asks whether non-root users may capture; answer "no" up front
# so the install never waits for a terminal.
echo "wireshark-common wireshark-common/install-setuid boolean false" | "${SUDO[@]}" debconf-set-selections
echo "install-deps: installing ${missing[*]}"
"${SUDO[@]}" apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" </dev/null
