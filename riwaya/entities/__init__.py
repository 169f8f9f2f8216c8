"""Named entities: a CRF recognizer (PER, ORG, LOC, MISC) trained on public Arabic NER
data with gazetteer features, and the grouping of name variants across a story."""

from riwaya.entities.canonical import CanonicalEntity, canonical_entities
from riwaya.entities.evaluate import Score, evaluate_conll
from riwaya.entities.tagger import EntityMention, find_entities, tag_tokens

__all__ = [
    "CanonicalEntity",
    "EntityMention",
    "Score",
    "canonical_entities",
    "evaluate_conll",
    "find_entities",
    "tag_tokens",
]
