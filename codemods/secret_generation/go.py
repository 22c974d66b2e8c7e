"""secret_generation for AWS CDK v2 Go, as for CDK Python (``cdk.py``). Every fix is unsafe:
it regenerates the secret.

Checked: ``awssecretsmanager.NewSecret`` and ``NewCfnSecret``. A ``Secret`` without a value
(``SecretStringValue``, ``SecretObjectValue``, ``SecretStringBeta1``) generates one: without
``GenerateSecretString`` it gets ``GenerateSecretString: &awssecretsmanager.SecretStringGenerator{
PasswordLength: jsii.Number(32), ExcludeCharacters: jsii.String(" \\"'@/\\\\")}`` (params
``password_length``, ``exclude_characters``; ``nil`` props become a literal). An existing
``&awssecretsmanager.SecretStringGenerator{...}`` (L1
``&awssecretsmanager.CfnSecret_GenerateSecretStringProperty{...}``) is merged into:
``PasswordLength`` below the minimum is raised, missing is added; ``ExcludeCharacters``
lacking required characters gets them appended (``rules.missing_exclusions``), missing is
added; ``ExcludePunctuation: jsii.Bool(true)`` already keeps them out.

A value the file does not spell out (a variable, a generator built elsewhere) is left alone.
Not covered, as in CDK Python: a ``CfnSecret`` without ``GenerateSecretString``; passwords
RDS generates (``awsrds.Credentials_FromGeneratedSecret``, ``awsrds.NewDatabaseSecret``).
"""

from __future__ import annotations

from iacfix.codemods.common import go as common
from iacfix.codemods.common.cdk import num_code
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.codemods.secret_generation.rules import missing_exclusions
from iacfix.codemods.spec import ABSENT
from iacfix.core import Gap
from iacfix.transforms.go import JSII, GoLit, go_string

SM = "github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
PROPS = {"NewSecret": "SecretProps", "NewCfnSecret": "CfnSecretProps"}
GENERATOR = {"NewSecret": "SecretStringGenerator", "NewCfnSecret": "CfnSecret_GenerateSecretStringProperty"}
VALUES = ("SecretStringValue", "SecretObjectValue", "SecretStringBeta1", "SecretString")


def detect(doc, ctx):
    length = int(ctx.params["password_length"])
    exclude = str(ctx.params["exclude_characters"])
    for site in doc.calls():
        if site.path != SM or site.func not in PROPS or len(site.args) != 3:
            continue
        props = site.args[2]
        lit = doc.literal(props)
        if lit is None and props.type != "nil":
            continue  # props built elsewhere
        if lit is not None and (not lit.plain or (lit.type_path, lit.type_name) != (SM, PROPS[site.func])):
            continue
        if lit is not None and any(lit.field(k) is not None for k in VALUES):
            continue
        gen_field = lit.field("GenerateSecretString") if lit is not None else None
        name = common.name_of(site)
        if gen_field is None or literal(doc, gen_field.value) is ABSENT:
            if site.func == "NewCfnSecret":
                continue
            yield _gap(doc, site, name, "generates its value with the default settings",
                       lambda site=site, lit=lit, f=gen_field: _add(doc, site, lit, f, length, exclude))
            continue
        gen = doc.literal(gen_field.value)
        if gen is None or not gen.plain or (gen.type_path, gen.type_name) != (SM, GENERATOR[site.func]):
            continue
        todo, why = [], []
        f = gen.field("PasswordLength")
        if f is None:
            todo.append(("PasswordLength", None, length))
            why.append("has no password length")
        else:
            n = literal(doc, f.value)
            if isinstance(n, (int, float)) and not isinstance(n, bool) and n < length:
                todo.append(("PasswordLength", f, length))
                why.append(f"generates {num_code(n)}-character passwords")
        punct = gen.field("ExcludePunctuation")
        if punct is None or literal(doc, punct.value) is not True:
            f = gen.field("ExcludeCharacters")
            if f is None:
                todo.append(("ExcludeCharacters", None, exclude))
                why.append("does not exclude troublesome characters")
            else:
                have = literal(doc, f.value)
                if isinstance(have, str) and missing_exclusions(have, exclude):
                    add = missing_exclusions(have, exclude)
                    todo.append(("ExcludeCharacters", f, have + add))
                    why.append(f"does not exclude {add!r}")
        if todo:
            yield _gap(doc, site, name, " and ".join(why), lambda gen=gen, todo=todo: _merge(doc, gen, todo))


def _gap(doc, site, name, why, fix) -> Gap:
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=f"{doc.name_for(SM)}.{site.func[len('New'):]}",
        resource_name=name,
        message=f"Secret '{name}' {why}",
        fix=fix,
        unsafe=True,
    )


def _value(r: Renderer, key, v) -> str:
    jsii = r.pkg(JSII)
    return f"{jsii}.Number({num_code(v)})" if key == "PasswordLength" else f"{jsii}.String({go_string(v)})"


def _add(doc, site, lit, given, length, exclude):
    r = Renderer(doc)
    sm = r.pkg(SM)
    gen = GoLit(f"{sm}.SecretStringGenerator", (
        ("PasswordLength", _value(r, "PasswordLength", length)),
        ("ExcludeCharacters", _value(r, "ExcludeCharacters", exclude)),
    ))
    if lit is None:
        edits = doc.nil_to_literal(site.args[2], GoLit(f"{sm}.SecretProps", (("GenerateSecretString", gen),)))
    elif given is not None:  # GenerateSecretString: nil
        edits = doc.replace(given.value, gen)
    else:
        edits = doc.insert_fields(lit, [(None, "GenerateSecretString", gen)])
    return r.import_edits() + edits


def _merge(doc, gen, todo):
    r = Renderer(doc)
    edits = []
    new = []
    for key, f, v in todo:
        if f is None:
            new.append((None, key, _value(r, key, v)))
        else:
            edits += doc.replace(f.value, _value(r, key, v))
    return r.import_edits() + edits + doc.insert_fields(gen, new)
