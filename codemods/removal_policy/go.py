"""removal_policy for AWS CDK v2 Go, as for CDK Python (``cdk.py``).

Checked on the L2 constructs that hold data (the CDK Python list, made the Go way:
``awsdynamodb.NewTable``, ``awss3.NewBucket``, ``awsrds.NewDatabaseInstance``,
``awsrds.NewDatabaseCluster``, ``awskms.NewKey``, ``awslogs.NewLogGroup``, ...). A construct
states its deletion behaviour with ``RemovalPolicy:`` (any value) or a later
``<variable>.ApplyRemovalPolicy(...)``; a file calling ``awscdk.RemovalPolicies_Of(scope)``
states it for the whole scope.

The fix adds ``RemovalPolicy: awscdk.RemovalPolicy_RETAIN`` (profile ``production``) or
``awscdk.RemovalPolicy_DESTROY`` (``ephemeral``; a bucket then also gets
``AutoDeleteObjects: jsii.Bool(true)``), before the fields other codemods add when those
end the literal (the same file whichever runs first); ``nil`` props become a literal.

Not covered, as in CDK Python: L1 constructs; log groups an API stage sends its access logs
to (``awsapigateway.NewLogGroupLogDestination(<group>)``, a ``DestinationArn:
<group>.LogGroupArn()`` / ``.AttrArn()`` of an access log setting, or an
``AddPropertyOverride("AccessLogSettings.DestinationArn", ...)``): api-access-logging
creates those; the log groups Lambda functions log to (``LogGroup: <group>``), which
log-retention creates.
"""

from __future__ import annotations

import re

from iacfix.codemods.common import go as common
from iacfix.codemods.lang.cdk.natives import order_of
from iacfix.codemods.lang.go import names
from iacfix.codemods.lang.go.interpret import GO_TRAILING, go_order
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.codemods.removal_policy.cdk import BUCKET, KINDS, LOG_GROUP, OTHERS, POLICY
from iacfix.core import Gap
from iacfix.transforms.go import CDK, JSII, GoLit, _walk_type

CONSTRUCTORS = {names.constructor(q): q for q in KINDS}
API_PACKAGES = ("github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway", "github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2")


def detect(doc, ctx):
    if any((s.path, s.func) == (CDK, "RemovalPolicies_Of") for s in doc.calls()):
        return
    sites = [(s, CONSTRUCTORS[(s.path, s.func)]) for s in doc.calls()
             if (s.path, s.func) in CONSTRUCTORS and len(s.args) == 3]
    if not sites:
        return
    applied = {m.receiver for m in common.method_calls(doc, "ApplyRemovalPolicy")}
    ephemeral = ctx.params["profile"] == "ephemeral"
    access_logs = _access_log_groups(doc) | _function_log_groups(doc)
    member = f"aws_cdk.RemovalPolicy.{POLICY[ctx.params['profile']]}"
    for site, qualname in sites:
        props = site.args[2]
        lit = doc.literal(props)
        if lit is None and props.type != "nil":
            continue  # props built elsewhere
        if lit is not None and (not lit.plain or (lit.type_path, lit.type_name) != names.props(qualname)):
            continue
        if qualname == LOG_GROUP and site.target is not None and site.target in access_logs:
            continue
        rp = lit.field("RemovalPolicy") if lit is not None else None
        stated = rp is not None or (site.target is not None and site.target in applied)
        add = [] if stated else ["RemovalPolicy"]
        destroy = rp is not None and doc.selector(rp.value) == (CDK, "RemovalPolicy_DESTROY")
        if (ephemeral and qualname == BUCKET and (destroy or not stated)
                and (lit is None or lit.field("AutoDeleteObjects") is None)):
            add.append("AutoDeleteObjects")
        if not add:
            continue
        name = common.name_of(site)
        kind = KINDS[qualname]
        if stated:
            message = f"{kind} '{name}' is destroyed with the stack but its objects are not deleted"
        else:
            message = f"{kind} '{name}' does not state its removal policy"
        yield Gap(
            line=site.line,
            column=site.column,
            end_line=site.end_line,
            resource_type=f"{doc.name_for(site.path)}.{site.func[len('New'):]}",
            resource_name=name,
            message=message,
            fix=lambda site=site, lit=lit, add=add, qualname=qualname: _fix(doc, site, lit, add, member, qualname),
        )


def _owner(doc, node) -> str:
    """``x`` for ``x.LogGroupArn()`` / ``x.AttrArn()``."""
    return re.sub(r"\.(LogGroupArn|AttrArn)\(\)$", "", re.sub(r"\s+", "", doc.source(node)))


def _access_log_groups(doc) -> set:
    """The log groups (their variables) API stages send access logs to."""
    out = set()
    for site in doc.calls():
        if site.path in API_PACKAGES and site.func == "NewLogGroupLogDestination" and site.args:
            out.add(re.sub(r"\s+", "", doc.source(site.args[0])))
    for node in _walk_type(doc.tree.root_node, "composite_literal"):
        lit = doc.literal(node)
        if lit is None or lit.type_path not in API_PACKAGES or not lit.type_name.endswith(
                ("AccessLogSettingProperty", "AccessLogSettingsProperty")):
            continue
        f = lit.field("DestinationArn")
        if f is not None:
            out.add(_owner(doc, f.value))
    for m in common.method_calls(doc, "AddPropertyOverride"):
        if len(m.args) == 2 and literal(doc, m.args[0]) == "AccessLogSettings.DestinationArn":
            out.add(_owner(doc, m.args[1]))
    return out


def _function_log_groups(doc) -> set:
    """The log groups (their variables) Lambda functions log to (``LogGroup: <group>``):
    log-retention creates such groups."""
    out = set()
    for node in _walk_type(doc.tree.root_node, "keyed_element"):
        k, v = node.child_by_field_name("key"), node.child_by_field_name("value")
        if k is None or v is None or doc.source(k) != "LogGroup":
            continue
        lit = doc.literal(node.parent.parent) if node.parent is not None and node.parent.parent is not None else None
        if lit is not None and lit.type_name.endswith("FunctionProps"):
            out.add(re.sub(r"\s+", "", doc.source(v)))
    return out


def _fix(doc, site, lit, add, member, qualname):
    r = Renderer(doc)
    values = {"RemovalPolicy": lambda: r.ref(member), "AutoDeleteObjects": lambda: f"{r.pkg(JSII)}.Bool(true)"}
    fields = [(k, values[k]()) for k in add]
    if lit is None:
        path, props = names.props(qualname)
        edits = doc.nil_to_literal(site.args[2], GoLit(f"{r.pkg(path)}.{props}", tuple(fields)))
        return r.import_edits() + edits
    others = {names.field(k) for k in OTHERS} | set(go_order(order_of(qualname))) | GO_TRAILING
    tail = len(lit.fields)
    while tail > 0 and lit.fields[tail - 1].key in others:
        tail -= 1
    before = lit.fields[tail] if 0 < tail < len(lit.fields) else None
    return r.import_edits() + doc.insert_fields(lit, [(before, k, v) for k, v in fields])
