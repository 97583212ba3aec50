import pytest

from core.registries import navigation


def test_entries_are_grouped_in_header_order_and_hidden_from_people_they_would_refuse(
    monkeypatch,
):
    monkeypatch.setattr(navigation, "_entries", {})
    navigation.register(
        navigation.NavEntry(
            "evidence", "Evidence", "x", navigation.STAFF_WORK, visible=lambda user: user == "staff"
        )
    )
    navigation.register(navigation.NavEntry("library", "Library", "x", navigation.EXPLORE, order=2))
    navigation.register(navigation.NavEntry("members", "Members", "x", navigation.EXPLORE, order=1))

    grouped = navigation.entries_for("visitor")

    assert [(group, [e.key for e in entries]) for group, entries in grouped] == [
        (navigation.EXPLORE, ["members", "library"])
    ]
    assert [group for group, _ in navigation.entries_for("staff")] == [
        navigation.EXPLORE,
        navigation.STAFF_WORK,
    ]


def test_an_unknown_group_is_refused_at_registration():
    with pytest.raises(ValueError, match="Unknown navigation group"):
        navigation.register(navigation.NavEntry("x", "X", "x", "Elsewhere"))
