"""codemods.common.pulumi helpers added in round 5 (group B): standard-library imports."""

from __future__ import annotations

import pytest

from iacfix.codemods.common import pulumi as pc
from iacfix.core import apply_edits
from iacfix.transforms.python import parse


def add_json(src):
    doc = parse(src, "pulumi")
    ref, edits = pc.stdlib_module(doc, "json")
    return ref, apply_edits(src, edits)


@pytest.mark.parametrize(
    "src, expected",
    [
        # its own group before the third-party imports, after the docstring
        ('"""Doc."""\n\nimport pulumi\nimport pulumi_aws as aws\n',
         '"""Doc."""\n\nimport json\n\nimport pulumi\nimport pulumi_aws as aws\n'),
        # with the other standard-library imports, in name order
        ("import base64\nimport os\n\nimport pulumi\n", "import base64\nimport json\nimport os\n\nimport pulumi\n"),
        ("import base64\n\nimport pulumi\n", "import base64\nimport json\n\nimport pulumi\n"),
        # after a __future__ import
        ("from __future__ import annotations\n\nimport pulumi\n",
         "from __future__ import annotations\n\nimport json\n\nimport pulumi\n"),
    ],
)
def test_stdlib_import_goes_with_the_standard_library(src, expected):
    ref, out = add_json(src)
    assert ref == "json"
    assert out == expected


def test_stdlib_import_already_there():
    src = "import json as j\nimport pulumi\n"
    assert add_json(src) == ("j", src)
