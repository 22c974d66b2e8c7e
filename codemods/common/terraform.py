"""Terraform conventions shared by the codemods: the environment-suffix variable,
naming new resources after the one they serve, making Gaps.

A Terraform module is a directory: the environment variable, the variables file and a
function's role are looked up in every file of the module (``module_docs``), and an
edit that belongs in another file says so (``Edit.path``).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable, Optional, Tuple

from lark import Tree

from iacfix.codemods.common.aws import (
    NOT_COPIED_TAGS, NOT_WRITTEN, QUICK_CREATE_ARGUMENTS, QUICK_CREATE_INSTEAD, quick_create_message,
)
from iacfix.codemods.common.aws import engine_family as aws_engine_family
from iacfix.core import Edit, FixError, Gap, module_cache, module_docs
from iacfix.transforms.terraform import (
    Block, TfDoc, ident, insert_after_block, references, render_block, span, string_value, traversal, unwrap, walk,
)

ENV_NAMES = ("environment_suffix", "environment", "env", "stage")


def gap(block: Block, message: str, fix=None, unsafe: bool = False, detail: str = "") -> Gap:
    return Gap(
        line=block.line,
        column=block.node.meta.column,
        end_line=block.end_line,
        resource_type=block.labels[0],
        resource_name=block.labels[1],
        message=message,
        fix=fix,
        unsafe=unsafe,
        detail=detail,
    )


def _memo(doc: TfDoc, key: str, compute: Callable[[], object]):
    """A fact about ``doc``'s whole module, computed once while no file of it changes."""
    if getattr(doc, "project", None) is None:
        cache = doc.cache
    else:
        module_docs(doc)  # the engine notes that this file's findings depend on the others
        cache = module_cache(doc)
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def module_fact(doc: TfDoc, key: str, compute: Callable[[], object]):
    """A fact about ``doc``'s whole module (``key``: the asking codemod's name for it),
    computed once while no file of the module changes."""
    return _memo(doc, key, compute)


def _variables(doc: TfDoc) -> Tuple[set, set]:
    """(declared, used) variable names in the module's files."""
    def compute():
        declared, used = set(), set()
        for _, d in module_docs(doc):
            declared |= {b.labels[0] for b in d.blocks_of("variable") if b.labels}
            for n in walk(d.tree):
                if n.data == "get_attr_expr_term":
                    t = traversal(n)
                    if t and len(t) >= 2 and t[0] == "var":
                        used.add(t[1])
        return declared, used

    return _memo(doc, "tf-variables", compute)


def env_var(doc: TfDoc) -> Optional[str]:
    """``var.<name>`` for the module's environment-suffix variable (declared in any of its
    files, else used), or None."""
    declared, used = _variables(doc)
    for pool in (declared, used):
        for name in ENV_NAMES:
            if name in pool:
                return f"var.{name}"
    return None


def quick_created_apis(doc: TfDoc):
    """``aws_apigatewayv2_api`` resources created with ``target`` / ``route_key`` (quick
    create, ``aws.QUICK_CREATE_ARGUMENTS``): API Gateway makes their ``$default`` stage
    itself, so no stage of the file can carry its settings."""
    return [api for api in doc.resources("aws_apigatewayv2_api")
            if any(api.attr(a) is not None for a in QUICK_CREATE_ARGUMENTS)]


def quick_create_gap(api: Block, lacks: str, detail: str) -> Gap:
    name = string_value(api.attr("name").value) if api.attr("name") is not None else None
    instead = ", ".join("aws_" + kind.replace(".", "_").lower() for kind in QUICK_CREATE_INSTEAD)
    return gap(api, quick_create_message(name or api.labels[1], lacks, instead), detail=detail)


GLOBAL_TYPES = ("aws_iam_",)  # resources of global services: no resource-level region


