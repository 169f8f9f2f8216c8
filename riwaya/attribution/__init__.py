"""Attribution and isnad: who said what, on whose word, and how many independent origins."""

from riwaya.attribution.chains import chain, format_chain
from riwaya.attribution.evaluate import evaluate_attribution
from riwaya.attribution.origins import independent_origins, origin_groups
from riwaya.model import Link, Statement
from riwaya.attribution.statements import find_statements

__all__ = ["Link", "Statement", "chain", "evaluate_attribution", "find_statements", "format_chain",
           "independent_origins", "origin_groups"]
