"""Every parameter we could not source says on the page what we searched for, so a reader
can tell a figure we looked for and did not find from one nobody looked for."""

import pytest

from systemmodel.engine.parameters import PARAMETERS

UNSOURCED = [p for p in PARAMETERS if not p.source.found]


@pytest.mark.parametrize("parameter", UNSOURCED, ids=lambda p: p.name)
def test_the_note_says_what_we_searched_for(parameter):
    assert "We searched the stored material for" in parameter.note
    assert parameter.note.rstrip().endswith("did not find it.")
