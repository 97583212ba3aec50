"""One address per article, however a feed, a share button or a newsletter spelled it.

Two links to the same story differ in the scheme, the case of the host, a default port, a
trailing slash, a fragment or the tracking parameters added by newsletters and social sites.
`canonical_url` removes those differences so duplicates can be found by address alone.
"""

from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

MAX_URL_LENGTH = 1000

# Parameters that say where a reader came from, never which story they read.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ref",
        "ref_src",
        "referrer",
        "cmpid",
        "cmp",
        "ito",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "_ga",
        "_gl",
        "amp",
        "s_cid",
        "xtor",
        "spm",
    }
)
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "hsa_", "oly_")

DEFAULT_PORTS = {"http": 80, "https": 443}


class InvalidURL(ValueError):
    """The text is not a web address an article could live at."""


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)


def _clean_path(path: str) -> str:
    # Re-quote so that /a%20b and /a b are one address, keeping the characters paths use.
    path = quote(unquote(path), safe="/:@!$&'()*+,;=-._~%")
    path = path.rstrip("/")
    return path or ""


def canonical_url(url: str) -> str:
    """The normalised form of an article's address.

    https is preferred (a news site that serves both serves the same story on both), the host
    is lower-cased and keeps its "www." as given (outlets differ on whether the bare domain
    works, and Outlet.domains matches both), default ports, fragments, tracking parameters and
    trailing slashes are dropped, and the remaining query parameters are sorted.
    Raises InvalidURL for anything that is not an http(s) address.
    """
    text = (url or "").strip()
    if not text:
        raise InvalidURL("The address is empty.")
    if len(text) > MAX_URL_LENGTH:
        raise InvalidURL(f"The address is longer than {MAX_URL_LENGTH} characters.")
    if text.startswith("//"):
        text = "https:" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise InvalidURL(f"The address could not be read ({error}).") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise InvalidURL("The address must start with http:// or https://.")
    host = (parts.hostname or "").rstrip(".")
    if not host or " " in host:
        raise InvalidURL("The address has no web site name.")
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise InvalidURL("The web site name in the address is not valid.") from None
    netloc = host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc = f"{host}:{port}"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(name)
    )
    canonical = urlunsplit(("https", netloc, _clean_path(parts.path), urlencode(query), ""))
    if len(canonical) > MAX_URL_LENGTH:
        raise InvalidURL(f"The address is longer than {MAX_URL_LENGTH} characters.")
    return canonical


def host_of(url: str) -> str:
    """The site name of a canonical address without a leading "www.", for matching outlets."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
