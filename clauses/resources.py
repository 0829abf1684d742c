"""Where the package's own files live, installed from a wheel or run from a checkout."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def asset_dir(name: str) -> Path:
    """The folder ``templates`` or ``agreements``.

    A wheel carries them inside the package (see pyproject's force-include);
    a source checkout keeps them at the top of the repository.
    """
    packaged = PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / name


def data_file(name: str) -> Path:
    """A data file shipped in ``clauses/data``."""
    return PACKAGE_DIR / "data" / name
