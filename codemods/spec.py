"""The catalog's one vocabulary: what a codemod states, once, for every language.

A codemod is a ``Codemod`` whose ``rules`` say which kinds of resource it concerns
and what must hold of them. Kinds and properties have *neutral* names:

- a kind is the CloudFormation type written ``service.Type`` (``kms.Key`` for
  ``AWS::KMS::Key``, ``rds.DBInstance``, ``lambda.Function``);
- a property is the CloudFormation property in snake_case as AWS CDK spells it
  (``enable_key_rotation``, ``multi_az_enabled`` for ``MultiAZEnabled``,
  ``db_cluster_identifier``); a nested property is a path (``stream_encryption.key_id``).

Each language's adapter (``iacfix.codemods.lang.<language>``) maps kinds and
properties to its own spelling (``aws_kms_key``/``enable_key_rotation``,
``AWS::KMS::Key``/``EnableKeyRotation``, ``aws_cdk.aws_kms.Key``, ``pulumi_aws.kms.Key``)
and interprets the rules; where a language differs for real (a CDK L2 default, a
property that takes an enum), the adapter says so in a small named exception.

What must hold, per property (``Requirement``):

- ``Exactly(value, accept=())``: missing → the safe fix adds ``value``; a known other
  value (a literal, an enum member) → unsafe finding, the fix replaces it; a value
  the file cannot know (a variable, a parameter, a call) → no finding.
- ``Explicit(value, reject=())``: missing → added; any given value is the author's,
  except a known one in ``reject`` (unsafe, replaced).
- ``AtLeast(value, minimum)``: missing → added; a known number below ``minimum`` →
  unsafe, replaced by ``value``.
- ``Nested(fields)``: a structure (a Terraform block, a CloudFormation mapping, a CDK
  or Pulumi props object): missing → written whole; present → its fields are checked
  and the missing ones added into it.
- ``Entry(key, key_value, fields)``: the item of a list identified by ``key: key_value``
  (``cluster_settings: [{name: containerInsights, value: enabled}]``): appended when
  missing, its fields checked when present; a list that cannot be read → unknown.

Each takes ``label`` (how a message names it: "key rotation"), ``off`` (how a message
says it is explicitly wrong; default "has <label> disabled") and ``when`` (a
``Condition`` on the resource: the requirement applies only where it holds).

Values: literals (bool, int, str, lists of them), ``Param(name)`` (a parameter of the
codemod; a requirement whose parameter is empty is dropped: nothing to write),
``ByProp(prop, table)`` (chosen by the literal of another property: log types by
engine), ``TheOnly(kind, attr)`` (a reference to the module's only resource of that
kind; the requirement is dropped where there is not exactly one) and ``Hook(name)``
(a value only an adapter can compute; dropped where the adapter has none).

Conditions are three-valued: true, false, or unknown (a value the file cannot know).
A rule or requirement applies only where its condition is *known* true:
``Present(prop)``, ``Absent(prop)``, ``Is(prop, *values, missing=..., fold=...)``,
``Known(prop)`` (absent or readable), ``Above(prop, n)``, ``ParamSet(name)``,
``Has(value)`` (a ``TheOnly`` that resolves), ``Hook(name, default)``, and ``Not``,
``All``, ``AnyOf`` of them.

A ``Rule`` gives one finding per resource (its key: the resource and ``detail``), whose
fix writes every missing property at once; an explicitly wrong value makes it unsafe.
``unsafe=True`` makes every finding of the rule unsafe (a change that replaces the
resource): give such properties their own rule and ``detail`` so that the safe ones
are still fixed by default. Messages are worded once, here (``message``).

Where properties added to a resource go is one table for the catalog (``ORDER``): a
property is inserted before the trailing run of the properties ranked after it, so
that codemods applied in any order write the same file.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from iacfix.core import LANGUAGES, Gap

# ---------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class Parameter:
    """A parameter of a codemod, set in ``[tool.iacfix.<slug>]``, with the range and form AWS
    accepts for it: a configured value is checked once, here (``problem``), before it is
    written into anyone's files.

    ``kind``: ``int``, ``str``, ``bool``, ``list`` (of strings) or ``dict`` (string → string);
    default: the default's type. ``minimum``/``maximum`` bound an ``int``. ``choices``: the
    only values (of a list: the only items). ``pattern`` (a regular expression the whole
    string must match; of a list: each item; of a dict: each value) described as ``form``;
    ``key_pattern``/``key_form`` the same for a dict's keys. ``placeholders``: names a string
    may hold as ``{name}`` (any other ``{...}`` is an error; the pattern is matched without
    them). ``check``: a callable returning an error text, for anything else.
    """

    name: str  # snake_case; configuration accepts snake_case or kebab-case
    default: Any
    help: str
    choices: Tuple[Any, ...] = ()  # the only values accepted, when not empty
    kind: Optional[type] = None
    minimum: Optional[int] = None
    maximum: Optional[int] = None
    pattern: Optional[str] = None
    form: str = ""
    key_pattern: Optional[str] = None
    key_form: str = ""
    placeholders: Tuple[str, ...] = ()
    check: Optional[Callable[[Any], Optional[str]]] = None
    # A parameter without a default that a fix needs (``Codemod.fix_needs``): what a finding
    # says to write ("N" for a number), and a value of that form to detect with meanwhile.
    example: Any = None

    def expected(self) -> str:
        """What the parameter accepts, in words."""
        kind = self.kind or type(self.default)
        if self.choices:
            head = "a list of any of " if kind is list else "one of "
            return head + ", ".join(_show(c) for c in self.choices)
        if kind is bool:
            return "true or false"
        if kind is int:
            if self.minimum is not None and self.maximum is not None:
                return f"an integer from {self.minimum} to {self.maximum}"
            if self.minimum is not None:
                return f"an integer of at least {self.minimum}"
            return "an integer"
        if kind is list:
            return "a list of strings" + (f" ({self.form})" if self.form else "")
        if kind is dict:
            what = f"a table of {self.key_form or 'names'} = {self.form or 'strings'}"
            return what + (_placeholders(self.placeholders) if self.placeholders else "")
        what = self.form or "a string"
        return what + (_placeholders(self.placeholders) if self.placeholders else "")

    def problem(self, value: Any) -> Optional[str]:
        """None when AWS (and the generated code) accept ``value``; else what is wrong and
        what is expected, in one line."""
        if value is None and self.default is None:
            return None  # unset: what the parameter's codemod does without it is its own choice
        wrong = self._wrong(value)
        if wrong is None and self.check is not None:
            wrong = self.check(value)
        return None if wrong is None else f"{wrong}; expected {self.expected()}"

    def _wrong(self, value: Any) -> Optional[str]:
        kind = self.kind or type(self.default)
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                return f"{_show(value)} is not an integer"
            if self.minimum is not None and value < self.minimum:
                return f"{_show(value)} is below {self.minimum}"
            if self.maximum is not None and value > self.maximum:
                return f"{_show(value)} is above {self.maximum}"
        elif kind is bool:
            if not isinstance(value, bool):
                return f"{_show(value)} is not true or false"
        elif kind is str:
            if not isinstance(value, str):
                return f"{_show(value)} is not a string"
            wrong = self._string(value, self.pattern, self.placeholders)
            if wrong:
                return wrong
        elif kind is list:
            if not isinstance(value, list):
                return f"{_show(value)} is not a list"
            for item in value:
                if not isinstance(item, str):
                    return f"the item {_show(item)} is not a string"
                if self.choices and item not in self.choices:
                    return f"the item {_show(item)} is not accepted"
                wrong = self._string(item, self.pattern, ())
                if wrong:
                    return f"the item {wrong}"
            return None
        elif kind is dict:
            if not isinstance(value, dict):
                return f"{_show(value)} is not a table"
            for k, v in value.items():
                wrong = self._string(k, self.key_pattern, ())
                if wrong:
                    return f"the name {wrong}"
                if not isinstance(v, str):
                    return f"the value of {_show(k)} is {_show(v)}, not a string"
                wrong = self._string(v, self.pattern, self.placeholders)
                if wrong:
                    return f"the value of {_show(k)}: {wrong}"
            return None
        if self.choices and value not in self.choices:
            return f"{_show(value)} is not accepted"
        return None

    @staticmethod
    def _string(text: str, pattern: Optional[str], placeholders: Tuple[str, ...]) -> Optional[str]:
        bare = text
        if placeholders:
            for m in re.finditer(r"\{([^{}]*)\}", text):
                if m.group(1) not in placeholders:
                    return f"{_show(text)} has an unknown placeholder {{{m.group(1)}}}"
            bare = re.sub(r"\{(?:" + "|".join(map(re.escape, placeholders)) + r")\}", "", text)
        if pattern is not None and re.fullmatch(pattern, bare) is None:
            return f"{_show(text)} is not accepted"
        return None


def _show(value: Any) -> str:
    """A configured value as TOML writes it (it came from a TOML file)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, int):
        text = str(value) if abs(value) < 10 ** 30 else f"an integer of {len(str(abs(value)))} digits"
        return text
    if isinstance(value, float):
        return {float("inf"): "inf", float("-inf"): "-inf"}.get(value, "nan" if value != value else repr(value))
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _placeholders(names: Tuple[str, ...]) -> str:
    return ", which may use " + " and ".join("{" + n + "}" for n in names)


