"""A Pulumi program is read as a whole: the environment suffix another file defines is
imported where a fix needs it, but only from a file the program already imports (importing
another file would run its resources) and never back into a file that imports this one."""

from __future__ import annotations

from iacfix.codemods.common import pulumi as pc
from iacfix.core import Project, apply_edits
from iacfix.transforms.python import parse

MAIN = "import pulumi\nimport pulumi_aws as aws\n%s\nq = aws.sqs.Queue(\"q\")\n"
SETTINGS = "import pulumi\nimport pulumi_aws as aws\n\nenvironment_suffix = pulumi.get_stack()\n%s"


def program(files):
    docs = {path: parse(text, "pulumi") for path, text in files.items()}
    Project("pulumi", docs).bind()
    return docs


def value(docs, path="__main__.py"):
    doc = docs[path]
    code, edits = pc.env_value(doc, None)
    return code, apply_edits(doc.text, edits)


def test_the_suffix_of_an_imported_file_is_used_through_its_import():
    docs = program({"__main__.py": MAIN % "import settings\n", "settings.py": SETTINGS % ""})
    assert value(docs) == ("settings.environment_suffix", docs["__main__.py"].text)
    docs = program({"__main__.py": MAIN % "", "settings.py": SETTINGS % "",
                    "queues.py": "import pulumi_aws as aws\nimport settings\n"})
    code, text = value(docs)
    assert code == "environment_suffix" and "from settings import environment_suffix\n" in text


def test_a_file_nobody_imports_is_not_imported():
    docs = program({"__main__.py": MAIN % "", "settings.py": SETTINGS % ""})
    assert value(docs)[0] == "pulumi.get_stack()"


def test_no_import_cycle_and_not_from_another_folder():
    docs = program({"__main__.py": MAIN % "import settings\n",
                    "settings.py": SETTINGS % "from __main__ import q\n"})
    assert value(docs)[0] == "pulumi.get_stack()"
    docs = program({"__main__.py": MAIN % "import lib.settings\n", "lib/settings.py": SETTINGS % ""})
    assert value(docs)[0] == "pulumi.get_stack()"


def test_a_suffix_imported_by_another_file_from_a_settings_module_is_imported_from_there():
    docs = program({"__main__.py": MAIN % "",
                    "queues.py": "import pulumi_aws as aws\nfrom config import environment_suffix\n"})
    code, text = value(docs)
    assert code == "environment_suffix" and "from config import environment_suffix\n" in text
