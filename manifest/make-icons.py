#!/usr/bin/env python3
"""Draws CopBot's Teams icons with the standard library only (no Pillow, no ImageMagick).

color.png   192x192, full colour: white "community" glyph (three members linked around a hub) on the accent colour.
outline.png  32x32, the same glyph in white on a transparent background, as Teams requires.

Shapes are signed-distance tests sampled 4x4 per pixel, so edges are anti-aliased.
Run: python3 manifest/make-icons.py [output folder]   (default: next to this script)
"""
import math
import os
import struct
import sys
import zlib

ACCENT = (0x1F, 0x6F, 0x8B)  # keep equal to accentColor in manifest.json
WHITE = (255, 255, 255)
SAMPLES = 4


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def glyph_covers(x, y, ring=True):
    """The glyph in unit coordinates (0..1): three member dots on a circle, spokes to a central hub, a ring
    (left out at 32 px, where it would merge with the dots)."""
    cx, cy = 0.5, 0.53
    members = [(cx + 0.29 * math.cos(a), cy + 0.29 * math.sin(a))
               for a in (math.radians(-90), math.radians(30), math.radians(150))]
    if math.hypot(x - cx, y - cy) <= 0.085:
        return True
    for mx, my in members:
        if math.hypot(x - mx, y - my) <= 0.11:
            return True
        if segment_distance(x, y, cx, cy, mx, my) <= 0.035:
            return True
    # the ring joining the members: the community around the shared practice
    return ring and abs(math.hypot(x - cx, y - cy) - 0.29) <= 0.028


def coverage(px, py, size, inset, ring):
    """Fraction of the pixel's sub-samples inside the glyph; `inset` leaves a margin around it."""
    hits = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            u = (px + (sx + 0.5) / SAMPLES) / size
            v = (py + (sy + 0.5) / SAMPLES) / size
            gx, gy = (u - inset) / (1 - 2 * inset), (v - inset) / (1 - 2 * inset)
            if 0 <= gx <= 1 and 0 <= gy <= 1 and glyph_covers(gx, gy, ring):
                hits += 1
    return hits / (SAMPLES * SAMPLES)


def write_png(path, size, rgba_rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(row) for row in rgba_rows)  # filter type 0 on every scanline
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA, not interlaced
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def render(size, inset, background, ring):
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            a = coverage(px, py, size, inset, ring)
            if background is None:  # outline: white, opacity = coverage
                row += [*WHITE, round(255 * a)]
            else:  # colour: blend white glyph over the opaque background
                row += [round(b + (w - b) * a) for b, w in zip(background, WHITE)] + [255]
        rows.append(row)
    return rows


def main():
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    write_png(os.path.join(here, "color.png"), 192, render(192, 0.14, ACCENT, ring=True))
    write_png(os.path.join(here, "outline.png"), 32, render(32, 0.0, None, ring=False))


if __name__ == "__main__":
    main()
