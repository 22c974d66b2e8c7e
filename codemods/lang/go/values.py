"""CDK Go values: the CDK Python adapter's codecs (``lang.cdk.values``) read from Go
source, and written through a Go ``Renderer``.

The codecs are the CDK adapter's own (which property is an enum, a ``Duration``, a
``RetentionDays``, a construct, what an argument implies): ``decode`` here reads the Go
spelling of what they decode in Python, and their ``encode`` writes Go through the
renderer below, whose ``value``/``ref`` speak Go (``jsii.Bool(true)``,
``awssqs.QueueEncryption_SQS_MANAGED``, ``awscdk.Duration_Days(jsii.Number(35))``).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from iacfix.codemods.common import cdk as common
from iacfix.codemods.lang.cdk import values as pv
from iacfix.codemods.lang.cdk.render import Call, Code, Member
from iacfix.codemods.lang.go import names
from iacfix.codemods.spec import ABSENT, UNKNOWN, same
from iacfix.core import Edit, FixError
from iacfix.transforms.go import JSII, GoDoc, go_string, string_value

JSII_BOOL, JSII_NUMBER, JSII_STRING, JSII_STRINGS = "Bool", "Number", "String", "Strings"


# ------------------------------------------------------------------ reading
def literal(doc: GoDoc, node) -> Any:
    """A literal value: ``jsii.Bool(true)``, ``jsii.Number(7)``, ``jsii.String("x")``,
    ``jsii.Strings("a", "b")`` (or the bare Go literal); ``nil`` is ABSENT; else UNKNOWN."""
    if node is None:
        return ABSENT
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    t = node.type
    if t == "nil":
        return ABSENT
    if t == "true":
        return True
    if t == "false":
        return False
    if t in ("int_literal", "float_literal"):
        return _number(doc.source(node))
    if t in ("interpreted_string_literal", "raw_string_literal"):
        s = string_value(doc, node)
        return UNKNOWN if s is None else s
    if t == "unary_expression" and doc.source(node.child_by_field_name("operator")) == "-":
        v = literal(doc, node.child_by_field_name("operand"))
        return -v if isinstance(v, (int, float)) and not isinstance(v, bool) else UNKNOWN
    if t == "call_expression":
        sel = doc.selector(node.child_by_field_name("function"))
        args = _args(node)
        if sel is None or sel[0] != JSII or args is None:
            return UNKNOWN
        fn = sel[1]
        if fn in (JSII_BOOL, JSII_NUMBER, JSII_STRING) and len(args) == 1:
            v = literal(doc, args[0])
            want = {JSII_BOOL: bool, JSII_NUMBER: (int, float), JSII_STRING: str}[fn]
            return v if isinstance(v, want) and (fn == JSII_BOOL or not isinstance(v, bool)) else UNKNOWN
        if fn == JSII_STRINGS:
            out = [literal(doc, a) for a in args]
            return out if all(isinstance(v, str) for v in out) else UNKNOWN
    return UNKNOWN


def _number(text: str):
    t = text.replace("_", "")
    try:
        if any(c in t for c in ".eE") and not t.lower().startswith("0x"):
            v = float(t)
            return int(v) if v.is_integer() and "." not in t else v
        return int(t, 0) if not (len(t) > 1 and t[0] == "0" and t[1].isdigit()) else int(t, 8)
    except ValueError:
        return UNKNOWN


def _args(call) -> Optional[list]:
    a = call.child_by_field_name("arguments")
    if a is None:
        return None
    return [c for c in a.named_children if c.type != "comment"]


def member_of(doc: GoDoc, node, cls: str) -> Optional[str]:
    """``SQS_MANAGED`` when ``node`` is ``awssqs.QueueEncryption_SQS_MANAGED`` (``cls`` in
    Python spelling: ``aws_cdk.aws_sqs.QueueEncryption``), else None."""
    if node is not None and node.type == "call_expression" \
            and not node.child_by_field_name("arguments").named_children:
        node = node.child_by_field_name("function")  # a static property: awsrds.PostgresEngineVersion_VER_16_4()
    sel = doc.selector(node)
    if sel is None:
        return None
    path, name = names.split(cls)
    if sel[0] == path and sel[1].startswith(name + "_"):
        m = sel[1][len(name) + 1:]
        return m if m.isupper() or m.replace("_", "").isalnum() else None
    return None


def decode(codec: pv.Codec, doc: GoDoc, node) -> Any:
    """The neutral value of a field's value, as ``codec`` reads it (Go spelling)."""
    if isinstance(codec, pv.Enum):
        m = member_of(doc, node, codec.cls)
        if m is None:
            return literal(doc, node) if literal(doc, node) is ABSENT else UNKNOWN
        for neutral, name in codec.table:
            if name == m:
                return neutral
        return m if codec.others is None else codec.others
    if isinstance(codec, pv.Mapped):
        v = literal(doc, node)
        if v is UNKNOWN or v is ABSENT:
            return v
        return next((neutral for neutral, native in codec.table if same(v, native)), UNKNOWN)
    if isinstance(codec, pv.Duration):
        if node.type != "call_expression":
            return literal(doc, node) if literal(doc, node) is ABSENT else UNKNOWN
        sel = doc.selector(node.child_by_field_name("function"))
        args = _args(node)
        if sel is None or sel[0] != names.package("aws_cdk") or not sel[1].startswith("Duration_") or not args \
                or len(args) != 1:
            return UNKNOWN
        unit = sel[1][len("Duration_"):].lower()
        n = literal(doc, args[0])
        if unit not in pv.SECONDS or not isinstance(n, (int, float)) or isinstance(n, bool):
            return UNKNOWN
        v = n * pv.SECONDS[unit] / pv.SECONDS[codec.base]
        return int(v) if float(v).is_integer() else v
    if isinstance(codec, pv.Retention):
        m = member_of(doc, node, "aws_cdk.aws_logs.RetentionDays")
        if m is None:
            return literal(doc, node) if literal(doc, node) is ABSENT else UNKNOWN
        if m == "INFINITE":
            return 0
        days = {v: k for k, v in common.RETENTION_DAYS.items()}.get(m)
        return UNKNOWN if days is None else days
    if isinstance(codec, pv.Implies):
        return ABSENT if literal(doc, node) is ABSENT else codec.value
    if isinstance(codec, pv.Construct):
        return ABSENT if literal(doc, node) is ABSENT else UNKNOWN
    if isinstance(codec, pv.Engine):
        fn = node.child_by_field_name("function") if node.type == "call_expression" else node
        sel = doc.selector(fn)
        if sel is not None and sel[0] == names.package("aws_cdk.aws_rds"):
            for py, engine in pv.ENGINES.items():
                cls, _, member = py.partition(".")
                if sel[1] == f"{cls}_{member if member.isupper() else names.field(member)}":
                    return engine
        return UNKNOWN
    return literal(doc, node)


