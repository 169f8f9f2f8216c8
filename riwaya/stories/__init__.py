"""Across articles: fingerprints and copies, online event clustering, story threads."""

from riwaya.stories.clustering import ClusterReport, EventClusterer, place_pending, recluster

__all__ = ["ClusterReport", "EventClusterer", "place_pending", "recluster"]