# ---------------------------------------------------------------------- values


@dataclass(frozen=True)
class Param:
    """The value of the codemod's parameter ``name``."""

    name: str


@dataclass(frozen=True)
class ByProp:
    """A value chosen by the literal of another property (case-folded when ``fold``):
    ``ByProp("engine", {"postgres": ["postgresql", "upgrade"]})``. No entry → dropped."""

    prop: str
    table: Tuple[Tuple[str, Any], ...]
    fold: bool = True

    def __init__(self, prop: str, table: Mapping[str, Any], fold: bool = True):
        object.__setattr__(self, "prop", prop)
        object.__setattr__(self, "table", tuple((k.lower() if fold else k, v) for k, v in table.items()))
        object.__setattr__(self, "fold", fold)

    def pick(self, literal: Any) -> Any:
        if not isinstance(literal, str):
            return None
        key = literal.lower() if self.fold else literal
        return dict(self.table).get(key)


@dataclass(frozen=True)
class TheOnly:
    """A reference to the module's only resource of ``kind`` (``attr``: which of its
    identifiers: ``arn``, ``key_id``...). Dropped when there is not exactly one."""

    kind: str
    attr: str = "arn"


@dataclass(frozen=True)
class Hook:
    """Something only a language's adapter can compute, by name. As a condition,
    ``default`` is its value where the adapter has no such hook."""

    name: str
    default: Optional[bool] = None