# ------------------------------------------------------------------ writing
class Renderer:
    """Go source for neutral values (the CDK adapter's ``Renderer`` interface), collecting
    the imports they need."""

    def __init__(self, doc: GoDoc):
        self.doc = doc
        self.imports: Dict[str, List[Edit]] = {}

    def pkg(self, path: str) -> str:
        if path in self.imports:
            return self.doc.name_for(path) or _pending_name(path)
        name, edits = self.doc.ensure_import(path)
        self.imports[path] = edits
        return name

    def value(self, v) -> str:
        if isinstance(v, bool):
            return f"{self.pkg(JSII)}.Bool({'true' if v else 'false'})"
        if isinstance(v, (int, float)):
            return f"{self.pkg(JSII)}.Number({common.num_code(v)})"
        if isinstance(v, str):
            return f"{self.pkg(JSII)}.String({go_string(v)})"
        if isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v):
            return f"{self.pkg(JSII)}.Strings({', '.join(go_string(x) for x in v)})"
        if isinstance(v, Member):
            return self.ref(v.qualname)
        if isinstance(v, (list, tuple)) and v and all(isinstance(x, Member) for x in v) \
                and len({x.qualname.rpartition(".")[0] for x in v}) == 1:
            # members of one enum: &[]awsapigatewayv2.CorsHttpMethod{awsapigatewayv2.CorsHttpMethod_ANY}
            enum = v[0].qualname.rpartition(".")[0]
            return f"&[]{self.ref(enum)}{{{', '.join(self.ref(x.qualname) for x in v)}}}"
        if isinstance(v, Call):
            return f"{self.ref(v.qualname)}({', '.join(self.value(a) for a in v.args)})"
        if isinstance(v, Code):
            return v.text
        raise FixError(f"cannot write {v!r} in CDK Go")

    def ref(self, qualname: str) -> str:
        path, name = names.split(qualname)
        return f"{self.pkg(path)}.{name}"

    def type(self, qualname: str) -> str:
        return self.ref(qualname)

    def import_edits(self) -> List[Edit]:
        return [e for edits in self.imports.values() for e in edits]


def _pending_name(path: str) -> str:
    from iacfix.transforms.go import package_name

    return package_name(path)


def encode(codec: pv.Codec, value: Any, r: Renderer, target_attr=None) -> str:
    """``value`` written for ``codec`` in Go (a ``Ref`` to a construct: its attribute getter)."""
    if isinstance(value, pv.Ref) and isinstance(codec, pv.Literal):
        attr = pv.ATTRIBUTES.get((value.qualname, value.attr))
        if attr is None:
            raise FixError(f"no {value.attr} attribute known for {value.qualname}")
        return f"{value.target}.{names.field(attr)}()"
    return codec.encode(value, r)
