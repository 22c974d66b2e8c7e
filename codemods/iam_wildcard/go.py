"""iam_wildcard for AWS CDK v2 Go, as for CDK Python (``cdk.py``).

An ``awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{Actions: ..., Resources:
jsii.Strings("*")})`` that allows (no ``Effect``, or ``awsiam.Effect_ALLOW``) literal actions
(``jsii.Strings(...)`` or ``&[]*string{jsii.String(...)}``) on ``"*"`` only is reported
(unsafe). When ``actions.narrowing(actions)`` names the ARN forms the actions need and the
file creates exactly one construct of that kind (CDK Python's ``RESOURCES``, made the Go
way), assigned to a variable before the statement in the same function, the unsafe fix
replaces the resources with that construct's ARN and the derived forms:
``&[]*string{table.TableArn(), jsii.String(*table.TableArn() + "/index/*")}``. Otherwise
the finding has no fix and its message says why.

Not reported, as in CDK Python: statements with ``Principals`` (resource policies),
``NotActions`` / ``NotResources``, ``Deny``, what the file cannot read, ARNs in
``Resources``; actions that only work on "*".
"""

from __future__ import annotations

from iacfix.codemods.common import go as common
from iacfix.codemods.iam_wildcard.actions import FORM_SUFFIX, Narrowing, narrowing, star_is_right
from iacfix.codemods.iam_wildcard.cdk import PLURAL, RESOURCES
from iacfix.codemods.lang.go import names
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.core import Gap
from iacfix.transforms.go import JSII, go_string

IAM = "github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
GO_RESOURCES = {kind: {names.constructor(q): names.field(attr) for q, attr in classes.items()}
                for kind, classes in RESOURCES.items()}


def detect(doc, ctx):
    for site in doc.calls():
        if (site.path, site.func) != (IAM, "NewPolicyStatement") or len(site.args) != 1:
            continue
        lit = doc.literal(site.args[0])
        if lit is None or not lit.plain or (lit.type_path, lit.type_name) != (IAM, "PolicyStatementProps"):
            continue
        actions = _wildcard_actions(doc, lit)
        if actions is not None:
            yield _gap(doc, site, lit, actions)


def _strings(doc, node):
    """The values of ``jsii.Strings("a", ...)`` / ``&[]*string{jsii.String("a"), ...}``, else None."""
    v = literal(doc, node)
    if isinstance(v, list):
        return v
    n = node
    if n.type == "unary_expression" and doc.source(n.child_by_field_name("operator")) == "&":
        n = n.child_by_field_name("operand")
    if n is None or n.type != "composite_literal" or n.child_by_field_name("type").type != "slice_type":
        return None
    out = []
    for el in n.child_by_field_name("body").named_children:
        if el.type == "comment":
            continue
        s = literal(doc, el.named_children[0]) if el.type == "literal_element" and el.named_children else None
        if not isinstance(s, str):
            return None
        out.append(s)
    return out


def _wildcard_actions(doc, lit):
    if any(lit.field(k) is not None for k in ("Principals", "NotPrincipals", "NotActions", "NotResources")):
        return None
    effect = lit.field("Effect")
    if effect is not None and doc.selector(effect.value) != (IAM, "Effect_ALLOW"):
        return None
    res = lit.field("Resources")
    resources = _strings(doc, res.value) if res is not None else None
    if not resources or any(r != "*" for r in resources):
        return None
    act = lit.field("Actions")
    actions = _strings(doc, act.value) if act is not None else None
    if actions and star_is_right(actions):
        return None
    return actions or None


def _owner(doc, site) -> str:
    node = site.call.parent
    while node is not None and node.type not in ("block", "statement_list"):
        if node.type == "call_expression":
            fn = node.child_by_field_name("function")
            if fn is not None and fn.type == "selector_expression":
                field = doc.source(fn.child_by_field_name("field"))
                operand = fn.child_by_field_name("operand")
                if field.startswith(("AddToPolicy", "AddToPrincipalPolicy", "AddStatements")) and \
                        doc.path_of(doc.source(operand)) is None:
                    return doc.source(operand)
            args = [c for c in node.child_by_field_name("arguments").named_children if c.type != "comment"]
            if len(args) > 1 and isinstance(literal(doc, args[1]), str):
                return literal(doc, args[1])
        node = node.parent
    return ""


def _gap(doc, site, lit, actions):
    owner = _owner(doc, site)
    where = f" of '{owner}'" if owner else ""
    message = f"IAM statement{where} allows {', '.join(actions)} on every resource ('*')"
    result = narrowing(actions)
    fix = None
    if isinstance(result, Narrowing):
        found = _resource(doc, site, result)
        if isinstance(found, str):
            message += f"; not narrowed: {found}"
        else:
            fix = (lambda found=found: _fix(doc, lit, result, *found))
    else:
        message += f"; not narrowed: {result}"
    sid = lit.field("Sid")
    name = literal(doc, sid.value) if sid is not None else None
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=f"{doc.name_for(IAM)}.PolicyStatement",
        resource_name=(name if isinstance(name, str) else None) or site.target or owner or "PolicyStatement",
        message=message,
        fix=fix,
        unsafe=True,
        detail=",".join(sorted(a.lower() for a in actions)),
    )


def _resource(doc, site, n: Narrowing):
    classes = GO_RESOURCES[n.kind]
    found = [s for s in doc.calls() if (s.path, s.func) in classes]
    plural = PLURAL.get(n.kind, f"{n.kind}s")
    if len(found) != 1:
        return f"the file defines {len(found)} {plural}" if found else f"the file defines no {n.kind}"
    res = found[0]
    if not res.target:
        return f"the {n.kind} is not assigned to a variable"
    if res.line >= site.line or doc.enclosing_function(res.call) != doc.enclosing_function(site.call):
        return f"the {n.kind} is not defined before the statement"
    return res.target, classes[(res.path, res.func)]


def _fix(doc, lit, n: Narrowing, var, attr):
    r = Renderer(doc)
    arn = f"{var}.{attr}()"
    items = [arn if form == "resource" else f"{r.pkg(JSII)}.String(*{arn} + {go_string(FORM_SUFFIX[form])})"
             for form in n.forms]
    return r.import_edits() + doc.replace(lit.field("Resources").value, "&[]*string{" + ", ".join(items) + "}")
