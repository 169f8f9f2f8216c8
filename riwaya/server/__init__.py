"""The desk: REST API and Arabic right-to-left web pages over a riwaya database.

Run it with :func:`serve` (``riwaya serve``) or mount :func:`create_app` in any ASGI server.
"""

from riwaya.server.app import create_app, serve

__all__ = ["create_app", "serve"]
