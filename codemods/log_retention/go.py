"""log_retention for AWS CDK v2 Go: a Lambda function's own log group, as CDK Python does
(``cdk.py``).

A function (CDK Python's ``FUNCTIONS``, made the Go way) without ``LogGroup`` or
``LogRetention`` logs to ``/aws/lambda/<name>``, which keeps its logs forever. It gets an
``awslogs.NewLogGroup`` of its own with the codemod's retention, defined in a statement just
before it (and before the dead-letter queue or topic statements right above it that it is
given, so the file is the same whichever codemod ran first), named after the function
(``scoreFnLogGroup``, or after its construct id when it has no variable; construct id
``ScoreFunctionLogGroup``) and passed as ``LogGroup:``.

``LogGroup`` came to awslambda.FunctionProps in aws-cdk-go 2.110.0: a module whose
``go.mod`` requires an older ``github.com/aws/aws-cdk-go/awscdk/v2`` gets the deprecated
``LogRetention: awslogs.RetentionDays_ONE_MONTH`` instead. An explicit ``LogRetention`` is
kept (``RetentionDays_INFINITE`` is reported, its change unsafe); a function whose
``/aws/lambda/<FunctionName>`` group the file declares (same literal name) is compliant; a
function built where no statement can precede it is reported without a fix.
"""

from __future__ import annotations

import re

from iacfix.codemods.common import go as common
from iacfix.codemods.common.aws import LAMBDA_LOG_GROUP_PREFIX, cdk_go_has_function_log_group
from iacfix.codemods.common.cdk import FUNCTIONS, RETENTION_DAYS
from iacfix.codemods.lang import go
from iacfix.codemods.lang.cdk.natives import order_of
from iacfix.codemods.lang.go import names
from iacfix.codemods.lang.go.interpret import _anchor, go_order
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.codemods.log_retention import FUNCTION_RULE
from iacfix.codemods.spec import Absent, Explicit, Param, Rule
from iacfix.core import FixError
from iacfix.transforms.go import JSII, GoLit, go_string, render

LOGS = "github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
SQS = "github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
SNS = "github.com/aws/aws-cdk-go/awscdk/v2/awssns"
FUNCTION_CTORS = {names.constructor(q): q for q in FUNCTIONS}

# As in CDK Python: the retention of the function's logs through LogRetention (an explicit
# value checked as it stands; what a module pinned before LogGroup gets).
_LOG_RETENTION = go.detector((
    Rule(
        ("lambda.Function",),
        {"log_retention": Explicit(Param("retention_days"), reject=(0,), label="log retention",
                                   off="keeps its logs forever")},
        what="Lambda function",
        when=Absent("log_group"),
    ),
), "log-retention")


def detect(doc, ctx):
    gaps = list(_LOG_RETENTION(doc, ctx)) if _LOG_RETENTION is not None else []
    if not gaps:
        return
    sites = {(s.line, s.column): s for s in doc.calls() if (s.path, s.func) in FUNCTION_CTORS}
    new_api = None
    declared = None
    for gap in gaps:
        site = sites.get((gap.line, gap.column))
        lit = doc.literal(site.args[2]) if site is not None and len(site.args) == 3 else None
        if site is None or lit is None or lit.field("LogRetention") is not None:
            yield gap  # an explicit retention, checked as it stands
            continue
        if declared is None:
            declared = _declared_groups(doc)
        name = lit.field("FunctionName")
        fname = literal(doc, name.value) if name is not None else None
        if isinstance(fname, str) and LAMBDA_LOG_GROUP_PREFIX + fname in declared:
            continue  # the app declares /aws/lambda/<function_name> itself
        if new_api is None:
            new_api = cdk_go_has_function_log_group(ctx.package_files())
        if new_api:
            gap.message = f"Lambda function '{gap.resource_name}' {FUNCTION_RULE}"
            stmt = common.statement_of(doc, site.call)
            gap.fix = (lambda site=site, lit=lit: _fix(doc, site, lit, ctx)) if stmt is not None else None
        else:
            gap.message += " (aws-cdk-go is required below 2.110.0, which added LogGroup: the fix sets LogRetention)"
        yield gap


def _declared_groups(doc) -> set:
    out = set()
    for s in doc.calls():
        if s.path == LOGS and s.func in ("NewLogGroup", "NewCfnLogGroup") and len(s.args) == 3:
            lit = doc.literal(s.args[2])
            f = lit.field("LogGroupName") if lit is not None else None
            v = literal(doc, f.value) if f is not None else None
            if isinstance(v, str):
                out.add(v)
    return out


def _fix(doc, site, lit, ctx):
    days = int(ctx["retention_days"])
    if days not in RETENTION_DAYS:
        raise FixError(f"awslogs has no RetentionDays member for {days} days")
    construct_id = literal(doc, site.arg(1))
    if not isinstance(construct_id, str):
        raise FixError("the function's construct id is not a string literal")
    new_id = construct_id + ("LogGroup" if re.fullmatch(r"[A-Za-z0-9]+", construct_id) else "-log-group")
    base = site.target or (construct_id[:1].lower() + re.sub(r"[^A-Za-z0-9]", "", construct_id[1:]))
    var = base + "LogGroup"
    if var in common.names_in_use(doc):
        raise FixError(f"the name {var} is already in use")
    r = Renderer(doc)
    anchor = _first_companion(doc, site, lit)
    indent = doc.indent_of(anchor.start_point[0])
    props = render(GoLit(f"{r.pkg(LOGS)}.LogGroupProps",
                         (("Retention", f"{r.pkg(LOGS)}.RetentionDays_{RETENTION_DAYS[days]}"),)), indent, inline=False)
    code = f"{var} := {r.pkg(LOGS)}.NewLogGroup({doc.source(site.arg(0))}, {r.pkg(JSII)}.String({go_string(new_id)}), {props})"
    order = go_order(order_of(FUNCTION_CTORS[(site.path, site.func)]))
    edits = [common.before_statement(doc, anchor, [code])]
    edits += doc.insert_fields(lit, [(_anchor(lit, "LogGroup", order), "LogGroup", var)])
    return r.import_edits() + edits


def _first_companion(doc, site, lit):
    """The function's statement, or the companion statements right above it that define
    what it is given (``fnDlq := awssqs.NewQueue(...)`` for ``DeadLetterQueue: fnDlq``)."""
    stmt = common.statement_of(doc, site.call)
    used = {doc.source(f.value).strip() for f in lit.fields}
    cur = stmt
    while True:
        prev = cur.prev_named_sibling
        while prev is not None and prev.type == "comment":
            prev = prev.prev_named_sibling
        if prev is None or prev.type != "short_var_declaration":
            return cur
        left, right = prev.child_by_field_name("left"), prev.child_by_field_name("right")
        call = right.named_children[0] if right is not None and right.named_children else None
        s = next((c for c in doc.calls() if c.call == call), None) if call is not None else None
        if s is None or (s.path, s.func) not in ((SQS, "NewQueue"), (SNS, "NewTopic")) or doc.source(left) not in used:
            return cur
        cur = prev