def served_by(doc: TfDoc, served: Block, rtype: str, items: list) -> list:
    """``items`` of a ``rtype`` resource created for ``served`` (an alias, a DLQ, a grant,
    a log group), led by ``served``'s ``provider`` and resource-level ``region`` (AWS
    provider v6; not for IAM, a global service): the companion must land in the same
    account and region as what it serves. One-line values only (their text is copied)."""
    lead = []
    for name in ("provider", "region"):
        if name == "region" and rtype.startswith(GLOBAL_TYPES):
            continue
        a = served.attr(name)
        if a is not None:
            text = doc.source(a.value)
            if "\n" in text:
                raise FixError(f"cannot copy the multi-line {name} of {'.'.join(served.labels)}")
            lead.append((name, text))
    return lead + list(items)


_ENTRY = re.compile(r'^([ \t]*)("?)([A-Za-z0-9_.:/@+-]+)\2([ \t]*)=(.*)$')


def copied_tags(doc: TfDoc, served: Block) -> Optional[str]:
    """``tags = ...`` for a resource created for ``served``: its tags, as written (indented for
    a new top-level block), without the tags that name ``served`` or trace it to its code
    (``NOT_COPIED_TAGS``); the ``=`` of the entries left realigned where the file aligned them.
    None: no tags to copy."""
    tags = served.attr("tags")
    if tags is None:
        return None
    indent = doc.lines.indent_of(tags.line)
    lines = doc.source(tags.value).split("\n")
    lines = [lines[0]] + [ln[len(indent):] if ln.startswith(indent) else ln for ln in lines[1:]]
    kept, runs, run, dropped = [], [], [], False
    for ln in lines:
        m = _ENTRY.match(ln)
        if m is not None and m.group(3) in NOT_COPIED_TAGS:
            dropped = True
            continue
        kept.append(ln)
        if m is not None and "{" not in m.group(5) and "(" not in m.group(5):
            run.append(len(kept) - 1)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    if not dropped:
        return "tags = " + "\n".join(lines)
    for run in runs:
        if len(run) < 1:
            continue
        ms = [_ENTRY.match(kept[i]) for i in run]
        width = max(len(m.group(1)) + len(m.group(2)) * 2 + len(m.group(3)) for m in ms)
        for i, m in zip(run, ms):
            key = m.group(1) + m.group(2) + m.group(3) + m.group(2)
            kept[i] = key + " " * (width - len(key) + 1) + "=" + m.group(5)
    text = "\n".join(kept)
    # the lines left of a map lose the blank lines that now open or close it
    text = re.sub(r"\{\n(?:[ \t]*\n)+", "{\n", text)
    text = re.sub(r"\n(?:[ \t]*\n)+([ \t]*\})", r"\n\1", text)
    text = re.sub(r"\{\n[ \t]*\}", "{}", text)
    text = _without_empty_maps(text, doc.unit)
    if re.fullmatch(r"\{\s*\}", text):
        return None
    return "tags = " + text


def _matching_brace(text: str, start: int) -> int:
    """The index of the ``}`` closing the ``{`` at ``start`` (a ``${...}`` inside a string
    balances itself), -1 when there is none."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _without_empty_maps(text: str, unit: str) -> str:
    """``merge({...}, {})`` (a map whose every entry was left out) → ``merge({...})`` → the one
    map left, laid out as a plain map is: what the author would write for those tags."""
    m = re.fullmatch(r"merge\((.*)\)", text, re.S)
    if m is None:
        return text
    args = re.sub(r"^\s*\{\}\s*,\s*", "", re.sub(r",\s*\{\}(?=\s*(,|$))", "", m.group(1).strip()))
    if not args.startswith("{") or _matching_brace(args, 0) != len(args.rstrip(",").rstrip()) - 1:
        return "merge(" + args + ")" if args != m.group(1).strip() else text
    body = [ln.strip() for ln in args.rstrip(",").rstrip()[1:-1].split("\n") if ln.strip()]
    if not body or any(_ENTRY.match(ln) is None for ln in body):
        return text
    ms = [_ENTRY.match(ln) for ln in body]
    width = max(len(x.group(2)) * 2 + len(x.group(3)) for x in ms)
    rows = []
    for x in ms:
        key = x.group(2) + x.group(3) + x.group(2)
        rows.append(unit + key + " " * (width - len(key) + 1) + "=" + x.group(5))
    return "{\n" + "\n".join(rows) + "\n}"


def counted(block: Block) -> bool:
    """True for a resource with count/for_each (references to it need an index)."""
    return block.attr("count") is not None or block.attr("for_each") is not None


def label_for(doc: TfDoc, rtype: str, base: str, word: str) -> str:
    """A free resource label for ``rtype``: ``<base>_<word>`` in the file's label style."""
    sep = "-" if ("-" in base and "_" not in base) else "_"
    want = f"{base}{sep}{word}" if word else base
    key = ("labels", rtype)
    taken = doc.cache.get(key)
    if taken is None:  # asked once per companion resource written: a scan each is quadratic
        taken = doc.cache[key] = {b.labels[1] for b in doc.resources(rtype)}
    label, n = want, 2
    while label in taken:
        label, n = f"{want}{sep}{n}", n + 1
    return label


