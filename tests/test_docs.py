from pathlib import Path

from iacfix import docs

DOC = Path(__file__).resolve().parents[1] / "docs" / "codemods.md"


def test_codemods_doc_is_current():
    assert DOC.read_text(encoding="utf-8") == docs.render(), "run: python -m iacfix.docs > docs/codemods.md"
