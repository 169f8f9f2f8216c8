"""riwaya (رواية: an account) reconstructs news stories from many outlets, Arabic first."""

from riwaya.errors import IngestError, NotFound, RiwayaError
from riwaya.model import Article, DateMention, NumberMention, Provenance, RawDocument, Sentence, Span

__all__ = [
    "Article",
    "DateMention",
    "IngestError",
    "NotFound",
    "NumberMention",
    "Provenance",
    "RawDocument",
    "RiwayaError",
    "Sentence",
    "Span",
]
__version__ = "0.1.0"