def kebab(s: str) -> str:
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", s)
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-")
    return s.lower()


def derived_name(doc: TfDoc, value_node, word: str, fifo: bool = False) -> Optional[str]:
    """The value of a name attribute for a resource derived from another one's name.

    ``"orders-${var.environment_suffix}"`` → ``"orders-dlq-${var.environment_suffix}"``;
    ``"orders"`` → ``"orders-dlq"``; ``"orders.fifo"`` → ``"orders-dlq.fifo"``;
    ``var.name`` → ``"${var.name}-dlq"`` (None when a FIFO suffix cannot be placed).
    Returns the expression text, or None when no name can be derived.
    """
    node = unwrap(value_node)
    env = env_var(doc)
    if isinstance(node, Tree) and node.data == "string":
        src = doc.source(node)
        start = span(node)[0]
        inner = src[1:-1]
        # split into literal pieces and ${...} pieces, with their offsets in ``inner``
        parts = []
        for part in node.children:
            if isinstance(part, Tree) and part.data == "string_part":
                s, e = span(part)
                is_interp = any(isinstance(c, Tree) and c.data == "interpolation" for c in part.children)
                parts.append((s - start - 1, e - start - 1, is_interp))
        sep = "_" if ("_" in inner and "-" not in inner) else "-"
        # insert before the environment-suffix interpolation when a separator precedes it
        if env:
            for s, e, is_interp in parts:
                if is_interp and inner[s:e].replace(" ", "") == "${" + env + "}" and s > 0 and inner[s - 1] in "-_":
                    return '"' + inner[:s] + word + inner[s - 1] + inner[s:] + '"'
        if inner.endswith(".fifo"):
            return '"' + inner[: -len(".fifo")] + sep + word + ".fifo" + '"'
        if fifo:
            return None
        return '"' + inner + sep + word + '"'
    if fifo:
        return None
    return '"${' + doc.source(node) + "}-" + word + '"'


NAME_ATTRS = ("name", "name_prefix", "function_name", "bucket", "bucket_prefix", "cluster_name",
              "identifier", "cluster_identifier", "table_name", "role_name")
_LEADING_REF = re.compile(r'^(?:"/?\$\{((?:local|var)\.[A-Za-z_][A-Za-z0-9_-]*)\}[-_/]|((?:local|var)\.[A-Za-z_][A-Za-z0-9_-]*)$)')


def name_prefix(doc: TfDoc) -> Optional[str]:
    """The expression the module starts its resources' names with (``local.name`` in
    ``name = "${local.name}-orders"``, ``"/${local.name}/secret"`` or ``cluster_name =
    local.name`` of a module call), used by at least two of them; None if it has none.
    A companion resource named so is as unique as the resources it stands beside."""
    cache = module_cache(doc)
    if "name-prefix" not in cache:
        counts: dict = {}
        for _, d in module_docs(doc):
            for r in d.resources() + d.blocks_of("module"):
                for a in NAME_ATTRS:
                    at = r.attr(a)
                    if at is not None:
                        m = _LEADING_REF.match(d.source(at.value).strip())
                        if m is not None:
                            ref = m.group(1) or m.group(2)
                            counts[ref] = counts.get(ref, 0) + 1
                        break
        best = max(sorted(counts), key=lambda k: counts[k], default=None)
        cache["name-prefix"] = best if best is not None and counts[best] >= 2 else None
    return cache["name-prefix"]