Value = Union[bool, int, float, str, list, Param, ByProp, TheOnly, Hook]

# ---------------------------------------------------------------------- conditions


@dataclass(frozen=True)
class Present:
    prop: str


@dataclass(frozen=True)
class Absent:
    prop: str


@dataclass(frozen=True)
class Is:
    """The property's literal is one of ``values`` (strings case-folded when ``fold``).
    ``missing``: the result when the property is absent (None: unknown)."""

    prop: str
    values: Tuple[Any, ...]
    missing: Optional[bool] = False
    fold: bool = False

    def __init__(self, prop: str, *values: Any, missing: Optional[bool] = False, fold: bool = False):
        object.__setattr__(self, "prop", prop)
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "missing", missing)
        object.__setattr__(self, "fold", fold)


@dataclass(frozen=True)
class Known:
    """The property is absent or a value the file knows (not a variable, a call...)."""

    prop: str


@dataclass(frozen=True)
class Has:
    """A value can be computed here (``TheOnly``: there is exactly one such resource)."""

    value: Any


@dataclass(frozen=True)
class Above:
    """The property's literal number is greater than ``n`` (absent: ``missing``)."""

    prop: str
    n: float
    missing: Optional[bool] = False


@dataclass(frozen=True)
class Satisfies:
    """``test(literal)`` holds (True/False, None: cannot tell) for the property's literal
    (absent: ``missing``): a fact about a value that no simpler condition says (an engine
    version that supports a feature)."""

    prop: str
    test: Callable[..., Optional[bool]]
    missing: Optional[bool] = False
    # the test also takes this parameter's value (a window that must not meet another)
    param: str = ""


@dataclass(frozen=True)
class ParamSet:
    """The codemod's parameter ``name`` is set (truthy)."""

    name: str


@dataclass(frozen=True)
class Not:
    cond: Any


@dataclass(frozen=True)
class All:
    conds: Tuple[Any, ...]

    def __init__(self, *conds: Any):
        object.__setattr__(self, "conds", conds)


@dataclass(frozen=True)
class AnyOf:
    conds: Tuple[Any, ...]

    def __init__(self, *conds: Any):
        object.__setattr__(self, "conds", conds)


