#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Does a screenshot of seqscope's window show the packet list of a loopback capture?

    check_window.py WINDOW.png [--min-rows N]

Read with a PNG decoder of its own (zlib from Python, nothing of seqscope's), the
picture must hold a list: at least N rows (default 10), evenly spaced, whose dark
pixels (the text's ink) at one x-range are identical, as the Source or Destination
column of a loopback capture is, where every row reads 127.0.0.1. An empty window, an empty list, an
error page or a crash before the screenshot has no such column. Exit 0 when found.
"""
import argparse
import collections
import struct
import sys
import zlib


def read_png(path):
    """Return (width, height, rows), rows a list of bytes objects of RGB triples."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        sys.exit(f"{path}: expected 8-bit RGB or RGBA without interlace, got depth {depth} colour {colour}")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        prev = line
        rgb = line if channels == 3 else bytes(v for i, v in enumerate(line) if i % 4 != 3)
        rows.append(bytes(rgb))
    return width, height, rows


def text_line_starts(ys):
    """Where each run of consecutive lines with this strip starts, for runs of text
    height only: a frame, a splitter or a scroll bar is the same strip all the way
    down and is no list."""
    starts, run_start, prev = [], None, None
    for y in ys + [None]:
        if y is not None and prev is not None and y == prev + 1:
            prev = y
            continue
        if run_start is not None and prev - run_start < 6:
            starts.append(run_start)
        run_start = prev = y
    return starts


def longest_even_run(ys):
    """The longest run of ys (sorted) with one spacing between neighbours."""
    best, present = 1, set(ys)
    for i in range(len(ys)):
        for j in range(i + 1, min(i + 4, len(ys))):
            step, n, last = ys[j] - ys[i], 2, ys[j]
            if step < 8:
                continue
            while last + step in present:
                last += step
                n += 1
            best = max(best, n)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("png")
    ap.add_argument("--min-rows", type=int, default=10)
    args = ap.parse_args()
    width, height, rows = read_png(args.png)
    if width < 600 or height < 400:
        sys.exit(f"{args.png}: {width}x{height} is no window")
    span = 48  # pixels: a little narrower than "127.0.0.1"
    best = (0, 0)
    for x0 in range(0, width - span, span // 2):
        seen = collections.defaultdict(list)
        for y, row in enumerate(rows):
            # Ink only (dark pixels), so rows on alternating backgrounds compare equal.
            strip = row[3 * x0:3 * (x0 + span)]
            ink = bytes(int(strip[i] + strip[i + 1] + strip[i + 2] < 3 * 128) for i in range(0, len(strip), 3))
            if 0 < sum(ink) < span:  # text, not a plain fill
                seen[ink].append(y)
        for ys in seen.values():
            starts = text_line_starts(ys)
            if len(starts) >= args.min_rows:
                best = max(best, (longest_even_run(starts), x0))
    found, x0 = best
    print(f"{args.png}: {width}x{height}; the longest evenly spaced column of one text: {found} rows at x={x0}")
    if found < args.min_rows:
        sys.exit(f"{args.png}: no packet list with {args.min_rows} or more rows of one address")


if __name__ == "__main__":
    main()