def literal_name(doc: TfDoc, block: Block, *attrs: str) -> Optional[str]:
    for a in attrs:
        at = block.attr(a)
        if at is not None:
            return string_value(at.value)
    return None


# ---------------------------------------------------------------------------
# IAM policy documents (lambda-tracing, iam-wildcard)


class Statement:
    """One statement of a policy document, as far as the file lets it be read.

    ``style``: "json" (an object of ``jsonencode({...})``), "document" (a ``statement``
    block of ``data "aws_iam_policy_document"``) or "text" (JSON in a string or heredoc:
    read only). ``effect`` and ``actions`` are None when they are not literals;
    ``actions`` holds the ``NotAction``/``not_actions`` list when ``not_action``.
    ``resource``: the value node of ``Resource``/``resources`` (None: absent or "text").
    """

    def __init__(self, style, node, effect, actions, not_action=False, resource=None, resource_key=None,
                 principal=False, raw=None):
        self.style = style
        self.node = node
        self.effect = effect
        self.actions = actions
        self.not_action = not_action
        self.resource = resource
        self.resource_key = resource_key  # the ObjItem / Attr holding ``resource``
        self.principal = principal  # it names a Principal / NotPrincipal (a resource or trust policy)
        self.raw = raw  # "text": the statement's JSON data


def bare(node):
    """The expression of a legacy interpolation-only string ``"${expr}"``, else ``node`` unwrapped."""
    node = unwrap(node)
    if isinstance(node, Tree) and node.data == "string":
        parts = [p for p in node.children if isinstance(p, Tree) and p.data == "string_part"]
        if len(parts) == 1 and len(parts[0].children) == 1:
            inner = parts[0].children[0]
            if isinstance(inner, Tree) and inner.data == "interpolation":
                exprs = [c for c in inner.children if isinstance(c, Tree)]
                if len(exprs) == 1:
                    return unwrap(exprs[0])
    return node


def data_block(doc: TfDoc, dtype: str, name: str) -> Optional[Block]:
    for b in doc.blocks_of("data"):
        if b.labels == [dtype, name]:
            return b
    return None


def _literal_strings(node) -> Optional[list]:
    """A string literal or a list of string literals → list of str, else None."""
    node = unwrap(node)
    if isinstance(node, Tree) and node.data == "tuple":
        out = []
        for c in node.children:
            if isinstance(c, Tree) and c.data != "new_line_or_comment":
                s = string_value(c)
                if s is None:
                    return None
                out.append(s)
        return out
    s = string_value(node)
    return [s] if s is not None else None


