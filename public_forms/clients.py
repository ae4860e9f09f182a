"""Who is asking: the real client address behind the proxies in TRUSTED_PROXIES."""

import ipaddress

from django.conf import settings


def _address(value):
    try:
        return ipaddress.ip_address(value.strip().split("%", 1)[0])
    except ValueError:
        return None


def _trusted(address):
    return any(address in network for network in settings.TRUSTED_PROXIES)


def client_address(request):
    """The first address, read from the right of X-Forwarded-For, that is not a trusted proxy.
    A client can put anything at the left of that header; only what a trusted proxy appended
    is believed, and without a trusted proxy in front the header is ignored altogether."""
    peer = _address(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return "unknown"
    if not _trusted(peer):
        return str(peer)
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # garbage left of the proxies: the last trusted hop is all we know
        if not _trusted(address):
            return str(address)
        peer = address
    return str(peer)


def client_key(request):
    """What a rate limit counts by: the address, or its /64 for IPv6, which one household or
    one server usually holds whole."""
    address = _address(client_address(request))
    if address is None:
        return "unknown"
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def client_network(request):
    """The client's network, coarser than its address (IPv4 /24, IPv6 /48): what a burst of
    votes from one place shares, and little enough to keep about a person."""
    address = _address(client_address(request))
    if address is None:
        return ""
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))
