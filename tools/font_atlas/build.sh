#!/bin/sh
# Builds the font atlas generator (needs Qt 6 Gui; not part of the seqscope build).
set -e
here=$(dirname "$0")
g++ -std=c++20 -O1 -fPIC "$here/gen_font_atlas.cpp" -o "${1:-/tmp/gen_font_atlas}" $(pkg-config --cflags --libs Qt6Gui)
