"""Conventions of CDK Go programs shared by the hand-written Go detectors.

- ``method_calls(doc, method)``: ``<variable>.<Method>(args)`` calls (``role.AddManagedPolicy(p)``,
  ``key.AddAlias(a)``), the receiver a variable, not an imported package;
- ``name_of(site)``: a construct's id as a reader sees it;
- ``env_suffix_expr(doc, node)``: the environment suffix the function formats names with;
- ``statement_of(doc, node)``: the statement a call belongs to, after (or before) which a
  companion statement goes (``after_statement`` / ``before_statement``: the edit writing it
  there, at its indentation); ``names_in_use``: the identifiers a new variable must avoid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional

from iacfix.codemods.common import cdk
from iacfix.codemods.lang.go.interpret import site_name
from iacfix.core import Edit
from iacfix.transforms.go import CallSite, GoDoc, _walk_type

IAM = "github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
KMS = "github.com/aws/aws-cdk-go/awscdk/v2/awskms"
LAMBDA = "github.com/aws/aws-cdk-go/awscdk/v2/awslambda"


@dataclass
class MethodCall:
    call: object
    receiver: str  # the variable's name
    method: str
    args: List[object]


def method_calls(doc: GoDoc, *methods: str) -> List[MethodCall]:
    """``<variable>.<method>(...)`` calls in source order (a package's function is not one)."""
    cache = doc.__dict__.setdefault("_method_calls", {})
    if "all" not in cache:
        out = []
        for node in _walk_type(doc.tree.root_node, "call_expression"):
            fn = node.child_by_field_name("function")
            if fn is None or fn.type != "selector_expression":
                continue
            operand, field = fn.child_by_field_name("operand"), fn.child_by_field_name("field")
            if operand is None or field is None or operand.type != "identifier":
                continue
            name = doc.source(operand)
            if doc.path_of(name) is not None:
                continue
            args_node = node.child_by_field_name("arguments")
            args = [c for c in args_node.named_children if c.type != "comment"] if args_node else []
            out.append(MethodCall(node, name, doc.source(field), args))
        cache["all"] = out
    return [m for m in cache["all"] if m.method in methods]


def name_of(site: CallSite) -> str:
    """The construct id as a reader sees it (``jsii.String("Id")``), else its variable."""
    return site_name(site)


def statement_of(doc: GoDoc, node) -> Optional[object]:
    """The statement of a block ``node`` is part of (None: not in a block)."""
    n = node
    while n.parent is not None and n.parent.type not in ("block", "statement_list"):
        n = n.parent
    return n if n.parent is not None else None


def after_statement(doc: GoDoc, stmt, lines: List[str]) -> Edit:
    """``lines`` (Go statements; "" a blank line) written right after ``stmt``, at its indentation."""
    indent = doc.indent_of(stmt.start_point[0])
    end = doc.line_end(stmt.end_point[0])
    return Edit(end, end, "".join(f"\n{indent}{ln}" if ln else "\n" for ln in lines))


def before_statement(doc: GoDoc, stmt, lines: List[str]) -> Edit:
    """``lines`` (Go statements; "" a blank line) written right before ``stmt`` and the
    comment lines just above it, at its indentation, followed by a blank line."""
    indent = doc.indent_of(stmt.start_point[0])
    line = stmt.start_point[0]
    while line > 0 and doc.text[doc.line_start(line - 1):doc.line_end(line - 1)].strip().startswith("//"):
        line -= 1
    at = doc.line_start(line)
    return Edit(at, at, "".join(f"{indent}{ln}\n" if ln else "\n" for ln in lines) + "\n")


def names_in_use(doc: GoDoc) -> set:
    """Every identifier of the file (a new variable must not shadow or clash with one)."""
    return {doc.source(n) for n in _walk_type(doc.tree.root_node, "identifier")}


# ------------------------------------------------------------ environment suffix
FMT = "fmt"


def _snake(name: str) -> str:
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def _is_env_name(name: str) -> bool:
    return _snake(name) in cdk.ENV_NAMES


def env_suffix_expr(doc: GoDoc, node) -> Optional[str]:
    """The expression the function around ``node`` formats names with for the environment
    suffix: an argument of a ``fmt.Sprintf`` call there that is named so (``suffix``
    assigned from ``props.EnvironmentSuffix``, ``environmentSuffix``, ``props.Stage``);
    the one used most, None when the function formats no name with one (a suffix that is
    only declared may not be a string: ``*string``)."""
    fn = doc.enclosing_function(node)
    if fn is None:
        return None
    aliases = set()  # suffix := props.EnvironmentSuffix
    for decl in _walk_type(fn, "short_var_declaration"):
        left, right = decl.child_by_field_name("left"), decl.child_by_field_name("right")
        if left is None or right is None or len(left.named_children) != 1 or len(right.named_children) != 1:
            continue
        value = right.named_children[0]
        leaf = value.child_by_field_name("field") if value.type == "selector_expression" else value
        if leaf is not None and leaf.type in ("identifier", "field_identifier") and _is_env_name(doc.source(leaf)):
            aliases.add(doc.source(left.named_children[0]))
    counts: dict = {}
    for call in _walk_type(fn, "call_expression"):
        if doc.selector(call.child_by_field_name("function")) != (FMT, "Sprintf"):
            continue
        args = [c for c in call.child_by_field_name("arguments").named_children if c.type != "comment"]
        for a in args[1:]:
            code = doc.source(a)
            leaf = a.child_by_field_name("field") if a.type == "selector_expression" else a
            if a.type not in ("identifier", "selector_expression") or leaf is None:
                continue
            if code in aliases or _is_env_name(doc.source(leaf)):
                counts[code] = counts.get(code, 0) + 1
    if not counts:
        return _declared_suffix(doc, fn)
    return max(counts.items(), key=lambda kv: (kv[1], kv[0] in aliases))[0]


def _declared_suffix(doc: GoDoc, fn) -> Optional[str]:
    """A suffix the function is given but formats no name with yet: a ``string`` parameter
    named so (``environmentSuffix string``), or a ``string`` field named so of the struct
    a parameter is (``props *OrdersStackProps`` with ``EnvironmentSuffix string``, the struct
    declared in the file), as CDK Python reads ``environment_suffix: str`` in a signature.
    A ``*string`` one is left alone (it may be nil)."""
    params = fn.child_by_field_name("parameters")
    if params is None:
        return None
    structs = {}
    for spec in _walk_type(doc.tree.root_node, "type_spec"):
        name, typ = spec.child_by_field_name("name"), spec.child_by_field_name("type")
        if name is not None and typ is not None and typ.type == "struct_type":
            structs[doc.source(name)] = typ
    for p in params.named_children:
        if p.type != "parameter_declaration":
            continue
        typ = p.child_by_field_name("type")
        names = [doc.source(c) for c in p.children_by_field_name("name")]
        if typ is None:
            continue
        if doc.source(typ) == "string":
            hit = next((n for n in names if _is_env_name(n)), None)
            if hit:
                return hit
            continue
        base = doc.source(typ).lstrip("*")
        struct = structs.get(base)
        if struct is None or len(names) != 1:
            continue
        for field in _walk_type(struct, "field_declaration"):
            ftype = field.child_by_field_name("type")
            for fname in field.children_by_field_name("name"):
                if ftype is not None and doc.source(ftype) == "string" and _is_env_name(doc.source(fname)):
                    return f"{names[0]}.{doc.source(fname)}"
    return None


def kebab(name: str) -> str:
    return cdk.kebab(name)


def go_format(text: str) -> str:
    """``text`` as a ``fmt.Sprintf`` format (``%`` doubled)."""
    return text.replace("%", "%%")


# ------------------------------------------------------------ dead-letter queues
_PKG = "github.com/aws/aws-cdk-go/awscdk/v2/"
SQS = _PKG + "awssqs"
# Constructors whose argument is a queue that receives failures.
FAILURE_DESTINATIONS = {(_PKG + "awslambdadestinations", "NewSqsDestination"), (_PKG + "awslambdaeventsources", "NewSqsDlq")}
_REF_ATTRS = re.compile(r"\.(FunctionName|FunctionArn|CurrentVersion|LatestVersion|QueueArn|AttrArn)\(\)$")


def ref(doc: GoDoc, node) -> str:
    """The variable an expression refers to (``queue.QueueArn()`` → ``queue``), spaces removed."""
    return _REF_ATTRS.sub("", re.sub(r"\s+", "", doc.source(node)))


def dead_letter_refs(doc: GoDoc) -> set:
    """What the file uses as a dead-letter queue: an ``awssqs.DeadLetterQueue{Queue: q}``, any
    ``DeadLetterQueue:`` / ``TargetArn:`` field (functions, rule targets, subscriptions), an L1
    queue's ``RedrivePolicy`` map (``"deadLetterTargetArn": q.AttrArn()``), and
    the queue of an ``awslambdadestinations.NewSqsDestination`` / ``awslambdaeventsources.NewSqsDlq``
    (read by dead-letter-queue, which gives such a queue none, and alarms, which watches it)."""
    refs = set()
    for node in _walk_type(doc.tree.root_node, "keyed_element"):
        k = node.child_by_field_name("key")
        v = node.child_by_field_name("value")
        if k is None or v is None or doc.source(k) not in ("DeadLetterQueue", "Queue", "TargetArn",
                                                           '"deadLetterTargetArn"'):  # an L1 RedrivePolicy
            continue
        value = v.named_children[0] if v.type == "literal_element" and v.named_children else v
        if doc.source(k) == "Queue":  # &awssqs.DeadLetterQueue{Queue: q}
            lit = doc.literal(node.parent.parent) if node.parent is not None and node.parent.parent is not None else None
            if lit is None or (lit.type_path, lit.type_name) != (SQS, "DeadLetterQueue"):
                continue
        if value.type in ("identifier", "selector_expression", "call_expression"):
            refs.add(ref(doc, value))
    for s in doc.calls():
        if (s.path, s.func) in FAILURE_DESTINATIONS and s.args:
            refs.add(ref(doc, s.args[0]))
    return refs


def cloudformation_invoked(doc: GoDoc) -> set:
    """CDK Go's ``common.cdk.cloudformation_invoked``: the functions given as a custom
    resource's ``ServiceToken: fn.FunctionArn()`` or a ``customresources.NewProvider``'s
    ``OnEventHandler`` / ``IsCompleteHandler``."""
    out = set()
    for node in _walk_type(doc.tree.root_node, "keyed_element"):
        k = node.child_by_field_name("key")
        v = node.child_by_field_name("value")
        if k is None or v is None:
            continue
        key = doc.source(k)
        lit = doc.literal(node.parent.parent) if node.parent is not None and node.parent.parent is not None else None
        owner = lit.type_name if lit is not None else ""
        if (key == "ServiceToken" and owner in ("CustomResourceProps", "CfnCustomResourceProps")) or \
                (key in ("OnEventHandler", "IsCompleteHandler") and owner == "ProviderProps"):
            out.add(ref(doc, v))
    return out


def edge_functions(doc: GoDoc) -> set:
    """The references inside an ``EdgeLambdas:`` field or an ``awscloudfront.EdgeLambda{...}``
    of a CDK Go file (Lambda@Edge): such a function cannot have a dead-letter queue, and its
    metrics are reported where it runs."""
    def refs(node) -> set:
        return {ref(doc, n) for t in ("identifier", "selector_expression", "call_expression")
                for n in _walk_type(node, t)}

    edge = set()
    for node in _walk_type(doc.tree.root_node, "keyed_element"):
        k = node.child_by_field_name("key")
        if k is not None and doc.source(k) == "EdgeLambdas":
            edge |= refs(node)
    for node in _walk_type(doc.tree.root_node, "composite_literal"):
        lit = doc.literal(node)
        if lit is not None and lit.type_name == "EdgeLambda":
            edge |= refs(node)
    return edge


# ------------------------------------------------------------ escape hatches
def overrides(doc: GoDoc, construct: str, prop: str) -> bool:
    """Whether the file sets ``prop`` of ``construct``'s L1 resource through the escape
    hatch: an ``AddPropertyOverride("<prop>...")`` or a ``Set<prop>(...)`` on an expression
    starting ``<construct>`` (``httpApi.DefaultStage()``, ``stage.Node()``) or on a variable
    assigned one. Read by the CDK view (``ConstructCall.overridden``: api-throttling) and
    api-access-logging, whose fixes are such overrides of an HTTP API's default stage."""
    setter = "Set" + prop
    held = set()  # cfn := httpApi.DefaultStage().Node().DefaultChild().(awsapigatewayv2.CfnStage)
    for decl in _walk_type(doc.tree.root_node, "short_var_declaration"):
        left, right = decl.child_by_field_name("left"), decl.child_by_field_name("right")
        if left is not None and right is not None and re.sub(r"\s+", "", doc.source(right)).startswith(construct):
            held |= {doc.source(n) for n in left.named_children}
    for node in _walk_type(doc.tree.root_node, "call_expression"):
        fn = node.child_by_field_name("function")
        if fn is None or fn.type != "selector_expression":
            continue
        method = doc.source(fn.child_by_field_name("field"))
        receiver = re.sub(r"\s+", "", doc.source(fn.child_by_field_name("operand")))
        if method not in ("AddPropertyOverride", setter):
            continue
        if not (receiver.startswith(construct) or receiver in held):
            continue
        if method == setter:
            return True
        args = [c for c in node.child_by_field_name("arguments").named_children if c.type != "comment"]
        first = _string_arg(doc, args[0]) if args else None
        if first is not None and first.startswith(prop):
            return True
    return False


def _string_arg(doc: GoDoc, node) -> Optional[str]:
    """``jsii.String("x")`` or ``"x"`` → x."""
    from iacfix.transforms.go import string_value

    if node.type == "call_expression" and doc.selector(node.child_by_field_name("function")) == (
            "github.com/aws/jsii-runtime-go", "String"):
        args = [c for c in node.child_by_field_name("arguments").named_children if c.type != "comment"]
        node = args[0] if len(args) == 1 else node
    return string_value(doc, node)
