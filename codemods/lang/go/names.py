"""How CDK Go spells what the CDK Python adapter names (``lang.cdk.natives``).

jsii generates both bindings from one TypeScript source, so the spelling is mechanical:

- module ``aws_cdk.aws_lambda_nodejs`` → package ``github.com/aws/aws-cdk-go/awscdk/v2/awslambdanodejs``
  (``aws_cdk`` → ``.../awscdk/v2``; an alpha module ``aws_cdk.aws_lambda_go_alpha`` →
  ``github.com/aws/aws-cdk-go/awscdklambdagoalpha/v2``);
- a member of a class is joined with ``_``: ``aws_cdk.aws_sqs.QueueEncryption.SQS_MANAGED`` →
  ``awssqs.QueueEncryption_SQS_MANAGED``, ``aws_cdk.Duration.days`` → ``awscdk.Duration_Days``,
  ``CfnTable.PointInTimeRecoverySpecificationProperty`` → ``CfnTable_PointInTimeRecoverySpecificationProperty``;
- a construct ``aws_cdk.aws_kms.Key`` is made by ``awskms.NewKey(scope, id, &awskms.KeyProps{...})``;
- a keyword argument is a struct field in PascalCase: ``enable_key_rotation`` → ``EnableKeyRotation``,
  ``multi_az`` → ``MultiAz`` (words capitalised as jsii does, no acronyms).
"""

from __future__ import annotations

from typing import Tuple

from iacfix.transforms.go import CDK

GO_MODULE = "github.com/aws/aws-cdk-go/"


# Fields jsii spells with an acronym kept (the TypeScript prop is ``enforceSSL``).
IRREGULAR_FIELDS = {"enforce_ssl": "EnforceSSL"}


def field(kwarg: str) -> str:
    """``enable_key_rotation`` → ``EnableKeyRotation``."""
    if kwarg in IRREGULAR_FIELDS:
        return IRREGULAR_FIELDS[kwarg]
    return "".join(w[:1].upper() + w[1:] for w in kwarg.split("_"))


def package(module: str) -> str:
    """The Go import path of a CDK Python module."""
    if module == "aws_cdk":
        return CDK
    leaf = module[len("aws_cdk."):]
    if leaf.endswith("_alpha"):
        return f"{GO_MODULE}awscdk{leaf[len('aws_'):].replace('_', '')}/v2"
    return f"{CDK}/{leaf.replace('_', '')}"


def split(qualname: str) -> Tuple[str, str]:
    """``aws_cdk.aws_sqs.QueueEncryption.SQS_MANAGED`` → (Go import path, ``QueueEncryption_SQS_MANAGED``);
    a method is capitalised: ``aws_cdk.Duration.days`` → ``Duration_Days``."""
    parts = qualname.split(".")
    i = next(j for j, p in enumerate(parts) if p[:1].isupper())
    rest = parts[i:]
    members = [p if p.isupper() or p[:1].isupper() else field(p) for p in rest[1:]]
    return package(".".join(parts[:i])), "_".join([rest[0]] + members)


def constructor(qualname: str) -> Tuple[str, str]:
    """``aws_cdk.aws_kms.Key`` → (its package, ``NewKey``)."""
    path, name = split(qualname)
    return path, "New" + name


# Props types aws-cdk-lib does not name <Class>Props (checked against the jsii assembly by
# tests/oracles/test_go_identifiers.py).
IRREGULAR_PROPS = {"aws_cdk.aws_dynamodb.TableV2": "TablePropsV2"}


def props(qualname: str) -> Tuple[str, str]:
    """``aws_cdk.aws_kms.Key`` → (its package, ``KeyProps``); ``TableV2`` → ``TablePropsV2``."""
    path, name = split(qualname)
    return path, IRREGULAR_PROPS.get(qualname, name + "Props")
