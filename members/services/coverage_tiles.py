"""The regions of the coverage map drawn as a tile map: England's nine regions and Wales,
one square each, placed roughly where they lie (north at the top).

A tile map rather than outlines: every region gets the same space, so small London and
large South West are equally easy to read, click and label, and no boundary data is needed.
"""

from dataclasses import dataclass

from django.urls import reverse

TILE = 96  # the side of one tile in SVG units
GAP = 6

# slug: (column, row, the name as it is written on the tile, one line per item)
LAYOUT = {
    "north-east": (2, 0, ["North", "East"]),
    "north-west": (1, 1, ["North", "West"]),
    "yorkshire-and-the-humber": (2, 1, ["Yorkshire", "& Humber"]),
    "wales": (0, 2, ["Wales"]),
    "west-midlands": (1, 2, ["West", "Midlands"]),
    "east-midlands": (2, 2, ["East", "Midlands"]),
    "east-of-england": (3, 2, ["East of", "England"]),
    "south-west": (0, 3, ["South", "West"]),
    "south-east": (2, 3, ["South", "East"]),
    "london": (3, 3, ["London"]),
}
COLUMNS, ROWS = 4, 4


@dataclass
class Tile:
    name: str
    lines: list[str]
    count: int
    thin: bool
    level: int
    href: str
    x: int
    y: int

    @property
    def label(self) -> str:
        """What a screen reader hears for the tile, the same facts the tile shows."""
        thin = ", thin" if self.thin else ""
        return f"{self.name}: {self.count} organisation{'' if self.count == 1 else 's'}{thin}"

    @property
    def text_y(self) -> int:
        """Where the first line of the name sits, so name and count are centred together."""
        return self.y + TILE // 2 - 8 * len(self.lines) - 2


def tile_map(regions: list[dict], network=None) -> dict:
    """The tiles for the map from the coverage map's region rows ({term, count, thin}).

    Places without a tile (national, international) are left to the table beside the map."""
    directory = reverse("members:directory")
    suffix = f"&network={network.slug}" if network else ""
    placed = [row for row in regions if row["term"].slug in LAYOUT]
    highest = max((row["count"] for row in placed), default=0)
    tiles = []
    for row in placed:
        column, line, lines = LAYOUT[row["term"].slug]
        count = row["count"]
        level = 0 if not count or not highest else 1 + min(2, 3 * count // (highest + 1))
        tiles.append(
            Tile(
                name=row["term"].name,
                lines=lines,
                count=count,
                thin=row["thin"],
                level=level,
                href=f"{directory}?region={row['term'].slug}{suffix}",
                x=column * (TILE + GAP),
                y=line * (TILE + GAP),
            )
        )
    return {
        "tiles": tiles,
        "tile": TILE,
        "width": COLUMNS * (TILE + GAP) - GAP,
        "height": ROWS * (TILE + GAP) - GAP,
    }
