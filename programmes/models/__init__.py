"""The programmes app's records: the leadership programme (leadership.py) and youth
participation with its safeguarding log (youth.py)."""

from programmes.models.leadership import *  # noqa: F403
from programmes.models.youth import *  # noqa: F403
