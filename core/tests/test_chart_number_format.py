"""The fan chart formats its thousands of points without calling format_number for each;
the shortcut must give exactly format_number's text."""

import random

from core.lib.charts import _short, format_number


def test_the_shortcut_matches_format_number():
    rng = random.Random(3)
    values = [0.0, -0.0, 5.0, 10.05, 99.95, -3.25, 0.04, -0.04, 100.0]
    values += [rng.uniform(-1e5, 1e5) for _ in range(5000)]
    for value in values:
        assert _short(f"{value:.1f}") == format_number(value), value
