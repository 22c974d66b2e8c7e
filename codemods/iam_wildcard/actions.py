"""Which ARNs a statement's actions need, the same in every language.

``narrowing(["dynamodb:GetItem", "dynamodb:Query"])`` → a Narrowing for the
``dynamodb`` service naming the ARN forms needed: the table itself and its
indexes. A statement is narrowed only when this is certain; otherwise
``narrowing`` returns the reason it is not (a string), which the detector puts in
its message. A statement whose actions all only work on "*" (``star_is_right``) is
not a finding at all. The languages then look for the one resource of ``RESOURCE_KIND``
in the file and render its ARN (and the derived forms) in their own syntax.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Tuple, Union

# service prefix → the kind of resource its resource-level actions act on.
RESOURCE_KIND = {
    "dynamodb": "table",
    "s3": "bucket",
    "sqs": "queue",
    "sns": "topic",
    "kms": "key",
    "kinesis": "stream",
    "lambda": "function",
    "secretsmanager": "secret",
}

# Actions that only ever work on "*": narrowing them would deny them.
STAR_ONLY = {
    "dynamodb": {"listtables", "describelimits", "describereservedcapacity", "describereservedcapacityofferings",
                 "listbackups", "listglobaltables", "describeendpoints", "liststreams", "listcontributorinsights",
                 "listexports", "listimports"},
    "s3": {"listallmybuckets", "listaccesspoints", "listjobs", "createjob", "getaccountpublicaccessblock",
           "putaccountpublicaccessblock", "liststoragelensconfigurations", "listmultiregionaccesspoints"},
    "sqs": {"listqueues"},
    "sns": {"listtopics", "listsubscriptions", "createplatformapplication", "listplatformapplications",
            "checkifphonenumberisoptedout", "getsmsattributes", "setsmsattributes", "listphonenumbersoptedout",
            "optinphonenumber", "listoriginationnumbers", "listsmssandboxphonenumbers"},
    "kms": {"createkey", "listkeys", "listaliases", "generaterandom", "listretirablegrants",
            "describecustomkeystores", "createcustomkeystore", "connectcustomkeystore"},
    "kinesis": {"liststreams", "describelimits", "enableenhancedmonitoring", "disableenhancedmonitoring"},
    "lambda": {"listfunctions", "listeventsourcemappings", "getaccountsettings", "createeventsourcemapping",
               "listlayers", "listlayerversions", "listcodesigningconfigs", "createcodesigningconfig"},
    "secretsmanager": {"listsecrets", "getrandompassword", "batchgetsecretvalue"},
    "cloudwatch": {"putmetricdata", "getmetricdata", "getmetricstatistics", "listmetrics"},
}

# Services none of whose actions takes a resource ARN.
STAR_SERVICES = {"xray"}


def star_is_right(actions: Iterable[str]) -> bool:
    """Every action only works on "*" (X-Ray, listing, CloudWatch metrics): the statement
    is already as narrow as IAM allows, so it is not a finding."""
    actions = list(actions)
    if not actions:
        return False
    for a in actions:
        service, _, name = a.strip().partition(":")
        service, name = service.lower(), name.lower()
        if service in STAR_SERVICES:
            continue
        if name not in STAR_ONLY.get(service, ()):
            return False
    return True


# S3 actions on objects (``<bucket-arn>/*``) rather than on the bucket.
_S3_OBJECT_EXTRA = {"abortmultipartupload", "listmultipartuploadparts", "restoreobject"}
# DynamoDB actions that also read the table's indexes (``<table-arn>/index/*``).
_DYNAMODB_INDEX = {"query", "scan"}
# DynamoDB stream actions act on ``<table-arn>/stream/*``, which a table ARN does not cover.
_DYNAMODB_STREAM = {"getrecords", "getsharditerator", "describestream"}


@dataclass(frozen=True)
class Narrowing:
    service: str  # "dynamodb"
    kind: str  # "table"
    # ARN forms needed, in this order when several: "resource" (the ARN itself),
    # "objects" (S3 ``<arn>/*``), "indexes" (DynamoDB ``<arn>/index/*``),
    # "qualified" (Lambda versions and aliases ``<arn>:*``).
    forms: Tuple[str, ...]


FORM_SUFFIX = {"resource": "", "objects": "/*", "indexes": "/index/*", "qualified": ":*"}


def narrowing(actions: Iterable[str]) -> Union[Narrowing, str]:
    """The ARN forms ``actions`` need, or why narrowing them is not certain."""
    actions = [a.strip() for a in actions]
    if not actions:
        return "it has no actions"
    services = set()
    names = []
    for a in actions:
        if ":" not in a:
            return f"action {a!r} is not service:Action"
        service, name = a.split(":", 1)
        services.add(service.lower())
        names.append(name.lower())
    if len(services) > 1:
        return "its actions belong to several services"
    service = services.pop()
    if service not in RESOURCE_KIND:
        return f"iacfix does not narrow {service} actions"
    for a, name in zip(actions, names):
        if "*" in name or "?" in name:
            return f"{a} is a wildcard action"
        if name in STAR_ONLY.get(service, ()):
            return f"{a} only works on '*'"
        if service == "dynamodb" and name in _DYNAMODB_STREAM:
            return f"{a} acts on the table's stream"
    forms = []
    if service == "s3":
        objects = [n for n in names if "object" in n or n in _S3_OBJECT_EXTRA]
        if len(objects) < len(names):
            forms.append("resource")
        if objects:
            forms.append("objects")
    else:
        forms.append("resource")
        if service == "dynamodb" and any(n in _DYNAMODB_INDEX for n in names):
            forms.append("indexes")
        if service == "lambda":
            forms.append("qualified")
    return Narrowing(service, RESOURCE_KIND[service], tuple(forms))