def policy_statements(doc: TfDoc, value) -> Optional[list]:
    """The statements of a policy given by ``value`` (``jsonencode({...})``,
    ``data.aws_iam_policy_document.<name>.json``, or JSON text without interpolation),
    or None when the document cannot be read (a variable, ``file(...)``, a template,
    a ``dynamic "statement"``, documents merged from others)."""
    import json

    from iacfix.transforms.terraform import function_call, object_items

    node = bare(value)
    call = function_call(node)
    if call is not None:
        name, args = call
        if name != "jsonencode" or len(args) != 1:
            return None
        items = object_items(args[0])
        if items is None:
            return None
        st = next((it for it in items if it.key == "Statement"), None)
        if st is None:
            return []
        sv = unwrap(st.value)
        objs = [c for c in sv.children if isinstance(c, Tree) and c.data != "new_line_or_comment"] \
            if isinstance(sv, Tree) and sv.data == "tuple" else [sv]
        out = []
        for o in objs:
            its = object_items(o)
            if its is None:
                return None
            keys = {it.key: it for it in its}
            effect = string_value(keys["Effect"].value) if "Effect" in keys else None
            not_action = "NotAction" in keys
            act = keys.get("NotAction" if not_action else "Action")
            actions = _literal_strings(act.value) if act is not None else None
            res = keys.get("Resource")
            out.append(Statement("json", unwrap(o), effect, actions, not_action,
                                 res.value if res is not None else None, res,
                                 principal="Principal" in keys or "NotPrincipal" in keys))
        return out
    t = traversal(node)
    if t and len(t) == 4 and t[0] == "data" and t[1] == "aws_iam_policy_document" and t[3] in ("json", "minified_json"):
        block = data_block(doc, t[1], t[2])
        if block is None:
            return None
        if any(block.attr(a) is not None for a in ("source_policy_documents", "override_policy_documents",
                                                     "source_json", "override_json")):
            return None
        return document_statements(block)
    text = None
    if isinstance(node, Tree) and node.data == "string":
        text = string_value(node)
    elif isinstance(node, Tree) and node.data.startswith("heredoc"):
        raw = str(node.children[0])
        if "${" not in raw and "%{" not in raw:
            text = raw.split("\n", 1)[1].rsplit("\n", 2)[0] if raw.count("\n") >= 2 else None
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    sts = data.get("Statement", []) if isinstance(data, dict) else None
    if isinstance(sts, dict):
        sts = [sts]
    if not isinstance(sts, list):
        return None
    out = []
    for s in sts:
        if not isinstance(s, dict):
            return None
        not_action = "NotAction" in s
        act = s.get("NotAction" if not_action else "Action")
        actions = [act] if isinstance(act, str) else act if isinstance(act, list) and all(isinstance(a, str) for a in act) else None
        effect = s.get("Effect") if isinstance(s.get("Effect"), str) else None
        out.append(Statement("text", None, effect, actions, not_action,
                             principal="Principal" in s or "NotPrincipal" in s, raw=s))
    return out


def document_statements(block: Block) -> Optional[list]:
    """The ``statement`` blocks of a ``data "aws_iam_policy_document"`` (its own, not the
    documents it merges), or None when some are ``dynamic``."""
    if any(d.labels and d.labels[0] == "statement" for d in block.blocks("dynamic")):
        return None
    out = []
    for s in block.blocks("statement"):
        e = s.attr("effect")
        effect = "Allow" if e is None else string_value(e.value)
        not_action = s.attr("not_actions") is not None
        act = s.attr("not_actions" if not_action else "actions")
        actions = _literal_strings(act.value) if act is not None else None
        res = s.attr("resources")
        out.append(Statement("document", s, effect, actions, not_action,
                             res.value if res is not None else None, res,
                             principal=bool(s.blocks("principals") or s.blocks("not_principals"))))
    return out


# ---------------------------------------------------------------------------
# The environment-suffix variable, added when the file has none (environment-suffix)


def suffix_variable(doc: TfDoc, name: str = "environment_suffix") -> Optional[str]:
    """``var.<name>`` when the module declares or uses it, else the module's environment
    variable (``env_var``), else None."""
    declared, used = _variables(doc)
    if name in declared or name in used:
        return f"var.{name}"
    return env_var(doc)


def variables_file(doc: TfDoc) -> TfDoc:
    """The file of the module where variables are declared: ``variables.tf``, else the file
    declaring the most of them (the first such), else ``doc`` itself."""
    best, most = doc, 0
    for path, d in module_docs(doc):
        n = len(d.blocks_of("variable"))
        if path.replace("\\", "/").rsplit("/", 1)[-1] == "variables.tf":
            return d
        if n > most:
            best, most = d, n
    return best


def in_file(of: TfDoc, doc: TfDoc, edit: Edit) -> Edit:
    """``edit`` (made on ``doc``) as an edit of the file ``of`` is fixing."""
    return edit if doc is of else dataclasses.replace(edit, path=getattr(doc, "path", None))


def add_variable(doc: TfDoc, name: str, default: str) -> Edit:
    """The Edit declaring ``variable "<name>" { type = string  default = "<default>" }`` in
    the module's variables file (``variables_file``): after its last ``variable`` block;
    else before its first block that is not ``terraform``/``provider`` (and the comment
    lines right above it: they describe that block); else at the end."""
    target = variables_file(doc)
    return in_file(doc, target, _add_variable(target, name, default))


