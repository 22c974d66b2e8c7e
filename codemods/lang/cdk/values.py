"""How CDK Python writes the catalog's neutral values, and how they are read back.

A ``Codec`` belongs to one native property: ``decode`` turns the argument's expression
into the neutral value (``ABSENT`` when it says nothing about the property, ``UNKNOWN``
when the file cannot know it), ``encode`` writes a neutral value (a ``FixError`` when
it cannot be written).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Tuple

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.codemods.lang.cdk.render import Call, Renderer
from iacfix.codemods.spec import ABSENT, UNKNOWN, same
from iacfix.core import FixError
from iacfix.transforms.python import PythonDoc


@dataclass(frozen=True)
class Ref:
    """The file's only resource of a kind (``spec.TheOnly``): its variable and class."""

    target: str
    qualname: str
    attr: str  # which identifier: "arn", "key_id"


# Which attribute of a construct gives a neutral identifier (``TheOnly(kind, attr)``).
ATTRIBUTES = {
    ("aws_cdk.aws_kms.Key", "key_id"): "key_id",
    ("aws_cdk.aws_kms.Key", "arn"): "key_arn",
    ("aws_cdk.aws_kms.CfnKey", "key_id"): "attr_key_id",
    ("aws_cdk.aws_kms.CfnKey", "arn"): "attr_arn",
}


class Codec:
    def decode(self, doc: PythonDoc, node: cst.BaseExpression) -> Any:
        raise NotImplementedError

    def encode(self, value: Any, r: Renderer) -> str:
        raise NotImplementedError

    def can_encode(self, value: Any) -> bool:
        return True


class Literal(Codec):
    """Python literals: what an L1 construct (and most L2 properties) take as they are."""

    def decode(self, doc, node):
        return literal(node)

    def encode(self, value, r):
        if isinstance(value, Ref):
            attr = ATTRIBUTES.get((value.qualname, value.attr))
            if attr is None:
                raise FixError(f"no {value.attr} attribute known for {value.qualname}")
            return f"{value.target}.{attr}"
        return r.value(value)

    def can_encode(self, value):
        return not isinstance(value, Ref) or (value.qualname, value.attr) in ATTRIBUTES


LITERAL = Literal()


def literal(node: Optional[cst.BaseExpression]) -> Any:
    """The value of a literal (bool, number, string, list of them), ``ABSENT`` for None,
    else ``UNKNOWN``."""
    if node is None:
        return ABSENT
    if isinstance(node, cst.Name) and node.value == "None":
        return ABSENT
    b = common.boolean(node)
    if b is not None:
        return b
    n = common.number(node)
    if n is not None:
        return int(n) if n.is_integer() and not isinstance(node, cst.Float) else n
    s = common.string(node)
    if s is not None:
        return s
    if isinstance(node, (cst.List, cst.Tuple)):
        out = []
        for el in node.elements:
            v = literal(el.value) if isinstance(el, cst.Element) else UNKNOWN
            if v is UNKNOWN or v is ABSENT:
                return UNKNOWN
            out.append(v)
        return out
    return UNKNOWN


def member_of(doc: PythonDoc, node: cst.BaseExpression, cls: str) -> Optional[str]:
    """``SQS_MANAGED`` when ``node`` names ``<cls>.SQS_MANAGED``, else None."""
    if isinstance(node, cst.Attribute) and node.attr.value.isupper():
        for q in doc.qualified_names(node):
            if q.startswith(cls + ".") and "." not in q[len(cls) + 1:]:
                return q[len(cls) + 1:]
    return None


@dataclass(frozen=True)
class Enum(Codec):
    """Members of an enum class; ``table`` pairs neutral values with member names (a
    member not in it reads as its own name), ``others``: what other members read as
    (``ABSENT``: they are about another property)."""

    cls: str
    table: Tuple[Tuple[Any, str], ...] = ()
    others: Any = None

    def decode(self, doc, node):
        m = member_of(doc, node, self.cls)
        if m is None:
            return UNKNOWN
        for neutral, name in self.table:
            if name == m:
                return neutral
        return m if self.others is None else self.others

    def encode(self, value, r):
        name = self.member(value)
        if name is None:
            raise FixError(f"{self.cls.rpartition('.')[2]} has no member for {value!r}")
        return r.ref(f"{self.cls}.{name}")

    def member(self, value) -> Optional[str]:
        for neutral, name in self.table:
            if neutral is not UNKNOWN and neutral is not ABSENT and same(value, neutral):
                return name
        if isinstance(value, str) and value.isupper() and self.others is None:
            return value  # members named as the neutral values (kms.KeySpec.RSA_2048)
        return None

    def can_encode(self, value):
        return self.member(value) is not None


