"""Sample data shipped inside the package: the five seed articles of the reference story."""

from __future__ import annotations

import json
from importlib import resources

from riwaya.model import RawDocument


def seed_documents() -> list[RawDocument]:
    """The five seed articles (the WSJ report on Musk and Putin, relayed by five
    outlets, and a follow-up), with the publication dates the gold reconstruction
    takes for them (seeds/published.json).

    >>> [d.published for d in seed_documents()]
    ['2024-10-25', '2024-10-25', '2024-10-25', '2024-11-08', '2024-10-25']
    """
    folder = resources.files("riwaya.samples").joinpath("seeds")
    published = json.loads(folder.joinpath("published.json").read_text("utf-8"))
    return [
        RawDocument(source=f"seeds/{name}", text=folder.joinpath(name).read_text("utf-8"), published=published[name])
        for name in sorted(published)
    ]
