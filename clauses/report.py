"""Render a report context (a pydantic model) through the one Jinja environment, to HTML or PDF.

Clause texts are untrusted input: every template is autoescaped, a missing variable is an
error, and the PDF renderer fetches nothing but the package's own stylesheet and fonts.
"""

from __future__ import annotations

import mimetypes
import re
from functools import cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

import jinja2
import markupsafe
from pydantic import BaseModel

from clauses.collector import cycle_collector_paused
from clauses.display import citation, format_date, party_name, percent
from clauses.errors import ClausesError
from clauses.models import split_clause_id
from clauses.resources import asset_dir
from clauses.text.invisible import show_bidi

STRENGTH_COLOURS = {
    "firm": "#1b5e20",
    "intent": "#4c9a52",
    "support": "#a5d6a7",
    "optional": "#fff59d",
    "none": "#eeeeee",
}
"""Heat-map colour of each strength, firmest darkest (colour-blind safe single hue + yellow)."""

STRENGTH_INK = {"firm": "#ffffff", "intent": "#ffffff"}
"""Text colour on the dark strengths; the others take the default dark ink."""


def templates_dir() -> Path:
    return asset_dir("templates").resolve()


@cache
def environment() -> jinja2.Environment:
    """The one Jinja environment: autoescape everywhere, a missing variable is a bug."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_visible_bidi,
    )
    env.filters.update(
        anchor=clause_anchor,
        citation=lambda clause_id: citation(split_clause_id(clause_id).path),
        date=format_date,
        category_name=category_name,
        party_name=party_name,
        percent=percent,
        mm=lambda value: f"{value:.2f}",
        strength_colour=lambda s: STRENGTH_COLOURS.get(str(s), STRENGTH_COLOURS["none"]),
        strength_ink=lambda s: STRENGTH_INK.get(str(s), "#212121"),
    )
    env.globals.update(strength_colours=STRENGTH_COLOURS)
    return env


def _visible_bidi(value: Any) -> Any:
    """Every text printed shows its bidirectional controls: a quote cannot be made to read backwards."""
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return show_bidi(value)
    return value


def render(template: str, context: BaseModel, fmt: Literal["html", "pdf"]) -> bytes:
    """Render ``template`` with the fields of ``context`` as variables (and ``report`` = the model)."""
    html = render_html(template, context)
    if fmt == "html":
        return html.encode("utf-8")
    if fmt == "pdf":
        return html_to_pdf(html)
    raise ClausesError(f"unknown report format {fmt!r} (html or pdf)")


def render_html(template: str, context: BaseModel) -> str:
    variables: dict[str, Any] = {name: getattr(context, name) for name in type(context).model_fields}
    variables["report"] = context
    try:
        return environment().get_template(template).render(variables)
    except jinja2.TemplateNotFound as error:
        raise ClausesError(f"no such template: {error.name}", templates_dir()) from None


def html_to_pdf(html: str) -> bytes:
    """WeasyPrint, imported here only: it is heavy and most commands never need it."""
    import logging
    import warnings

    with warnings.catch_warnings():
        # WeasyPrint warns at import when the system lacks libharfbuzz-subset (it then subsets with
        # fontTools): a packaging note for the machine, not something a report reader can act on.
        warnings.simplefilter("ignore", DeprecationWarning)
        from weasyprint import HTML

    # WeasyPrint logs every refused URL and unknown CSS property as a warning; the refusals are the point.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    base = templates_dir()
    with cycle_collector_paused():  # a layout makes many short-lived boxes, no cycles
        document = HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=_package_fetcher(base))
        # PDF/UA: a tagged PDF (headings, tables, lists, reading order) a screen reader can follow
        return document.write_pdf(pdf_variant="pdf/ua-1")


def _package_fetcher(root: Path) -> Any:
    """A URL fetcher serving files under ``root`` and refusing every other URL, without any I/O."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PackageOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            path = package_path(url, root)
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})

    return PackageOnlyFetcher(allowed_protocols=("file",), fail_on_errors=False)


def package_path(url: str, root: Path) -> Path:
    """The file a ``file://`` URL names, if it lies inside ``root``; ValueError for anything else."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise ValueError(f"refused (not a package asset): {url[:80]}")
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise ValueError(f"refused (outside the package's templates): {url[:80]}")
    return path


@jinja2.pass_context
def category_name(context: jinja2.runtime.Context, category_id: str) -> str:
    """A category's name from the ``labels`` the report context carries (the taxonomy's): no second table."""
    return context["labels"][category_id]


def clause_anchor(clause_id: str) -> str:
    """An HTML id for a clause id, one-to-one: characters other than [A-Za-z0-9-] become _hex_."""
    return "clause-" + re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group()):x}_", clause_id)
