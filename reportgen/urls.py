"""Domains of links: one reading for every reader and for the analysis."""

from __future__ import annotations


def domain_of(url: str) -> str:
    """The host of `url`, lowercased, without "www.", port or user info. Plain string work:
    a malformed URL from a scraped page gives its best guess, never an exception."""
    rest = url.split("://", 1)[1] if "://" in url else url
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1]
    return host.split(":", 1)[0].lower().removeprefix("www.")


def is_within(domain: str, site: str) -> bool:
    """`domain` is `site` or one of its subdomains ("de.rt.com" is within "rt.com")."""
    return domain == site or domain.endswith("." + site)
