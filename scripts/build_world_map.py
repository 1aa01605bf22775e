"""Build `src/sukien/web/static/world.svg`: country outlines in an equirectangular projection.

The shapes are Natural Earth's 1:110m countries (public domain) as the `pyogrio` wheel ships them
among its test fixtures; `pyshp` reads them. Only this script needs the two packages
(`pip install pyogrio pyshp`); the SVG it writes is committed, so nothing is fetched at run time.
The projection is the one `sukien.shells.web.geo.project` uses for markers: x = lon + 180, y = 90 - lat.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import shapefile  # pyshp

OUT = Path(__file__).resolve().parents[1] / "src" / "sukien" / "web" / "static" / "world.svg"
DECIMALS = 1  # a tenth of a degree: about 11 km, finer than a 1:110m outline shows
MIN_RING_POINTS = 4


def fixture() -> Path:
    folder = resources.files("pyogrio").joinpath("tests", "fixtures", "naturalearth_lowres")
    return Path(str(folder.joinpath("naturalearth_lowres.shp")))


def ring_path(points: list[tuple[float, float]]) -> str:
    coords = []
    for lon, lat in points:
        x, y = round(lon + 180, DECIMALS), round(90 - lat, DECIMALS)
        if not coords or coords[-1] != (x, y):
            coords.append((x, y))
    if len(coords) < MIN_RING_POINTS:
        return ""
    head, *rest = coords
    return f"M{head[0]:g} {head[1]:g}" + "".join(f"L{x:g} {y:g}" for x, y in rest) + "Z"


def country_paths(reader: shapefile.Reader) -> list[str]:
    fields = [f[0] for f in reader.fields[1:]]
    paths = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        data = dict(zip(fields, record, strict=True))
        parts = list(shape.parts) + [len(shape.points)]
        rings = "".join(ring_path(shape.points[a:b]) for a, b in zip(parts, parts[1:], strict=False))
        if rings:
            code = str(data.get("iso_a3", "")).strip()
            name = str(data.get("name", "")).replace("&", "&amp;").replace('"', "&quot;")
            paths.append(f'<path id="c-{code}" data-name="{name}" d="{rings}"/>')
    return paths


def main() -> None:
    reader = shapefile.Reader(str(fixture()))
    paths = country_paths(reader)
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" width="360" height="180">\n'
        "<!-- Natural Earth 1:110m countries (public domain); x = lon + 180, y = 90 - lat -->\n"
        '<rect width="360" height="180" fill="#eef4f8"/>\n'
        '<g fill="#d9d4c7" stroke="#ffffff" stroke-width="0.15">\n' + "\n".join(paths) + "\n</g>\n</svg>\n"
    )
    OUT.write_text(svg, encoding="utf-8")
    print(f"{OUT}: {len(paths)} countries, {len(svg) // 1024} KiB")


if __name__ == "__main__":
    main()
