"""The README's codemod table states, for each codemod, the languages it works in: the
catalog's own list (a language is named only where the codemod has a detector for it)."""

from __future__ import annotations

import re
from pathlib import Path

from iacfix.codemods import select

README = Path(__file__).resolve().parents[1] / "README.md"
SHORT = {"cdk": "CDK", "pulumi": "Pulumi", "cloudformation": "CFN", "terraform": "TF", "go": "Go"}


def test_the_codemod_table_names_the_languages_of_the_catalog():
    rows = {}
    for line in README.read_text().splitlines():
        m = re.match(r"\| (IAC\d{3}) \| `([a-z0-9-]+)` \| ([^|]+) \|", line)
        if m:
            rows[m.group(1)] = [w.strip() for w in m.group(3).split(",")]
    catalog = {cm.id: [SHORT[lang] for lang in cm.languages] for cm in select()}
    assert rows == catalog


def test_the_readme_counts_the_codemods_of_the_catalog():
    m = re.search(r"^(\d+) codemods; `iacfix rules` lists them", README.read_text(), re.MULTILINE)
    assert m is not None and int(m.group(1)) == len(select())
