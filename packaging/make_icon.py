"""Draw the application icon: a magnifying glass over a parcel, in the application's colours.

    python packaging/make_icon.py   # writes resources/icons/inspector-<size>.png, .ico, .icns

Drawn once at 1024 px with Pillow and scaled down, so every size comes from one drawing; the
outputs are committed (the build does not need Pillow's drawing at packaging time).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

#: PNG sizes written (the .ico takes 16-256, the .icns 16-512 and its @2x variants).
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: The workbooks' header navy, the parcel's cardboard, the tape, the lens and the handle.
NAVY = (47, 75, 110, 255)  # 2F4B6E, as reports/xlsx_safe.py HEADER_FILL
CARDBOARD = (214, 163, 98, 255)
CARDBOARD_DARK = (176, 126, 66, 255)
CARDBOARD_TOP = (232, 190, 130, 255)
TAPE = (246, 232, 196, 255)
LENS = (214, 235, 250, 200)
HANDLE = (32, 48, 70, 255)
CHECK = (46, 160, 90, 255)
S = 1024


def draw() -> Image.Image:
    img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # A rounded navy tile as the background (reads well on light and dark panels).
    d.rounded_rectangle((40, 40, S - 40, S - 40), radius=200, fill=NAVY)
    # The parcel, in a light isometric view: front, side and top faces.
    front = [(170, 430), (560, 540), (560, 880), (170, 770)]
    side = [(560, 540), (850, 430), (850, 770), (560, 880)]
    top = [(170, 430), (460, 320), (850, 430), (560, 540)]
    d.polygon(front, fill=CARDBOARD)
    d.polygon(side, fill=CARDBOARD_DARK)
    d.polygon(top, fill=CARDBOARD_TOP)
    # Tape across the top and down the front.
    d.polygon([(300, 380), (350, 361), (740, 472), (690, 492)], fill=TAPE)
    d.polygon([(345, 480), (395, 494), (395, 600), (345, 586)], fill=TAPE)
    for face in (front, side, top):
        d.line([*face, face[0]], fill=HANDLE, width=10, joint="curve")
    # The magnifying glass over the parcel's corner: handle first, then the lens and rim.
    cx, cy, r = 600, 420, 215
    d.line([(cx + 150, cy + 150), (cx + 330, cy + 330)], fill=HANDLE, width=80)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=LENS)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(255, 255, 255, 255), width=44)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=HANDLE, width=12)
    # The inspector's verdict inside the lens: a check mark.
    d.line([(cx - 105, cy + 5), (cx - 25, cy + 85), (cx + 115, cy - 75)], fill=CHECK, width=52,
           joint="curve")
    return img


def write(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    big = draw()
    written = []
    for size in SIZES:
        path = out / f"inspector-{size}.png"
        big.resize((size, size), Image.Resampling.LANCZOS).save(path, optimize=True)
        written.append(path)
    ico = out / "inspector.ico"
    big.save(ico, sizes=[(s, s) for s in SIZES if s <= 256])
    icns = out / "inspector.icns"
    big.resize((1024, 1024), Image.Resampling.LANCZOS).save(icns)
    return [*written, ico, icns]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "resources" / "icons"
    for p in write(target):
        print(p)