@dataclass(frozen=True)
class Mapped(Codec):
    """A literal that stands for a neutral value (``container_insights=True`` for "enabled")."""

    table: Tuple[Tuple[Any, Any], ...]

    def decode(self, doc, node):
        v = literal(node)
        if v is UNKNOWN or v is ABSENT:
            return v
        for neutral, native in self.table:
            if same(v, native):
                return neutral
        return UNKNOWN

    def encode(self, value, r):
        for neutral, native in self.table:
            if same(value, neutral):
                return r.value(native)
        raise FixError(f"cannot write {value!r}")

    def can_encode(self, value):
        return any(same(value, neutral) for neutral, _ in self.table)


SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}


@dataclass(frozen=True)
class Duration(Codec):
    """``Duration.<unit>(n)`` for a neutral number of ``base`` units (seconds, hours, days);
    written in ``unit``, or in the largest whole unit when ``unit`` is empty."""

    base: str
    unit: str = ""

    def decode(self, doc, node):
        if not isinstance(node, cst.Call) or len(node.args) != 1 or node.args[0].keyword is not None:
            return UNKNOWN
        n = common.number(node.args[0].value)
        if n is None:
            return UNKNOWN
        for q in doc.qualified_names(node.func):
            unit = q[len("aws_cdk.Duration."):] if q.startswith("aws_cdk.Duration.") else None
            if unit in SECONDS:
                v = n * SECONDS[unit] / SECONDS[self.base]
                return int(v) if float(v).is_integer() else v
        return UNKNOWN

    def encode(self, value, r):
        seconds = int(value) * SECONDS[self.base]
        if self.unit:
            return r.value(Call(f"aws_cdk.Duration.{self.unit}", seconds // SECONDS[self.unit]))
        for unit in ("hours", "minutes"):  # 60 → Duration.minutes(1)
            if seconds % SECONDS[unit] == 0:
                return r.value(Call(f"aws_cdk.Duration.{unit}", seconds // SECONDS[unit]))
        return r.value(Call("aws_cdk.Duration.seconds", seconds))


@dataclass(frozen=True)
class Retention(Codec):
    """``logs.RetentionDays.ONE_MONTH`` for 30 days, ``INFINITE`` for 0 (never expire)."""

    def decode(self, doc, node):
        m = member_of(doc, node, "aws_cdk.aws_logs.RetentionDays")
        if m is None:
            return UNKNOWN
        if m == "INFINITE":
            return 0
        days = {v: k for k, v in common.RETENTION_DAYS.items()}.get(m)
        return UNKNOWN if days is None else days

    def encode(self, value, r):
        days = int(value)
        name = "INFINITE" if days == 0 else common.RETENTION_DAYS.get(days)
        if name is None:
            raise FixError(f"CloudWatch Logs has no {value}-day retention period")
        return r.ref(f"aws_cdk.aws_logs.RetentionDays.{name}")


@dataclass(frozen=True)
class Implies(Codec):
    """Any value of this argument means ``value`` for the property (an encryption key
    implies encryption); only read."""

    value: Any

    def decode(self, doc, node):
        return ABSENT if literal(node) is ABSENT else self.value

    def encode(self, value, r):
        raise FixError("not written")

    def can_encode(self, value):
        return False


@dataclass(frozen=True)
class Construct(Codec):
    """A construct of the file (``encryption_master_key=key``): written from a ``Ref`` to
    an L2 construct of one of ``classes``; any value is the author's (unknown)."""

    classes: Tuple[str, ...]

    def decode(self, doc, node):
        return literal(node) if literal(node) is ABSENT else UNKNOWN

    def encode(self, value, r):
        if not self.can_encode(value):
            raise FixError(f"cannot write {value!r} here")
        return value.target

    def can_encode(self, value):
        return isinstance(value, Ref) and value.qualname in self.classes


# RDS engines as L2 programs name them (factories and constants) → the engine's name.
ENGINES = {
    "DatabaseInstanceEngine.postgres": "postgres",
    "DatabaseInstanceEngine.POSTGRES": "postgres",
    "DatabaseInstanceEngine.mysql": "mysql",
    "DatabaseInstanceEngine.MYSQL": "mysql",
    "DatabaseInstanceEngine.maria_db": "mariadb",
    "DatabaseInstanceEngine.MARIADB": "mariadb",
    "DatabaseClusterEngine.aurora_postgres": "aurora-postgresql",
    "DatabaseClusterEngine.AURORA_POSTGRESQL": "aurora-postgresql",
    "DatabaseClusterEngine.aurora_mysql": "aurora-mysql",
    "DatabaseClusterEngine.AURORA_MYSQL": "aurora-mysql",
}


@dataclass(frozen=True)
class Engine(Codec):
    """An L2 RDS engine (``rds.DatabaseInstanceEngine.postgres(...)``) read as the engine's
    name ("postgres"); only read."""

    def decode(self, doc, node):
        func = node.func if isinstance(node, cst.Call) else node
        for q in doc.qualified_names(func):
            name = ENGINES.get(q.replace("aws_cdk.aws_rds.", "", 1))
            if name is not None:
                return name
        return UNKNOWN

    def encode(self, value, r):
        raise FixError("the engine is not written")

    def can_encode(self, value):
        return False
