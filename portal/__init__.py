"""The portal's project package. `portal.client_ip(request)` is the one way to read a
visitor's address (portal/clientip.py)."""

from portal.clientip import client_ip

__all__ = ["client_ip"]