Condition = Union[Present, Absent, Is, Known, Above, Satisfies, ParamSet, Has, Hook, Not, All, AnyOf]


def evaluate(cond: Optional[Condition], read: Callable[[str], Any], params: Mapping[str, Any],
             hook: Callable[[Hook], Any], resolve: Callable[[Any], Any] = lambda v: v) -> Optional[bool]:
    """True, False or None (unknown).

    ``read(prop)``: the property's literal, ``ABSENT`` when it is not given (or null), or
    ``UNKNOWN`` when it cannot be read. ``hook(h)``: the adapter's answer, or ``NO_HOOK``.
    ``resolve(value)``: a computed value (``TheOnly``...), None when it cannot be computed."""
    if cond is None:
        return True
    if isinstance(cond, Known):
        return None if read(cond.prop) is UNKNOWN else True
    if isinstance(cond, Has):
        return resolve(cond.value) is not None
    if isinstance(cond, Present):
        v = read(cond.prop)
        return v is not ABSENT
    if isinstance(cond, Absent):
        return read(cond.prop) is ABSENT
    if isinstance(cond, Is):
        v = read(cond.prop)
        if v is ABSENT:
            return cond.missing
        if v is UNKNOWN:
            return None
        if cond.fold and isinstance(v, str):
            return any(isinstance(w, str) and v.lower() == w.lower() for w in cond.values)
        return any(same(v, w) for w in cond.values)
    if isinstance(cond, Above):
        v = read(cond.prop)
        if v is ABSENT:
            return cond.missing
        n = number(v)
        return None if n is None else n > cond.n
    if isinstance(cond, Satisfies):
        v = read(cond.prop)
        if v is ABSENT:
            return cond.missing
        if v is UNKNOWN:
            return None
        return cond.test(v, params.get(cond.param)) if cond.param else cond.test(v)
    if isinstance(cond, ParamSet):
        return bool(params.get(cond.name))
    if isinstance(cond, Hook):
        r = hook(cond)
        return cond.default if r is NO_HOOK else r
    if isinstance(cond, Not):
        r = evaluate(cond.cond, read, params, hook, resolve)
        return None if r is None else not r
    if isinstance(cond, All):
        rs = [evaluate(c, read, params, hook, resolve) for c in cond.conds]
        return False if False in rs else (None if None in rs else True)
    if isinstance(cond, AnyOf):
        rs = [evaluate(c, read, params, hook, resolve) for c in cond.conds]
        return True if True in rs else (None if None in rs else False)
    raise TypeError(f"not a condition: {cond!r}")


class _Marker:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


ABSENT = _Marker("ABSENT")  # the property is not given (or is null)
UNKNOWN = _Marker("UNKNOWN")  # the property is given, but not as a value the file can know
NO_HOOK = _Marker("NO_HOOK")  # the adapter has no such hook


def same(have: Any, want: Any) -> bool:
    """Literal equality as infrastructure code means it: True is not 1, 30 == 30.0."""
    if isinstance(want, bool) or isinstance(have, bool):
        return isinstance(want, bool) and isinstance(have, bool) and have == want
    if isinstance(want, (int, float)) and isinstance(have, (int, float)):
        return float(have) == float(want)
    return have == want


def number(v: Any) -> Optional[float]:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v)
        except ValueError:
            return None
    return None


# ---------------------------------------------------------------------- requirements


@dataclass(frozen=True)
class Exactly:
    value: Any
    accept: Tuple[Any, ...] = ()
    label: str = ""
    off: str = ""
    when: Optional[Condition] = None


@dataclass(frozen=True)
class Explicit:
    value: Any
    reject: Tuple[Any, ...] = ()
    label: str = ""
    off: str = ""
    when: Optional[Condition] = None


@dataclass(frozen=True)
class AtLeast:
    value: Any
    minimum: Any  # a number or a Param
    label: str = ""
    off: str = ""
    when: Optional[Condition] = None


@dataclass(frozen=True)
class Nested:
    fields: Mapping[str, Any]
    label: str = ""
    off: str = ""
    when: Optional[Condition] = None


@dataclass(frozen=True)
class Entry:
    key: str
    key_value: Any
    fields: Mapping[str, Any] = field(default_factory=dict)
    label: str = ""
    off: str = ""
    when: Optional[Condition] = None


Requirement = Union[Exactly, Explicit, AtLeast, Nested, Entry]


