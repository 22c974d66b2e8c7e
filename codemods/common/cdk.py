"""Conventions of AWS CDK v2 Python code shared by the cdk codemods.

How a stack refers to its environment suffix, how new constructs are named
after the construct they serve, which classes are stacks, and small readers of
literal values. Locating and editing is done by ``transforms.python``.
"""

from __future__ import annotations

import re
from typing import Iterable, List, Optional, Union

import libcst as cst

from iacfix.transforms.python import CallSite, PythonDoc

# Names under which CDK code commonly carries the environment suffix, most
# specific first. The vaguer ones only count when used inside an f-string
# (``env`` is also the usual name of a ``cdk.Environment``, ``stage`` of a Stage).
ENV_NAMES = (
    "environment_suffix",
    "env_suffix",
    "environment_name",
    "env_name",
    "stage_name",
    "environment",
    "env",
    "stage",
)
_SURE_ENV_NAMES = ("environment_suffix", "env_suffix")
_CONTEXT_KEYS = re.compile(r"^(environment_?suffix|env_?suffix|environment|env|stage)$", re.I)

STACK_BASES = {"aws_cdk.Stack", "aws_cdk.NestedStack"}

# The L2 classes that create a Lambda function, and the L1 one.
FUNCTIONS = (
    "aws_cdk.aws_lambda.Function",
    "aws_cdk.aws_lambda.SingletonFunction",
    "aws_cdk.aws_lambda.DockerImageFunction",
    "aws_cdk.aws_lambda_nodejs.NodejsFunction",
    "aws_cdk.aws_lambda_python_alpha.PythonFunction",
    "aws_cdk.aws_lambda_go_alpha.GoFunction",
)
CFN_FUNCTION = "aws_cdk.aws_lambda.CfnFunction"

# logs.RetentionDays members by the number of days they keep logs.
RETENTION_DAYS = {
    1: "ONE_DAY", 3: "THREE_DAYS", 5: "FIVE_DAYS", 7: "ONE_WEEK", 14: "TWO_WEEKS", 30: "ONE_MONTH",
    60: "TWO_MONTHS", 90: "THREE_MONTHS", 120: "FOUR_MONTHS", 150: "FIVE_MONTHS", 180: "SIX_MONTHS",
    365: "ONE_YEAR", 400: "THIRTEEN_MONTHS", 545: "EIGHTEEN_MONTHS", 731: "TWO_YEARS",
    1096: "THREE_YEARS", 1827: "FIVE_YEARS", 2192: "SIX_YEARS", 2557: "SEVEN_YEARS",
    2922: "EIGHT_YEARS", 3288: "NINE_YEARS", 3653: "TEN_YEARS",
}


# ----------------------------------------------------------------------- values
def number(node: Optional[cst.BaseExpression]) -> Optional[float]:
    """The value of an int/float literal (with an optional sign), else None."""
    if isinstance(node, (cst.Integer, cst.Float)):
        return float(node.evaluated_value)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, (cst.Minus, cst.Plus)):
        v = number(node.expression)
        if v is not None:
            return -v if isinstance(node.operator, cst.Minus) else v
    return None


def boolean(node: Optional[cst.BaseExpression]) -> Optional[bool]:
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return node.value == "True"
    return None


