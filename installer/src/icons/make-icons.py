#!/usr/bin/env python3
"""Derives packguard.ico (Windows) and packguard.icns (macOS) from resources/icons/*.png.

jpackage takes a .png only on Linux. Both formats may simply hold PNG images:
ICO since Windows Vista (ICONDIR + ICONDIRENTRY, each entry's data a whole PNG file), ICNS
with the PNG element types icp5 (32 px), icp6 (64 px) and ic08 (256 px). Run it from any
directory after changing an icon; the outputs are committed because the .msi and .dmg are
built on machines that may lack Python.
"""
import pathlib
import struct

here = pathlib.Path(__file__).resolve().parent
icons = here.parent.parent.parent / "resources" / "icons"
sizes = [32, 64, 256]
pngs = {s: (icons / f"packguard-{s}.png").read_bytes() for s in sizes}

# ICO: little-endian; a width/height byte of 0 means 256.
header = struct.pack("<HHH", 0, 1, len(sizes))
offset = len(header) + 16 * len(sizes)
entries, data = b"", b""
for s in sizes:
    png = pngs[s]
    entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(png), offset + len(data))
    data += png
(here / "packguard.ico").write_bytes(header + entries + data)

# ICNS: big-endian; each element's length counts its own 8-byte header.
elements = b""
for kind, s in (("icp5", 32), ("icp6", 64), ("ic08", 256)):
    elements += kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[s])) + pngs[s]
(here / "packguard.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(elements)) + elements)