def _add_variable(doc: TfDoc, name: str, default: str) -> Edit:
    from iacfix.transforms.terraform import insert_after_block, quote, render_block

    text = render_block("variable", [name], [("type", "string"), ("default", quote(default))], doc.unit)
    variables = doc.blocks_of("variable")
    if variables:
        return insert_after_block(doc, variables[-1], text)
    first = next((b for b in doc.blocks if b.type not in ("terraform", "provider")), None)
    if first is None:
        if not doc.blocks:
            return Edit(0, 0, text + "\n")
        return insert_after_block(doc, doc.blocks[-1], text)
    line = first.line
    while line > 1 and doc.lines.line_text(line - 1).lstrip().startswith(("#", "//")):
        line -= 1
    at = doc.lines.line_start(line)
    indent = doc.lines.indent_of(first.line)
    body = "".join((indent + ln) if ln.strip() else ln for ln in text.splitlines(True))
    return Edit(at, at, body + "\n\n")


def module_resource(doc: TfDoc, rtype: str, name: str) -> Optional[Tuple[TfDoc, Block]]:
    """(file, block) of the resource ``rtype.name`` in ``doc``'s module (``doc`` first)."""
    for _, d in module_docs(doc):
        b = d.resource(rtype, name)
        if b is not None:
            return d, b
    return None


def function_role_at(doc: TfDoc, fn: Block) -> Optional[Tuple[TfDoc, Block]]:
    """(file, block) of the ``aws_iam_role`` a Lambda function's ``role`` refers to
    (``aws_iam_role.x.arn``, also written ``"${aws_iam_role.x.arn}"``), in any file of the
    module; None for a role given otherwise (a variable, a module output, a data source)."""
    a = fn.attr("role")
    t = traversal(bare(a.value)) if a is not None else None
    if t and len(t) == 3 and t[0] == "aws_iam_role" and t[2] == "arn":
        return module_resource(doc, "aws_iam_role", t[1])
    return None


def function_role(doc: TfDoc, fn: Block) -> Optional[Block]:
    """The role block of ``function_role_at``."""
    found = function_role_at(doc, fn)
    return found[1] if found is not None else None


def dead_letter_targets(doc: TfDoc):
    """Labels of aws_sqs_queue resources used as a dead-letter queue / failure destination."""
    out = set()
    for res in doc.resources():
        if res.attr("redrive_policy") is not None:  # queues, SNS subscriptions
            out |= _sqs_refs(res.attr("redrive_policy").value)
        for n in walk(res.node):  # functions, event targets, event source mappings, pipes ...
            if n.data == "block" and ident(n.children[0]) in ("dead_letter_config", "on_failure"):
                out |= _sqs_refs(n)
        if res.labels[0] == "aws_sqs_queue_redrive_allow_policy" and res.attr("queue_url") is not None:
            out |= _sqs_refs(res.attr("queue_url").value)
    return out


def _sqs_refs(node):
    return {n for t, n in references(node) if t == "aws_sqs_queue"}


# ------------------------------------------------------------------ a function's log group
def name_template(source: str) -> Optional[str]:
    """A name expression as the text of a string template, whitespace in its fields
    dropped: ``"a-${ var.e }"`` → ``a-${var.e}``, ``var.name`` → ``${var.name}``. None for
    one that spans lines."""
    s = source.strip()
    if "\n" in s:
        return None
    if len(s) >= 2 and s[0] == s[-1] == '"':
        s = s[1:-1]
    else:
        s = "${" + s + "}"
    return re.sub(r"\$\{([^}]*)\}", lambda m: "${" + re.sub(r"\s+", "", m.group(1)) + "}", s)


def function_log_group_names(doc: TfDoc, fn: Block) -> set:
    """The names (``name_template``) a log group of the module can have to be the one
    ``fn`` logs to: ``/aws/lambda/`` and its ``function_name``, or its own
    ``function_name`` attribute interpolated."""
    from iacfix.codemods.common.aws import LAMBDA_LOG_GROUP_PREFIX

    out = {f"{LAMBDA_LOG_GROUP_PREFIX}${{aws_lambda_function.{fn.labels[1]}.function_name}}"}
    a = fn.attr("function_name")
    key = name_template(doc.source(a.value)) if a is not None else None
    if key is not None:
        out.add(LAMBDA_LOG_GROUP_PREFIX + key)
    return out


