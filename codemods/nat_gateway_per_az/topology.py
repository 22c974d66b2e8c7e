"""The NAT routing of a VPC written as raw resources, the same in every language: which
private subnets (those whose route table sends 0.0.0.0/0 to a NAT gateway) reach the
internet through which gateway, and in which availability zones they are.

A zone is known only as the file states it: ``("name", "eu-west-1a")``, ``("id", "euw1-az1")``
or ``("index", <region>, n)`` (the n-th zone of a region's zone list: CloudFormation
``!Select [n, !GetAZs ""]``, Terraform ``data.aws_availability_zones.x.names[n]``). Two
zones differ for sure only when written the same way and different; a subnet whose
zone the file does not state has none (it neither makes nor spoils a finding).
"""

from __future__ import annotations

from typing import Dict, Hashable, Iterable, List, Optional, Set, Tuple

Zone = Tuple  # ("name", str) | ("id", str) | ("index", region key, int)

DEFAULT_ROUTE = "0.0.0.0/0"


def zonal(mode) -> bool:
    """Is a NAT gateway of this ``AvailabilityMode`` (``availability_mode``) one zone's? The
    default, ``zonal``, is; a ``regional`` gateway spans the VPC's zones (it is compliant),
    and a mode the file does not spell out is the author's (``None``: absent)."""
    return mode is None or (isinstance(mode, str) and mode.lower() == "zonal")


def distinct(zones: Iterable[Zone]) -> List[Zone]:
    """The zones that differ for sure from each other: the largest group of one spelling
    (none of two different spellings is known to differ from the other)."""
    by_kind: Dict[Hashable, Set[Zone]] = {}
    for z in zones:
        key = (z[0], z[1]) if z[0] == "index" else (z[0],)  # indexes: of the same region list
        by_kind.setdefault(key, set()).add(z)
    best: List[Zone] = []
    for group in by_kind.values():
        if len(group) > len(best):
            best = sorted(group, key=str)
    return best


def shown(zones: List[Zone]) -> str:
    """How a message names the zones: their names, else their positions in the zone list."""
    if zones and zones[0][0] == "index":
        return "the region's zones " + ", ".join(f"#{z[2]}" for z in zones)
    return ", ".join(str(z[1]) for z in zones)


def shared_gateways(routes: Iterable[Tuple[Hashable, Hashable]],
                    associations: Iterable[Tuple[Hashable, Hashable]],
                    zones: Dict[Hashable, Optional[Set[Zone]]]) -> Dict[Hashable, List[Zone]]:
    """NAT gateway → the zones (two or more, different for sure) of the private subnets
    routed through it. ``routes``: (route table, NAT gateway) of each default route to a
    gateway; ``associations``: (route table, subnet); ``zones``: subnet → its zones (a
    counted subnet may have several), None when unknown."""
    tables: Dict[Hashable, Set[Hashable]] = {}
    for table, nat in routes:
        tables.setdefault(table, set()).add(nat)
    served: Dict[Hashable, Set[Zone]] = {}
    for table, subnet in associations:
        for nat in tables.get(table, ()):
            served.setdefault(nat, set()).update(zones.get(subnet) or ())
    out = {}
    for nat, zs in served.items():
        d = distinct(zs)
        if len(d) >= 2:
            out[nat] = d
    return out


def message(nat: str, zones: List[Zone]) -> str:
    return (f"NAT gateway '{nat}' serves the private subnets of {len(zones)} availability zones "
            f"({shown(zones)}): a gateway per zone needs, in each other zone, an Elastic IP, a public "
            f"subnet and a route table of its own (not written by iacfix)")
