"""The description of a security-group rule, the same text in every language.

``describe("ingress", "tcp", 443, 443, "10.0.0.0/16")`` → ``Allow HTTPS (tcp/443) from 10.0.0.0/16``.
The languages find the rule's parts (None where the file does not spell one out)
and render the text in their own string syntax.
"""

from __future__ import annotations

from typing import Optional, Union

# Well-known ports: the service a reader recognises.
SERVICES = {
    22: "SSH",
    25: "SMTP",
    53: "DNS",
    80: "HTTP",
    443: "HTTPS",
    1433: "SQL Server",
    1521: "Oracle",
    2049: "NFS",
    3306: "MySQL",
    3389: "RDP",
    5432: "PostgreSQL",
    5439: "Redshift",
    6379: "Redis",
    11211: "Memcached",
    27017: "MongoDB",
}

PROTOCOLS = {"6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", "-1": "all", "all": "all"}

Port = Optional[Union[int, str]]


def protocol_name(protocol: Union[None, int, str]) -> Optional[str]:
    """``tcp``/``udp``/``icmp``/``icmpv6``/``all`` for a protocol name or number, else None."""
    if protocol is None:
        return None
    p = str(protocol).strip().lower()
    return PROTOCOLS.get(p, p if p in ("tcp", "udp", "icmp", "icmpv6") else None)


def _port(value: Port) -> Optional[int]:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def traffic(protocol: Union[None, int, str], from_port: Port = None, to_port: Port = None) -> str:
    """What the rule lets through: ``HTTPS (tcp/443)``, ``tcp/8000-8080``, ``all traffic``, ``ICMP``."""
    proto = protocol_name(protocol)
    if proto == "all":
        return "all traffic"
    if proto in ("icmp", "icmpv6"):
        return proto.upper().replace("V6", "v6")
    lo, hi = _port(from_port), _port(to_port if to_port is not None else from_port)
    if proto is None:
        return "traffic" if lo is None else (f"port {lo}" if lo == hi or hi is None else f"ports {lo}-{hi}")
    if lo is None or hi is None:
        return f"{proto} traffic"
    if (lo, hi) in ((0, 65535), (1, 65535), (-1, -1)):
        return f"all {proto.upper()} ports"
    if lo == hi:
        service = SERVICES.get(lo)
        return f"{service} ({proto}/{lo})" if service else f"{proto}/{lo}"
    return f"{proto}/{lo}-{hi}"


def peer_text(peer: Optional[str]) -> Optional[str]:
    """A CIDR, a prefix list or a security group's name, as a reader says it."""
    if peer is None:
        return None
    if peer == "0.0.0.0/0":
        return "anywhere"
    if peer == "::/0":
        return "anywhere (IPv6)"
    return peer


def peers_text(names) -> Optional[str]:
    """Several peers of one rule, as a reader says them: ``0.0.0.0/0`` with ``::/0`` is
    anywhere, said once."""
    said = [peer_text(n) for n in names]
    if "anywhere" in said:
        said = [n for n in said if n != "anywhere (IPv6)"]
    return ", ".join(dict.fromkeys(said)) if said else None


def describe(direction: str, protocol: Union[None, int, str], from_port: Port = None, to_port: Port = None,
             peer: Optional[str] = None) -> str:
    """The rule's description. ``direction`` is ``ingress`` or ``egress``; ``peer`` is the
    CIDR or the name of the peer (a security group's logical id / variable / resource name,
    ``this security group`` for self-references), or None when the file does not say."""
    text = f"Allow {traffic(protocol, from_port, to_port)}"
    who = peer_text(peer)
    if who:
        text += f" {'from' if direction == 'ingress' else 'to'} {who}"
    return text[:255]
