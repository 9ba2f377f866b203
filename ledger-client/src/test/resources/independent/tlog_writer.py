#!/usr/bin/env python3
"""An independent writer of a C2SP tlog-tiles log directory, used by the station's tests.

It shares no code with PackGuard's Java tile writer: the station must mirror any tlog-tiles
log, so its tests sync a directory written from the spec alone and served by nginx.

usage: tlog_writer.py ENTRIES_FILE OUT_DIR
ENTRIES_FILE holds the entries, each as a 4-byte big-endian length and the bytes.
Writes tile/<L>/<N>[.p/<W>] and tile/entries/<N>[.p/<W>] (no checkpoint: the caller signs it),
and prints "<size> <base64 root hash>".
"""
import base64
import hashlib
import os
import struct
import sys

WIDTH = 256


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()  # RFC 6962 section 2.1


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def tile_index_path(n):
    """N as 3-digit groups, every group but the last prefixed with x (tlog-tiles)."""
    groups = []
    while True:
        groups.append("%03d" % (n % 1000))
        n //= 1000
        if n == 0:
            break
    groups.reverse()
    return "/".join(["x" + g for g in groups[:-1]] + [groups[-1]])


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def root_of(levels, lo, hi):
    """MTH of leaves [lo, hi) using complete subtrees from levels (RFC 6962 section 2.1)."""
    n = hi - lo
    if n == 0:
        return hashlib.sha256(b"").digest()
    height = n.bit_length() - 1
    if n == 1 << height and lo % n == 0:
        return levels[height][lo >> height]
    k = 1 << ((n - 1).bit_length() - 1)
    return node_hash(root_of(levels, lo, lo + k), root_of(levels, lo + k, hi))


def main():
    entries_file, out = sys.argv[1], sys.argv[2]
    raw = open(entries_file, "rb").read()
    entries, at = [], 0
    while at < len(raw):
        (length,) = struct.unpack(">I", raw[at:at + 4])
        entries.append(raw[at + 4:at + 4 + length])
        at += 4 + length
    size = len(entries)
    levels = [[leaf_hash(e) for e in entries]]
    while len(levels[-1]) >= 2:
        below = levels[-1]
        levels.append([node_hash(below[2 * i], below[2 * i + 1]) for i in range(len(below) // 2)])

    # entry bundles: uint16 big-endian length + entry, 256 per bundle, the last one partial
    for start in range(0, size, WIDTH):
        chunk = entries[start:start + WIDTH]
        body = b"".join(struct.pack(">H", len(e)) + e for e in chunk)
        suffix = "" if len(chunk) == WIDTH else ".p/%d" % len(chunk)
        write(os.path.join(out, "tile/entries", tile_index_path(start // WIDTH) + suffix), body)

    # Merkle tiles: level L holds the hashes at tree height 8L, 256 per tile
    level = 0
    while True:
        height = 8 * level
        if height >= len(levels) or not levels[height]:
            break
        hashes = levels[height]
        for start in range(0, len(hashes), WIDTH):
            chunk = hashes[start:start + WIDTH]
            suffix = "" if len(chunk) == WIDTH else ".p/%d" % len(chunk)
            write(os.path.join(out, "tile", str(level), tile_index_path(start // WIDTH) + suffix), b"".join(chunk))
        level += 1

    print(size, base64.b64encode(root_of(levels, 0, size)).decode())


if __name__ == "__main__":
    main()
