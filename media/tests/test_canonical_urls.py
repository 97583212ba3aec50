import pytest

from media.ingest.canonical_urls import InvalidURL, canonical_url, host_of

CANONICAL = "https://www.example.co.uk/news/story"


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.example.co.uk/news/story",
        "http://www.example.co.uk/news/story",
        "HTTPS://WWW.Example.CO.UK/news/story",
        "https://www.example.co.uk/news/story/",
        "https://www.example.co.uk/news/story//",
        "https://www.example.co.uk:443/news/story",
        "http://www.example.co.uk:80/news/story",
        "https://www.example.co.uk/news/story#comments",
        "https://www.example.co.uk/news/story?utm_source=twitter&utm_medium=social",
        "https://www.example.co.uk/news/story?fbclid=IwAR0abc",
        "https://www.example.co.uk/news/story?gclid=xyz&mc_cid=1&mc_eid=2&ref=home",
        "https://www.example.co.uk/news/story?UTM_Campaign=spring",
        "  https://www.example.co.uk/news/story  ",
        "//www.example.co.uk/news/story",
        "https://www.example.co.uk./news/story",
    ],
)
def test_variants_of_one_address_are_one_address(variant):
    assert canonical_url(variant) == CANONICAL


def test_remaining_query_parameters_are_kept_and_sorted():
    assert (
        canonical_url("https://example.com/story?page=2&id=7&utm_source=x")
        == "https://example.com/story?id=7&page=2"
    )


def test_blank_query_values_are_kept():
    assert canonical_url("https://example.com/story?print") == "https://example.com/story?print="


def test_path_case_and_www_are_kept_as_given():
    # Paths can be case-sensitive, and a site may serve only one of www and the bare domain.
    assert canonical_url("https://example.com/News/Story") == "https://example.com/News/Story"
    assert canonical_url("https://example.com/a") != canonical_url("https://www.example.com/a")


def test_other_ports_are_kept():
    assert canonical_url("http://example.com:8080/a") == "https://example.com:8080/a"


def test_percent_encoding_is_made_consistent():
    assert canonical_url("https://example.com/a b") == canonical_url("https://example.com/a%20b")


def test_site_root_has_no_trailing_slash():
    assert canonical_url("https://example.com/") == "https://example.com"


def test_international_names_are_encoded():
    assert canonical_url("https://bücher.example/a") == "https://xn--bcher-kva.example/a"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "not a url",
        "ftp://example.com/file",
        "javascript:alert(1)",
        "mailto:someone@example.com",
        "https://",
        "https://exa mple.com/a",
        "https://example.com:99999/a",
        "https://example.com/" + "a" * 1000,
    ],
)
def test_addresses_that_cannot_be_articles_are_refused(bad):
    with pytest.raises(InvalidURL):
        canonical_url(bad)


def test_host_of_drops_www():
    assert host_of("https://www.example.co.uk/a") == "example.co.uk"