def string(node: Optional[cst.BaseExpression]) -> Optional[str]:
    """The value of a plain (not formatted) string literal, else None."""
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value
    if isinstance(node, cst.ConcatenatedString):
        left, right = string(node.left), string(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def text_of(node: Optional[cst.BaseExpression]) -> Optional[str]:
    """The readable text of a string or f-string literal (f-string fields kept as {...})."""
    s = string(node)
    if s is not None:
        return s
    if isinstance(node, cst.FormattedString):
        out = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                out.append(part.value)
            else:
                out.append("{}")
        return "".join(out)
    return None


def num_code(v: Union[int, float]) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


# ------------------------------------------------------------------- structure
V1_NOTE = "AWS CDK v1 code (aws_cdk.core); iacfix reads and writes AWS CDK v2"


def is_cdk_v1(doc: PythonDoc) -> bool:
    """CDK v1 code (``aws_cdk.core``) uses other import paths (``core.Duration``,
    ``core.Tags``); the cdk codemods emit v2 code, so they leave v1 files alone."""
    tops = [
        small for stmt in doc.module.body if isinstance(stmt, cst.SimpleStatementLine) for small in stmt.body
    ]
    for n in tops:
        if isinstance(n, cst.ImportFrom) and n.module is not None and not n.relative:
            mod = doc.code(n.module)
            if mod == "aws_cdk.core" or mod.startswith("aws_cdk.core."):
                return True
            if mod == "aws_cdk" and not isinstance(n.names, cst.ImportStar):
                if any(doc.code(a.name) == "core" for a in n.names):
                    return True
        elif isinstance(n, cst.Import):
            if any(doc.code(a.name) == "aws_cdk.core" for a in n.names):
                return True
    return False


def stack_classes(doc: PythonDoc) -> List[cst.ClassDef]:
    out = []
    for cls in doc.classes:
        for base in cls.bases:
            if doc.qualified_names(base.value) & STACK_BASES:
                out.append(cls)
                break
    return out


def init_of(cls: cst.ClassDef) -> Optional[cst.FunctionDef]:
    for stmt in cls.body.body:
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value == "__init__":
            return stmt
    return None


def walk(node: cst.CSTNode) -> Iterable[cst.CSTNode]:
    """Every node under ``node`` (depth first, ``node`` included)."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


def same_ref(doc: PythonDoc, node: Optional[cst.CSTNode], target: Optional[str]) -> bool:
    """Does the expression ``node`` name the variable/attribute ``target`` (e.g. "self.queue")?"""
    if node is None or not target:
        return False
    return re.sub(r"\s+", "", doc.code(node)) == target


def method_calls(doc: PythonDoc, method: str) -> List[cst.Call]:
    """Every ``<expr>.<method>(...)`` call in the file."""
    calls = doc.memo("method calls", lambda: [n for n in doc.call_nodes if isinstance(n.func, cst.Attribute)])
    return [n for n in calls if n.func.attr.value == method]


def overridden(doc: PythonDoc, child: str, prop: str) -> bool:
    """Whether the file sets the CloudFormation property ``prop`` of the L1 resource ``child``
    (``http_api.default_stage.node.default_child``) through the escape hatch: an
    ``add_property_override("<prop>...")`` on it or on a variable assigned it (``cast(...)``
    or not), or its attribute (``default_route_settings``) assigned (``common.go.overrides``)."""

    def norm(node) -> str:
        code = re.sub(r"\s+", "", doc.code(node))
        m = re.fullmatch(r"(?:typing\.)?cast\([^,]+,(.*)\)", code)  # cast(CfnStage, x)
        return m.group(1) if m else code

    aliases = {child}
    assigns = [n for n in doc.assignments if isinstance(n, cst.Assign)]
    for n in assigns:  # cfn_stage = http_api.default_stage.node.default_child
        if norm(n.value).endswith(child):
            aliases.update(norm(t.target) for t in n.targets)
    for call in method_calls(doc, "add_property_override"):
        if norm(call.func.value) in aliases and call.args and (string(call.args[0].value) or "").startswith(prop):
            return True
    attr = snake(prop)
    return any(isinstance(t.target, cst.Attribute) and t.target.attr.value == attr and norm(t.target.value) in aliases
               for n in assigns for t in n.targets)


def names_in_use(doc: PythonDoc) -> set:
    """Every assigned name/attribute target in the file ("orders_dlq", "self.orders_dlq")."""
    return set(doc.memo("names in use", lambda: _names_in_use(doc)))


def _names_in_use(doc: PythonDoc) -> frozenset:
    out = set()
    for n in doc.nodes:
        kind = type(n)  # not isinstance: libcst's classes are ABCs, slow to test on every node
        if kind is cst.AssignTarget or kind is cst.AnnAssign:
            out.add(doc.code(n.target))
        elif kind is cst.Param:
            out.add(n.name.value)
    return frozenset(out)


# ---------------------------------------------------------- environment suffix
def env_suffix_expr(doc: PythonDoc, node: cst.CSTNode) -> Optional[str]:
    """The expression the code around ``node`` uses for the environment suffix.

    Looks in the function enclosing ``node`` (its parameters, locals, ``props.x``
    and ``self.x`` uses), then in the class (``self.environment_suffix = ...``),
    then at module level. The candidate used most in f-strings (how the file
    builds names) wins, then the most used; a variable assigned from
    ``try_get_context("environmentSuffix")`` counts whatever its name.
    """
    scopes = []
    fn = node if isinstance(node, cst.FunctionDef) else doc.enclosing(node, cst.FunctionDef)
    if fn is not None:
        scopes.append(fn)
    cls = doc.enclosing(node, cst.ClassDef)
    if cls is not None:
        scopes.append(cls)
    scopes.append(doc.module)
    for scope in scopes:
        found = doc.memo(("env candidates", id(scope)), lambda: _env_candidates(doc, scope))
        if found:
            best = max(found.items(), key=lambda kv: (kv[1], -_rank(kv[0])))
            return best[0]
    return None


def _rank(expr: str) -> int:
    leaf = expr.rsplit(".", 1)[-1]
    return ENV_NAMES.index(leaf) if leaf in ENV_NAMES else len(ENV_NAMES)


def _env_candidates(doc: PythonDoc, scope: cst.CSTNode) -> dict:
    counts: dict = {}
    in_fstring: dict = {}
    context_vars: set = set()
    # exact node types, not isinstance: libcst's node classes are ABCs, whose isinstance
    # is slow, and this loop sees every node of the scope (the whole file, for a module)
    for n in _walk_scope(doc, scope):
        kind = type(n)
        if kind is cst.Assign:
            if _is_context_lookup(n.value):
                for t in n.targets:
                    context_vars.add(doc.code(t.target))
            continue
        if kind is cst.FormattedStringExpression:
            for m in walk(n.expression):
                up = doc.parent(m)
                if isinstance(up, cst.Attribute) and up.attr is m:
                    continue  # the "x" of "self.x" is not a use of a variable x
                if isinstance(m, (cst.Name, cst.Attribute)):
                    code = doc.code(m)
                    in_fstring[code] = in_fstring.get(code, 0) + 1
            continue
        if kind is cst.Attribute:
            if n.attr.value not in ENV_NAMES:
                continue
        elif kind is not cst.Name or n.value not in ENV_NAMES:
            continue
        parent = doc.parent(n)
        if isinstance(parent, (cst.AssignTarget, cst.Param)):
            continue  # definitions are not uses (parameters are counted below)
        if kind is cst.Attribute:
            code = doc.code(n)
            counts[code] = counts.get(code, 0) + 1
        else:
            if isinstance(parent, cst.Attribute) and parent.attr is n:
                continue
            if isinstance(parent, cst.Arg) and parent.keyword is n:
                continue
            counts[n.value] = counts.get(n.value, 0) + 1
    if isinstance(scope, cst.FunctionDef):
        for p in list(scope.params.params) + list(scope.params.kwonly_params):
            if p.name.value in ENV_NAMES:
                counts[p.name.value] = counts.get(p.name.value, 0) + 1
    if isinstance(scope, cst.ClassDef):  # other methods' locals are not visible: only self.<name>
        counts = {k: v for k, v in counts.items() if k.startswith("self.") and k.count(".") == 1}
    elif isinstance(scope, cst.Module):
        counts = {k: v for k, v in counts.items() if "." not in k}
    out = {}
    for expr, c in counts.items():
        leaf = expr.rsplit(".", 1)[-1]
        if leaf in _SURE_ENV_NAMES or expr in in_fstring:
            out[expr] = (in_fstring.get(expr, 0), c)
    for v in context_vars:
        out[v] = (in_fstring.get(v, 0), counts.get(v, 0) + 1)
    return out


_NESTED_SCOPES = (cst.FunctionDef, cst.ClassDef)


def _walk_scope(doc: PythonDoc, scope: cst.CSTNode) -> Iterable[cst.CSTNode]:
    """Nodes of a scope, depth first; a function or the module skips nested functions and
    classes (their names are theirs), a class looks into its methods (for ``self.x``). Read
    from the document's node list (a slice), not by walking the tree: asked once per
    scope and parse, on every construct's scope."""
    nodes = doc.nodes
    i, end = doc.subtree_span(scope)
    skip_nested = not isinstance(scope, cst.ClassDef)
    yield nodes[i]
    i += 1
    while i < end:
        n = nodes[i]
        if skip_nested and type(n) in _NESTED_SCOPES:
            i = doc.subtree_span(n)[1]
            continue
        yield n
        i += 1


def _is_context_lookup(value: cst.BaseExpression) -> bool:
    """``...try_get_context("environmentSuffix")`` somewhere in the assigned expression."""
    for n in walk(value):
        if (
            isinstance(n, cst.Call)
            and isinstance(n.func, cst.Attribute)
            and n.func.attr.value in ("try_get_context", "get_context")
            and n.args
            and _CONTEXT_KEYS.match(string(n.args[0].value) or "")
        ):
            return True
    return False


# ----------------------------------------------------------------------- naming
def kebab(name: str) -> str:
    """ "PaymentsKey" / "payments_key" / "payments key" → "payments-key"."""
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1-\2", s)
    s = re.sub(r"[^A-Za-z0-9]+", "-", s)
    return s.strip("-").lower()


def add_word_to_name(name: str, word: str) -> str:
    """Name a companion resource: "orders" → "orders-dlq", "orders.fifo" → "orders-dlq.fifo",
    "OrdersQueue" → "OrdersQueueDlq", "orders_queue" → "orders_queue_dlq"."""
    stem, fifo = (name[:-5], ".fifo") if name.endswith(".fifo") else (name, "")
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", stem) and re.search(r"[A-Z]", stem):  # PascalCase / camelCase
        return stem + word[:1].upper() + word[1:] + fifo
    sep = "_" if "_" in stem and "-" not in stem else "-"
    return f"{stem}{sep}{word}{fifo}"


def add_word_to_literal(doc: PythonDoc, node: cst.BaseExpression, word: str) -> Optional[str]:
    """The source of a string/f-string literal naming a companion resource, or None.

    ``f"payment-queue-{environment_suffix}"`` → ``f"payment-queue-dlq-{environment_suffix}"``:
    the word goes before the first field when the literal text before it ends with
    a separator, else at the end of the name (before ``.fifo``).
    """
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        if node.prefix:
            return None
        new = add_word_to_name(value, word)
        return _requote(doc.code(node), new)
    if isinstance(node, cst.FormattedString):
        parts = list(node.parts)
        for i, p in enumerate(parts):
            if isinstance(p, cst.FormattedStringExpression):
                prev = parts[i - 1] if i else None
                if isinstance(prev, cst.FormattedStringText) and prev.value[-1:] in "-_":
                    sep = prev.value[-1]
                    text = _fstring_source(doc, parts[:i]) + f"{word}{sep}" + _fstring_source(doc, parts[i:])
                    return node.start + text + node.end
                break
        texts = "".join(p.value for p in parts if isinstance(p, cst.FormattedStringText))
        camel = re.fullmatch(r"[A-Za-z0-9]*", texts) is not None and re.search(r"[A-Z]", texts) is not None
        last = parts[-1] if parts else None
        if isinstance(last, cst.FormattedStringText):
            value = last.value
            if camel:
                new = value + word[:1].upper() + word[1:]
            elif value.endswith(".fifo"):
                new = value[:-5] + f"-{word}.fifo"
            else:
                new = value + f"-{word}"
            return node.start + _fstring_source(doc, parts[:-1]) + new + node.end
        if isinstance(last, cst.FormattedStringExpression):
            tail = word[:1].upper() + word[1:] if camel else f"-{word}"
            return node.start + _fstring_source(doc, parts) + tail + node.end
    return None


def _fstring_source(doc: PythonDoc, parts) -> str:
    return "".join(doc.code(p) for p in parts)


def _requote(like: str, value: str) -> str:
    q = like.lstrip("rRbBuU")[:1]
    q = q if q in ("'", '"') else '"'
    return q + value.replace("\\", "\\\\").replace(q, "\\" + q) + q


def variable_for(target: str, word: str) -> str:
    """Variable for a companion: "orders_queue" → "orders_dlq", "self.orders" → "self.orders_dlq",
    "queue" → "queue_dlq", "ordersQueue" → "ordersDlq"."""
    head, _, leaf = target.rpartition(".")
    prefix = head + "." if head else ""
    if re.search(r"[a-z0-9]Queue$", leaf):
        return prefix + leaf[:-5] + word[:1].upper() + word[1:]
    if leaf.endswith("_queue") and len(leaf) > 6:
        return prefix + leaf[:-6] + "_" + word
    if re.search(r"[a-z][A-Z]", leaf):
        return prefix + leaf + word[:1].upper() + word[1:]
    return f"{prefix}{leaf}_{word}"


def snake(name: str) -> str:
    return kebab(name).replace("-", "_")


def own_statement(doc: PythonDoc, site: CallSite) -> bool:
    """Is the construct created by a statement of its own (``x = Queue(...)`` or
    ``Queue(...)`` in a block), so a new statement can go before it? Not when it
    is built inside a comprehension, a call, or a one-line ``def``."""
    stmt = site.statement
    if not isinstance(stmt, cst.SimpleStatementLine):
        return False
    if not isinstance(doc.parent(stmt), (cst.IndentedBlock, cst.Module)):
        return False
    return any(getattr(small, "value", None) is site.call for small in stmt.body)


def name_of(site: CallSite) -> str:
    """The construct id as a reader sees it: "OrdersQueue", "orders-{environment_suffix}"
    for an f-string id, else the variable (or the class name)."""
    node = site.positional(1)
    if isinstance(node, cst.FormattedString):
        return "".join(site.doc.code(p) for p in node.parts)
    return site.name


def cloudformation_invoked(doc: PythonDoc) -> frozenset:
    """The functions (references, ``.function_arn`` taken off) CloudFormation invokes during a
    stack operation: a custom resource's service token (``CustomResource(service_token=fn.
    function_arn)``) and the provider framework's handlers (``custom_resources.Provider(
    on_event_handler=fn)``). A failing one fails the stack operation, where it is seen: such a
    function gets no alarm (as in CloudFormation, ``common.cloudformation.invoked_by_cloudformation``)."""
    def compute():
        out = set()
        for site in doc.calls("aws_cdk.custom_resources.Provider"):
            for kw in ("on_event_handler", "is_complete_handler"):
                a = site.kwarg(kw)
                if a is not None:
                    out.add(re.sub(r"\s+", "", doc.code(a.value)))
        for site in doc.calls("aws_cdk.CustomResource", "aws_cdk.CfnCustomResource"):
            a = site.kwarg("service_token")
            if a is not None:
                out.add(re.sub(r"\.function_arn$", "", re.sub(r"\s+", "", doc.code(a.value))))
        return frozenset(out)

    return doc.memo("cloudformation invoked", compute)


# Wrappers whose argument is a queue that receives failed invocations or records.
FAILURE_DESTINATIONS = ("aws_cdk.aws_lambda_destinations.SqsDestination", "aws_cdk.aws_lambda_event_sources.SqsDlq")


def dead_letter_refs(doc: PythonDoc) -> set:
    """What a CDK Python file uses as a dead-letter queue (normalised references): an
    ``sqs.DeadLetterQueue(queue=...)``, any ``dead_letter_queue=`` (functions, rule targets,
    SNS subscriptions), an L1 ``redrive_policy={"deadLetterTargetArn": q.attr_arn}`` or
    ``DeadLetterConfig(target_arn=q.attr_arn)``, and the queue of an ``SqsDestination`` /
    ``SqsDlq`` (CDK Go's ``common.go.dead_letter_refs``)."""
    def norm(node) -> str:
        return re.sub(r"\s+", "", doc.code(node))

    refs = set()
    for s in doc.calls("aws_cdk.aws_sqs.DeadLetterQueue"):
        arg = s.kwarg("queue")
        node = arg.value if arg is not None else s.positional(1)
        if node is not None:
            refs.add(norm(node))
    for s in doc.calls(*FAILURE_DESTINATIONS):
        node = s.positional(0) or (s.kwarg("queue").value if s.kwarg("queue") else None)
        if node is not None:
            refs.add(norm(node))
    for keyword in ("dead_letter_queue", "target_arn"):
        for n in doc.keyword_args.get(keyword, ()):
            if isinstance(n.value, (cst.Name, cst.Attribute)):
                refs.add(re.sub(r"\.(attr_arn|queue_arn)$", "", norm(n.value)))
    for d in doc.dicts:
        for n in d.elements:
            if isinstance(n, cst.DictElement) and string(n.key) == "deadLetterTargetArn":
                refs.add(re.sub(r"\.(attr_arn|queue_arn)$", "", norm(n.value)))
    return refs


def edge_functions(doc: PythonDoc) -> set:
    """What a CDK Python file deploys at the edge (Lambda@Edge): the references (a function's
    variable, with and without ``.current_version``/``.function_arn``…) inside a
    ``cloudfront.EdgeLambda(...)`` or an ``edge_lambdas=[...]`` argument. Such a function
    cannot have a dead-letter queue, and its metrics are reported where it runs."""
    return doc.memo("edge functions", lambda: frozenset(_edge_functions(doc)))


def _edge_functions(doc: PythonDoc) -> set:
    def refs(node) -> set:
        out = set()
        for n in walk(node):
            if isinstance(n, (cst.Name, cst.Attribute)):
                ref = re.sub(r"\s+", "", doc.code(n))
                out.add(ref)
                out.add(re.sub(r"\.(function_name|function_arn|current_version|latest_version)$", "", ref))
        return out

    edge = set()
    for site in doc.calls("aws_cdk.aws_cloudfront.EdgeLambda"):
        edge |= refs(site.call)
    for n in doc.keyword_args.get("edge_lambdas", ()):  # edge_lambdas=[{"function_version": fn.current_version, ...}]
        edge |= refs(n.value)
    return edge
