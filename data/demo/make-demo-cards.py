#!/usr/bin/env python3
# SPDX-License-Identifier: CC0-1.0
"""Write the demo accounts' business cards: data/demo/<name>.vcf, vCard 4.0
with a photo drawn here (a head and shoulders on a coloured disc, 128 px
PNG).  The people are made up; the files are CC0 (see README.md).

The chat address says @localhost; build-aux/holboo puts the demo server's
domain in before publishing.

Usage: make-demo-cards.py [OUTPUT_DIR]   (default: this script's directory)
"""

import base64
import os
import struct
import sys
import zlib

SIZE = 128
SAMPLES = 3  # per axis, for smooth edges

PEOPLE = [
    # account, name, title, department, phones, e-mail, background, shirt
    ("alice", "Алиса Дорж", "Борлуулалтын менежер", "Борлуулалт",
     ["+976 7011 2233", "+976 9911 2233"], "alice@example.mn", (0x35, 0x84, 0xe4), (0x24, 0x1f, 0x31)),
    ("bat", "Бат-Эрдэнэ Ганбаатар", "Үйлчилгээний ахлах ажилтан", "Харилцагчийн үйлчилгээ",
     ["+976 7011 4455", "+976 8800 4455"], "bat@example.mn", (0x2e, 0xc2, 0x7e), (0x61, 0x35, 0x83)),
    ("saraa", "Сараа Түмэнбаяр", "Ахлах нягтлан бодогч", "Санхүү",
     ["+976 7011 6677", "+976 9595 6677"], "saraa@example.mn", (0xe6, 0x61, 0x00), (0x1a, 0x5f, 0xb4)),
]

SKIN = (0xf6, 0xd3, 0xb0)
HAIR = (0x3d, 0x38, 0x46)


def inside_ellipse(x, y, cx, cy, rx, ry):
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0


def colour_at(x, y, background, shirt):
    """The colour of one sample point, in a 0..1 square."""
    if inside_ellipse(x, y, 0.5, 1.02, 0.36, 0.30):
        return shirt
    if inside_ellipse(x, y, 0.5, 0.73, 0.09, 0.10):
        return SKIN  # neck
    if inside_ellipse(x, y, 0.5, 0.44, 0.19, 0.23):
        if y < 0.36 and inside_ellipse(x, y, 0.5, 0.38, 0.21, 0.19):
            return HAIR
        return SKIN
    if inside_ellipse(x, y, 0.5, 0.38, 0.21, 0.19):
        return HAIR
    return background


def png(background, shirt):
    rows = []
    for py in range(SIZE):
        row = bytearray([0])  # filter: none
        for px in range(SIZE):
            acc = [0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    c = colour_at((px + (sx + 0.5) / SAMPLES) / SIZE,
                                  (py + (sy + 0.5) / SAMPLES) / SIZE, background, shirt)
                    for i in range(3):
                        acc[i] += c[i]
            row.extend(v // (SAMPLES * SAMPLES) for v in acc)
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def fold(line):
    """RFC 6350 §3.2: lines of at most 75 octets, continued after CRLF + space."""
    data = line.encode("utf-8")
    out = []
    while len(data) > 75:
        cut = 75 if not out else 74
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # not inside a character
            cut -= 1
        out.append(data[:cut])
        data = data[cut:]
    out.append(data)
    return b"\r\n ".join(out).decode("utf-8")


def vcard(account, name, title, department, phones, email, background, shirt):
    photo = base64.b64encode(png(background, shirt)).decode("ascii")
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{name}",
        f"TITLE:{title}",
        f"ORG:Холбоо Демо ХХК;{department}",
    ]
    # As Holboo writes them: the number as the user typed it, after tel:.
    lines += [f'TEL;VALUE=uri;TYPE="work,voice":tel:{p}' for p in phones]
    lines += [
        f"EMAIL;TYPE=work:{email}",
        f"IMPP:xmpp:{account}@localhost",
        "URL:https://example.mn",
        "ADR;TYPE=work:;;Чингисийн өргөн чөлөө 12;Улаанбаатар;;;Монгол",
        f"PHOTO:data:image/png;base64,{photo}",
        "END:VCARD",
    ]
    return "".join(fold(l) + "\r\n" for l in lines)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for person in PEOPLE:
        path = os.path.join(out, f"{person[0]}.vcf")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(vcard(*person))
        print(path)


if __name__ == "__main__":
    main()
