#!/usr/bin/env python3
"""Draws the three faces of each bundled client portrait.

    tools/portrait_moods.py scenarios/portraits/*.png

For every faceless avatar NAME.png it writes NAME.neutral.png, NAME.pleased.png and
NAME.displeased.png beside it (docs/scenario-format.md, "Portraits"): the same picture with eyes,
brows and a mouth drawn where its face is. The app shows the one that fits the client's mood on
the client card (core/play/client_mood.hpp). The source file is never changed, so running the
tool again gives the same files; files that already end in a mood are skipped.

Only the Python standard library is used (zlib for PNG), so it runs on any machine that builds
Rapport. A trainer with photographs draws their own three pictures instead.
"""
import struct
import sys
import zlib

MOODS = ("neutral", "pleased", "displeased")


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    pos, idat, palette = 8, b"", None
    width = height = depth = ctype = interlace = None
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = [tuple(body[i:i + 3]) for i in range(0, len(body), 3)]
        elif kind == b"IDAT":
            idat += body
    if depth != 8 or interlace != 0 or ctype not in (2, 3, 6):
        raise ValueError(f"{path}: only 8-bit non-interlaced RGB, RGBA or palette PNGs")
    bpp = {2: 3, 3: 1, 6: 4}[ctype]
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    pixels = []
    for line in rows:
        if ctype == 3:
            pixels.append([list(palette[v]) for v in line])
        else:
            pixels.append([list(line[x:x + 3]) for x in range(0, stride, bpp)])
    return pixels


def write_png(path, pixels):
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        out.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        out.write(chunk(b"IEND", b""))


def face_box(pixels):
    """The skin-coloured oval around the picture's centre: (left, top, right, bottom)."""
    h, w = len(pixels), len(pixels[0])
    skin = pixels[h * 45 // 100][w // 2]
    near = lambda p: sum(abs(p[i] - skin[i]) for i in range(3)) < 24
    cx = w // 2
    top = h * 45 // 100
    while top > 0 and near(pixels[top - 1][cx]):
        top -= 1
    mid = (top + h * 45 // 100) // 2 + h // 20
    left = right = cx
    while left > 0 and near(pixels[mid][left - 1]):
        left -= 1
    while right < w - 1 and near(pixels[mid][right + 1]):
        right += 1
    bottom = mid
    while bottom < h - 1 and near(pixels[bottom + 1][cx]):
        bottom += 1
    return left, top, right, bottom, skin


def blend(pixels, x, y, colour, cover):
    if cover <= 0 or not (0 <= y < len(pixels) and 0 <= x < len(pixels[0])):
        return
    p = pixels[y][x]
    for i in range(3):
        p[i] = round(p[i] * (1 - cover) + colour[i] * cover)


def fill(pixels, inside, bbox, colour, samples=4):
    """Anti-aliased fill of the shape `inside(x, y)` over the pixel box `bbox`."""
    x0, y0, x1, y1 = (int(v) for v in bbox)
    step = 1.0 / samples
    for y in range(y0, y1 + 1):
        for x in range(x0, x1 + 1):
            hits = sum(1 for sy in range(samples) for sx in range(samples)
                       if inside(x + (sx + 0.5) * step, y + (sy + 0.5) * step))
            blend(pixels, x, y, colour, hits / (samples * samples))


def stroke(pixels, points, width, colour):
    """An anti-aliased polyline of `width` through `points`."""
    r = width / 2

    def inside(px, py):
        for (ax, ay), (bx, by) in zip(points, points[1:]):
            dx, dy = bx - ax, by - ay
            t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy or 1)))
            qx, qy = ax + t * dx - px, ay + t * dy - py
            if qx * qx + qy * qy <= r * r:
                return True
        return False

    xs, ys = [p[0] for p in points], [p[1] for p in points]
    fill(pixels, inside, (min(xs) - r - 1, min(ys) - r - 1, max(xs) + r + 1, max(ys) + r + 1),
         colour)


def curve(cx, cy, half, bend, n=12):
    """Points of a parabola from cx-half to cx+half whose middle sits `bend` below the ends."""
    return [(cx + half * (2 * i / n - 1), cy + bend * (1 - (2 * i / n - 1) ** 2))
            for i in range(n + 1)]


def draw_face(pixels, mood):
    left, top, right, bottom, skin = face_box(pixels)
    fw, fh = right - left, bottom - top
    cx = (left + right) / 2
    eye_y = top + fh * 0.46
    dx = fw * 0.19
    dark = (58, 44, 40)
    brow = tuple(max(0, round(c * 0.45)) for c in skin)
    lip = (150, 78, 70)
    u = fw / 64  # the drawing was tuned on a face 64 px wide
    for side in (-1, 1):
        ex = cx + side * dx
        ry = 3.6 * u if mood != "pleased" else 3.0 * u
        fill(pixels, lambda x, y, ex=ex: ((x - ex) / (2.8 * u)) ** 2 + ((y - eye_y) / ry) ** 2 <= 1,
             (ex - 4 * u, eye_y - 5 * u, ex + 4 * u, eye_y + 5 * u), dark)
        by = eye_y - 8 * u
        inner, outer = ex - side * 4.5 * u, ex + side * 4.5 * u
        if mood == "pleased":  # raised, softly arched
            stroke(pixels, [(inner, by), (ex, by - 1.8 * u), (outer, by + 0.2 * u)], 1.9 * u, brow)
        elif mood == "displeased":  # drawn together and down at the middle
            stroke(pixels, [(inner, by + 1.7 * u), (outer, by - 0.5 * u)], 2.0 * u, brow)
        else:
            stroke(pixels, [(inner, by), (outer, by)], 1.9 * u, brow)
    mouth_y = top + fh * 0.72
    if mood == "pleased":
        stroke(pixels, curve(cx, mouth_y - 1.5 * u, 8.5 * u, 4.5 * u), 2.2 * u, lip)
        for side in (-1, 1):
            bx = cx + side * fw * 0.30
            fill(pixels, lambda x, y, bx=bx: ((x - bx) / (4.5 * u)) ** 2 +
                 ((y - (mouth_y - 6 * u)) / (2.6 * u)) ** 2 <= 1,
                 (bx - 5 * u, mouth_y - 9 * u, bx + 5 * u, mouth_y - 3 * u), (226, 150, 140))
    elif mood == "displeased":
        stroke(pixels, curve(cx, mouth_y + 2.0 * u, 6.5 * u, -2.8 * u), 2.2 * u, lip)
    else:
        stroke(pixels, [(cx - 6.5 * u, mouth_y), (cx + 6.5 * u, mouth_y)], 2.2 * u, lip)


def main(paths):
    written = 0
    for path in paths:
        if not path.endswith(".png") or any(path.endswith(f".{m}.png") for m in MOODS):
            continue
        base = read_png(path)
        for mood in MOODS:
            pixels = [[list(p) for p in row] for row in base]
            draw_face(pixels, mood)
            write_png(path[:-4] + f".{mood}.png", pixels)
            written += 1
    print(f"wrote {written} portraits")


if __name__ == "__main__":
    main(sys.argv[1:])