def label_of(name: str, req: Requirement) -> str:
    """How a message names a property: its label, else its (last) name in words."""
    return req.label or name.rpartition(".")[2].replace("_", " ")


# ---------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rule:
    """What must hold of every resource of ``kinds`` where ``when`` holds."""

    kinds: Tuple[str, ...]
    require: Mapping[str, Requirement]
    what: str  # how a message names the resource: "KMS key"
    when: Optional[Condition] = None
    detail: str = ""  # the finding's key within the resource (default: the codemod's slug)
    unsafe: bool = False  # every finding unsafe: the change replaces the resource or deletes data
    replaces: bool = False  # deploying the fix replaces the resource (a new physical one)
    note: str = ""  # said after the message: "enabling it replaces the database"


def join(labels: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c" (duplicates dropped)."""
    labels = list(dict.fromkeys(labels))
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def message(what: str, name: str, missing: Sequence[str], wrong: Sequence[Tuple[str, str]], note: str = "") -> str:
    """The one wording of a rule's finding.

    ``missing``: labels of what is not there; ``wrong``: (how it is wrong — an ``off``
    phrase such as "has key rotation disabled" — and the setting as the file spells it).
    """
    parts = [f"{off} ({setting})" for off, setting in wrong]
    if missing:
        parts.append("has no " + join(missing))
    text = f"{what} '{name}' " + " and ".join(parts)
    return f"{text} ({note})" if note else text


def off_phrase(name: str, req: Requirement) -> str:
    return req.off or f"has {label_of(name, req)} disabled"


# ---------------------------------------------------------------------- placement

# Where properties added to an existing resource go, for the whole catalog, by kind and
# neutral name: a property ranked here is inserted before the trailing run of properties
# ranked after it. Adapters translate the names; a language's own trailing conventions
# (tags, depends_on, lifecycle, opts) stay last.
ORDER: Dict[str, Tuple[str, ...]] = {
    "kms.Key": ("enable_key_rotation",),
    "dynamodb.Table": ("point_in_time_recovery_specification",),
    "sqs.Queue": ("sqs_managed_sse_enabled", "kms_master_key_id", "redrive_policy"),
    "ecs.Cluster": ("cluster_settings",),
    "efs.FileSystem": ("encrypted", "kms_key_id"),
    "lambda.Function": ("timeout", "memory_size", "reserved_concurrent_executions", "tracing_config",
                        "dead_letter_config"),
    "logs.LogGroup": ("retention_in_days",),
    "apigateway.Stage": ("access_log_setting", "tracing_enabled", "method_settings"),
    "apigateway.Deployment": ("stage_description",),
    "apigateway.Deployment.stage_description": ("access_log_setting", "tracing_enabled", "throttling_burst_limit",
                                                "throttling_rate_limit"),
    "apigatewayv2.Stage": ("access_log_settings", "default_route_settings"),
    "kinesis.Stream": ("stream_encryption", "retention_period_hours", "shard_level_metrics"),
    "kinesis.Stream.stream_encryption": ("encryption_type", "key_id"),
    # a parameter group attached (rds-parameter-group) goes with the file's own settings,
    # before the protection settings
    "rds.DBInstance": ("storage_type", "db_parameter_group_name", "skip_final_snapshot", "storage_encrypted", "backup_retention_period", "copy_tags_to_snapshot",
                       "deletion_protection", "enable_cloudwatch_logs_exports", "auto_minor_version_upgrade",
                       # last: whichever codemod writes first, the windows end the block
                       "preferred_backup_window", "preferred_maintenance_window"),
    "rds.DBCluster": ("db_cluster_parameter_group_name", "skip_final_snapshot", "storage_encrypted", "backup_retention_period", "copy_tags_to_snapshot",
                      "deletion_protection", "enable_cloudwatch_logs_exports",
                      "preferred_backup_window", "preferred_maintenance_window"),
    "iam.Role": ("managed_policy_arns", "policies"),
    "elasticache.ReplicationGroup": ("cache_parameter_group_name", "at_rest_encryption_enabled", "transit_encryption_enabled",
                                     "automatic_failover_enabled", "multi_az_enabled", "snapshot_retention_limit"),
}


def rank(kind: str, prop: str) -> Optional[int]:
    order = ORDER.get(kind, ())
    return order.index(prop) if prop in order else None


# ---------------------------------------------------------------------- examples


@dataclass(frozen=True)
class Example:
    """A small program of one language that the codemod must find something in
    (``finds=True``) or must leave alone. Golden cases stay the byte-exact truth;
    examples show, next to the spec, what it means."""

    language: str
    code: str
    finds: bool


def invalid(language: str, code: str) -> Example:
    return Example(language, code, True)


def valid(language: str, code: str) -> Example:
    return Example(language, code, False)


# ---------------------------------------------------------------------- the codemod

Detector = Callable[[Any, Any], Iterable[Gap]]

SEVERITIES = ("low", "medium", "high")  # a codemod's ``severity``, least first
# The same severities as GitHub code scanning scores a rule (SARIF ``security-severity``:
# 0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high).
SECURITY_SEVERITY = {"low": "3.0", "medium": "5.5", "high": "7.5"}


@dataclass
class Codemod:
    id: str
    slug: str
    title: str
    rationale: str
    rules: Tuple[Rule, ...] = ()
    # language → a detector written for that language, for what rules cannot say
    # (companion resources, names, policies); it runs besides the rules.
    detectors: Dict[str, Detector] = field(default_factory=dict)
    params: Tuple[Parameter, ...] = ()
    # The checks of other scanners this codemod's findings answer (Checkov ids, cfn_nag
    # rule ids): a skip of one of them in the code suppresses the codemod there, and
    # a Checkov id names the codemod wherever an iacfix id is accepted.
    checkov: Tuple[str, ...] = ()
    cfn_nag: Tuple[str, ...] = ()
    # cdk-nag rule ids (``AwsSolutions-SQS3``, ``Serverless-LambdaTracing``: pack name and rule)
    # and cfn-lint rule ids (``I3011``) whose suppressions are honoured the same way.
    cdk_nag: Tuple[str, ...] = ()
    cfn_lint: Tuple[str, ...] = ()
    # check id → the finding ``detail`` it covers, for a check that answers only one
    # rule's findings (the others cover the findings of no such detail).
    check_details: Dict[str, str] = field(default_factory=dict)
    # check id → language → why Checkov still fails the check after a fix that is right
    # (a limitation of the check, a value iacfix cannot know): said by ``iacfix explain``,
    # the docs, and the Checkov oracle, from here alone.
    checkov_gaps: Dict[str, Dict[str, str]] = field(default_factory=dict)
    # What an unsafe fix of this codemod changes (explicit opposite values), if any.
    unsafe_note: str = ""
    # Every fix of this codemod is unsafe by nature (it renames, narrows, regenerates):
    # another codemod's fix may then create such a finding without being at fault.
    unsafe_only: bool = False
    # language → why the codemod cannot exist there (the property does not exist).
    not_applicable: Dict[str, str] = field(default_factory=dict)
    examples: Tuple[Example, ...] = ()
    # What deploying every fix of this codemod does to its resource, given the
    # parameters: ``replaces`` (a rename), ``retains`` (deletion protection).
    replaces: Callable[[Dict[str, Any]], bool] = field(default=lambda params: False, repr=False)
    retains: Callable[[Dict[str, Any]], bool] = field(default=lambda params: False, repr=False)
    # Parameters only the owner can choose (no default): while one is unset, findings are
    # reported without a fix, saying which setting to write.
    fix_needs: Tuple[str, ...] = ()
    # A check of the parameters together (two windows that must not overlap): an error
    # text, or None; each parameter alone is checked by its ``Parameter``.
    check_params: Optional[Callable[[Dict[str, Any]], Optional[str]]] = field(default=None, repr=False)
    # How much a gap of this codemod matters (``iacfix check --fail-on``): "high" where
    # data or access is at stake (encryption, deletion protection, backups, wildcard
    # permissions), "low" for what operations and bookkeeping want (tags, aliases,
    # descriptions, metrics, names), "medium" otherwise.
    severity: str = "medium"
    # What the gap is about, for code scanning and reports ("security", "encryption",
    # "observability", "maintainability"...).
    tags: Tuple[str, ...] = ()

    @property
    def safety(self) -> str:
        """How safe this codemod's fixes are, in words (``iacfix rules``, the docs)."""
        if self.unsafe_only:
            return "unsafe (every fix)"
        if self.unsafe_note:
            return "safe (unsafe for explicit opposite values)"
        return "safe"

    @property
    def languages(self) -> Tuple[str, ...]:
        return tuple(lang for lang in LANGUAGES if lang in self.detectors)

    def defaults(self) -> Dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def param(self, name: str) -> Optional[Parameter]:
        for p in self.params:
            if p.name == name:
                return p
        return None


class Detectors(Mapping[str, Detector]):
    """language → detector, each built the first time it is asked for: checking one
    Terraform file imports the Terraform adapter and detectors only, not libcst or the
    YAML parser. ``declared`` are the languages that may have one, known without
    building anything; iterating (``in``, ``len``, ``languages``) builds them all."""

    def __init__(self, loaders: Mapping[str, Callable[[], Optional[Detector]]]):
        self._loaders = dict(loaders)
        self._built: Dict[str, Optional[Detector]] = {}

    @property
    def declared(self) -> Tuple[str, ...]:
        return tuple(self._loaders)

    def __getitem__(self, language: str) -> Detector:
        if language not in self._built:
            load = self._loaders.get(language)
            self._built[language] = load() if load is not None else None
        det = self._built[language]
        if det is None:
            raise KeyError(language)
        return det

    def __iter__(self):
        return (lang for lang in self._loaders if self.get(lang) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return f"Detectors({', '.join(self.declared)})"


def declared(detectors: Mapping[str, Detector]) -> Tuple[str, ...]:
    """The languages ``detectors`` may have a detector for, without building any."""
    return detectors.declared if isinstance(detectors, Detectors) else tuple(detectors)


def language_detectors(package: str, same_as: Optional[Dict[str, str]] = None) -> Detectors:
    """The ``detect`` of each language module present in a codemod package
    (``codemods/<gap>/<language>.py``), in the order of LANGUAGES; a module is imported
    when its language is first asked for. ``same_as``: language → the language whose
    module serves it too (``{"go": "cdk"}``: ``cdk.py`` is written once for CDK Python and
    CDK Go, against the neutral view of ``lang.view``)."""
    import importlib
    import importlib.util

    def loader(name: str):
        return lambda: importlib.import_module(name).detect

    same_as = same_as or {}
    return Detectors({lang: loader(f"{package}.{same_as.get(lang, lang)}") for lang in LANGUAGES
                      if importlib.util.find_spec(f"{package}.{same_as.get(lang, lang)}") is not None})


def effects(cm: "Codemod", detector: Detector) -> Detector:
    """``detector`` with each gap marked with what its fix does to the resource on deploy
    (``Gap.replaces`` / ``Gap.retains``), as the codemod and its rules state it."""
    replacing = {r.detail or cm.slug for r in cm.rules if r.replaces}
    # the parameters a rule's values are (a finding of that rule needs only those)
    uses: Dict[str, set] = {}
    for r in cm.rules:
        uses.setdefault(r.detail or cm.slug, set()).update(
            req.value.name for req in r.require.values() if isinstance(getattr(req, "value", None), Param))

    def detect(doc, ctx):
        replaces, retains = cm.replaces(ctx.params), cm.retains(ctx.params)
        unset = [p for p in cm.params if p.name in cm.fix_needs and ctx.params.get(p.name) in (None, "")]
        if unset:
            # detect as if set (a placeholder the fix would write), and offer no fix
            ctx = dataclasses.replace(ctx, params={**ctx.params, **{p.name: _placeholder(p) for p in unset}})
        for gap in detector(doc, ctx):
            gap.replaces = gap.replaces or replaces or (gap.detail or cm.slug) in replacing
            gap.retains = gap.retains or retains
            needed = [p for p in unset if p.name in uses.get(gap.detail or cm.slug, {p.name})]
            if needed and gap.fix is not None:  # a finding without a fix needs no parameter
                how = ", ".join(f"{p.name.replace('_', '-')} = {_example(p.example)}" for p in needed)
                gap.withhold(f"only you can choose the value: set [tool.iacfix.{cm.slug}] {how} to fix")
            yield gap

    return detect


def _example(value: Any) -> str:
    """A parameter's example as TOML writes it ("N" for a number without one)."""
    if value is None:
        return "N"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return _show(value)


def _placeholder(p: Parameter) -> Any:
    if p.example is not None:
        return p.example
    return p.minimum if p.minimum is not None else 1


def combine(detectors: List[Detector]) -> Detector:
    """One detector running several in turn."""
    if len(detectors) == 1:
        return detectors[0]

    def detect(doc, ctx):
        for d in detectors:
            yield from d(doc, ctx)

    return detect