def logs_elsewhere(fn: Block) -> bool:
    """Does the function send its logs to a log group it names (``logging_config``)?"""
    if any(b.attr("log_group") is not None for b in fn.blocks("logging_config")):
        return True
    return any(d.labels and d.labels[0] == "logging_config" for d in fn.blocks("dynamic"))


def function_log_groups(doc: TfDoc) -> set:
    """Labels of ``doc``'s log groups that a Lambda function of the module logs to: named
    ``/aws/lambda/<its function_name>``, or its ``logging_config`` ``log_group``."""
    def compute():
        names, labels = set(), set()
        for _, d in module_docs(doc):
            for fn in d.resources("aws_lambda_function"):
                names |= function_log_group_names(d, fn)
                for b in fn.blocks("logging_config"):
                    a = b.attr("log_group")
                    if a is not None:
                        labels |= {n for t, n in references(a.value) if t == "aws_cloudwatch_log_group"}
        return names, labels

    names, labels = _memo(doc, "function_log_groups", compute)
    out = set()
    for g in doc.resources("aws_cloudwatch_log_group"):
        a = g.attr("name")
        if g.labels[1] in labels or (a is not None and name_template(doc.source(a.value)) in names):
            out.add(g.labels[1])
    return out


def edge_functions(doc) -> set:
    """Labels of the file's ``aws_lambda_function`` resources a CloudFront distribution deploys
    at the edge (Lambda@Edge): they cannot have a dead-letter queue, and their Errors and
    Throttles are reported in the regions that run them, not as this region's Lambda metrics."""
    from iacfix.codemods.common.aws import TERRAFORM_EDGE
    from iacfix.transforms.terraform import references

    out: set = set()
    for res in doc.resources(*TERRAFORM_EDGE):
        out |= {n for t, n in references(res.node) if t == "aws_lambda_function"}
    return out


# ---------------------------------------------------------------------------
# Parameter groups (rds-parameter-group, elasticache-parameter-group)


def companion_name(doc: TfDoc, served: Block, name_attr: str, word: str) -> str:
    """The ``name`` expression of a resource created for ``served`` whose name must be unique
    in the account and region: ``served``'s own name (its ``name_attr``) with ``word`` added
    (``"orders-params-${var.environment_suffix}"``), else its label in kebab-case with the
    environment suffix, else led by the module's name prefix, else the label alone."""
    a = served.attr(name_attr)
    if a is not None and "\n" not in doc.source(a.value):
        derived = derived_name(doc, a.value, word)
        if derived is not None:
            return derived
    base = kebab(served.labels[1])
    env = env_var(doc)
    if env:
        return f'"{base}-{word}-${{{env}}}"'
    lead = name_prefix(doc)
    if lead:
        return f'"${{{lead}}}-{base}-{word}"'
    return f'"{base}-{word}"'


def group_after(doc: TfDoc, served: Block, rtype: str, items: list):
    """(label, edit) of a new ``rtype`` resource created for ``served`` (a parameter group):
    ``items`` after ``served``'s provider and region, then ``served``'s tags, labelled like
    ``served``, right after it."""
    label = label_for(doc, rtype, served.labels[1], "")
    items = list(items)
    tags = copied_tags(doc, served)
    if tags is not None:
        items.append(("", tags))
    block = render_block("resource", [rtype, label], served_by(doc, served, rtype, items), doc.unit)
    return label, insert_after_block(doc, served, block)


def engine_family(block: Block, family_of, default_engine: Optional[str] = None,
                  no_engine: str = "it does not name its engine"):
    """``aws.engine_family`` of ``block``'s ``engine`` and ``engine_version`` literals."""
    from iacfix.transforms.terraform import literal

    def read(name):
        a = block.attr(name)
        v = literal(a.value) if a is not None else None
        return v if v is None or isinstance(v, str) else NOT_WRITTEN

    return aws_engine_family(read("engine"), read("engine_version"), family_of, default_engine, no_engine)
