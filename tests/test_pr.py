"""``iacfix pr`` end to end: a bare git repository as the remote, a clone, and a fake GitHub."""

import json
import os
import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

import iacfix.codemods as codemods
from iacfix.bot import (BOT_EMAIL, CodemodCommit, Fix, bot_identities, branch_name, commit_message, line_map,
                        pr_body, pr_title)
from iacfix import forge
from iacfix.cli import main
from iacfix.forge import repo_from_url
from iacfix.core import Finding, Gap
from tests.fakegithub import FakeGitHub

ROOT = Path(__file__).resolve().parent.parent

# An SQS queue without a redrive policy (IAC002) and a KMS key without an alias (IAC004).
TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 60
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement: []
"""
# The configuration is read from the base branch: tags are left out to keep the test small.
CONFIG = 'select = ["dead-letter-queue", "kms-key-alias"]\n'  # fixed set: new codemods must not change these tests
HUMAN = {"user.name": "Jane Human", "user.email": "jane@example.com"}


def git(cwd, *args, check=True):
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {proc.stderr}")
    return proc.stdout.strip()


@pytest.fixture
def fake():
    server = FakeGitHub().start()
    yield server
    server.stop()


@pytest.fixture
def repo(tmp_path, monkeypatch, fake):
    """A bare remote with TEMPLATE on main, and a clone of it as the working directory."""
    home = tmp_path / "home"
    home.mkdir()
    for var in ("GITHUB_TOKEN", "GITHUB_API_URL", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
                "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    config = {**HUMAN, "init.defaultBranch": "main"}
    monkeypatch.setenv("GIT_CONFIG_COUNT", str(len(config)))
    for i, (k, v) in enumerate(config.items()):
        monkeypatch.setenv(f"GIT_CONFIG_KEY_{i}", k)
        monkeypatch.setenv(f"GIT_CONFIG_VALUE_{i}", v)
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    seed = tmp_path / "seed"
    git(tmp_path, "clone", "--quiet", str(remote), str(seed))
    (seed / "stack.yaml").write_text(TEMPLATE)
    (seed / ".iacfix.toml").write_text(CONFIG)
    git(seed, "add", ".")
    git(seed, "commit", "--quiet", "-m", "initial stack")
    git(seed, "push", "--quiet", "origin", "main")
    work = tmp_path / "work"
    git(tmp_path, "clone", "--quiet", str(remote), str(work))
    monkeypatch.chdir(work)
    fake.branch_exists = lambda b: bool(git(remote, "branch", "--list", b))
    return work


def pr(fake, *args, token="test-token"):
    env = {"GITHUB_TOKEN": token} if token else {}
    return CliRunner().invoke(main, ["pr", "--repo", "acme/infra", "--api-url", fake.url, "-j", "1", *args], env=env)


def remote_branch(repo, branch="iacfix/all"):
    return git(repo, "ls-remote", "--heads", "origin", f"refs/heads/{branch}").split("\t")[0] or None


def assert_checkout_untouched(repo, head):
    assert git(repo, "symbolic-ref", "--short", "HEAD") == "main"
    assert git(repo, "rev-parse", "HEAD") == head
    assert git(repo, "status", "--porcelain", "--ignored") == ""


def push_to_main(repo, path, text, message):
    """A person's commit on the base branch, pushed from the clone."""
    git(repo, "pull", "--quiet", "--ff-only")
    Path(repo, path).write_text(text)
    git(repo, "add", path)
    git(repo, "commit", "--quiet", "-m", message)
    git(repo, "push", "--quiet", "origin", "main")


def test_first_run_opens_one_pr_with_one_commit_per_codemod_then_changes_nothing(repo, fake):
    head = git(repo, "rev-parse", "HEAD")
    r = pr(fake, "--label", "iac,bot", "--draft")
    assert r.exit_code == 0, r.output
    assert "opened pull request #1" in r.output

    tip = remote_branch(repo)
    git(repo, "fetch", "--quiet", "origin")
    log = git(repo, "log", "--format=%s|%an|%ae|%cn|%ce", f"origin/main..{tip}").splitlines()
    assert len(log) == 2  # dead-letter-queue, then kms-key-alias (catalog order): the config selects just these
    (kms, dlq) = (line.split("|") for line in log)
    assert dlq[0] == "fix(iac): queues and Lambda functions that may be invoked asynchronously have a dead-letter queue (1 resource)"
    assert kms[0] == "fix(iac): customer-managed KMS keys have an alias (1 resource)"
    assert dlq[1:] == kms[1:] == ["iacfix", BOT_EMAIL, "iacfix", BOT_EMAIL]
    assert git(repo, "rev-parse", f"{tip}~2") == head
    first = git(repo, "show", "--format=", f"{tip}~1")
    assert "RedrivePolicy" in first and "AWS::KMS::Alias" not in first
    second = git(repo, "show", "--format=", tip)
    assert "AWS::KMS::Alias" in second and "RedrivePolicy" not in second
    assert git(repo, "show", "-s", "--format=%b", f"{tip}~1").splitlines()[-1] == "stack.yaml:3 AWS::SQS::Queue Orders"

    (pull,) = fake.open_pulls()
    assert pull["head"]["ref"] == "iacfix/all" and pull["base"]["ref"] == "main" and pull["draft"] is True
    assert pull["title"] == "fix(iac): production fixes from iacfix (dead-letter-queue, kms-key-alias)"
    body = pull["body"]
    assert "### IAC002 `dead-letter-queue`" in body and "### IAC004 `kms-key-alias`" in body
    assert "| `stack.yaml:3` | `AWS::SQS::Queue` Orders |" in body
    # lines are where the resource is on the branch tip: the DLQ commit moved the key down
    assert "| `stack.yaml:14` | `AWS::KMS::Key` DataKey |" in body.split("### IAC004")[1]
    for cm in (codemods.lookup("IAC002"), codemods.lookup("IAC004")):
        section = body.split(f"### {cm.id}")[1].split("###")[0]
        assert ("| Checkov |" in section) == bool(cm.checkov)
        assert all(c in section for c in cm.checkov)
    assert [x["name"] for x in pull["labels"]] == ["iac", "bot"]
    assert [(c.method, c.path, c.query.get("state")) for c in fake.requests] == [
        ("GET", "/repos/acme/infra/pulls", "open"), ("GET", "/repos/acme/infra/pulls", "closed"),
        ("POST", "/repos/acme/infra/pulls", None), ("POST", "/repos/acme/infra/issues/1/labels", None),
    ]
    assert fake.requests[0].query == {"head": "acme:iacfix/all", "state": "open"}
    assert fake.requests[0].headers["Authorization"] == "Bearer test-token"
    assert_checkout_untouched(repo, head)

    # Nothing new: no push, no edit.
    fake.requests.clear()
    r = pr(fake)
    assert r.exit_code == 0, r.output
    assert "pull request #1 is up to date" in r.output
    assert remote_branch(repo) == tip
    assert [c.method for c in fake.requests] == ["GET"]
    assert_checkout_untouched(repo, head)


def test_base_moved_rebuilds_the_branch_and_edits_the_pr(repo, fake):
    assert pr(fake).exit_code == 0
    old_tip = remote_branch(repo)
    push_to_main(repo, "queues.yaml", TEMPLATE.replace("Orders", "Invoices").replace("DataKey", "OtherKey"),
                 "add invoices")
    fake.requests.clear()
    r = pr(fake)
    assert r.exit_code == 0, r.output
    assert "updated branch iacfix/all and pull request #1" in r.output
    tip = remote_branch(repo)
    assert tip != old_tip
    git(repo, "fetch", "--quiet", "origin")
    assert git(repo, "rev-parse", f"{tip}~2") == git(repo, "rev-parse", "origin/main")  # rebased
    assert git(repo, "show", "--format=", "--name-only", tip).splitlines() == ["queues.yaml", "stack.yaml"]
    assert [(c.method, c.path) for c in fake.requests] == [
        ("GET", "/repos/acme/infra/pulls"), ("PATCH", "/repos/acme/infra/pulls/1")]
    assert "`queues.yaml:3` | `AWS::SQS::Queue` Invoices" in fake.pulls[1]["body"]
    assert len(fake.pulls) == 1


def test_fixed_by_hand_closes_the_pr_and_deletes_the_branch(repo, fake):
    assert pr(fake).exit_code == 0
    assert CliRunner().invoke(main, ["fix", "-j", "1", "stack.yaml"]).exit_code == 0  # the person runs iacfix fix
    git(repo, "commit", "--quiet", "-am", "fix the stack by hand")
    git(repo, "push", "--quiet", "origin", "main")
    fake.requests.clear()
    r = pr(fake)
    assert r.exit_code == 0, r.output
    assert "nothing left to fix; closed pull request #1 and deleted branch iacfix/all" in r.output
    assert remote_branch(repo) is None
    assert fake.pulls[1]["state"] == "closed"
    assert [(c.method, c.body) for c in fake.requests] == [("GET", None), ("PATCH", {"state": "closed"})]
    fake.requests.clear()
    r = pr(fake)
    assert r.exit_code == 0 and "nothing to fix; no pull request open" in r.output
    assert fake.requests == []


def test_a_pr_closed_unmerged_stays_closed_until_the_fixes_change(repo, fake):
    assert pr(fake).exit_code == 0
    fake.pulls[1]["state"] = "closed"  # the person closes it without merging
    tip = remote_branch(repo)
    push_to_main(repo, "README.md", "hello\n", "docs")  # the base moves; the fixes are the same
    fake.requests.clear()
    r = pr(fake)
    assert r.exit_code == 0, r.output
    assert "pull request #1 with these fixes was closed without merging; not opening it again" in r.output
    assert [c.method for c in fake.requests] == ["GET", "GET"] and remote_branch(repo) == tip
    push_to_main(repo, "queues.yaml", TEMPLATE, "another stack")  # new gaps: new fixes
    r = pr(fake)
    assert r.exit_code == 0 and "opened pull request #2" in r.output
    assert [p["number"] for p in fake.open_pulls()] == [2] and remote_branch(repo) != tip


def test_foreign_commit_on_the_branch_stops_the_bot(repo, fake, tmp_path):
    assert pr(fake).exit_code == 0
    other = tmp_path / "other"
    git(tmp_path, "clone", "--quiet", "--branch", "iacfix/all", str(tmp_path / "remote.git"), str(other))
    (other / "stack.yaml").write_text((other / "stack.yaml").read_text() + "# reviewed\n")
    git(other, "commit", "--quiet", "-am", "fix(iac): my own tweak")  # right prefix, wrong author
    git(other, "push", "--quiet", "origin", "iacfix/all")
    tip = remote_branch(repo)
    push_to_main(repo, "README.md", "hello\n", "docs")  # so there is something to rebuild
    fake.requests.clear()
    r = pr(fake)
    assert r.exit_code == 1
    assert "iacfix: error: branch iacfix/all on origin has 1 commit iacfix did not make" in r.stderr
    assert "by Jane Human <jane@example.com>: 'fix(iac): my own tweak'" in r.stderr
    assert remote_branch(repo) == tip
    assert fake.requests == [] and fake.pulls[1]["state"] == "open"


def test_single_codemod_gets_its_own_branch(repo, fake):
    r = pr(fake, "--select", "kms-key-alias")
    assert r.exit_code == 0, r.output
    tip = remote_branch(repo, "iacfix/kms-key-alias")
    assert tip and remote_branch(repo) is None
    assert fake.pulls[1]["title"] == "fix(iac): customer-managed KMS keys have an alias (1 resource)"
    assert fake.pulls[1]["head"]["ref"] == "iacfix/kms-key-alias"


def test_author_option_and_environment(repo, fake, monkeypatch):
    a, c = bot_identities(None, {"GIT_AUTHOR_NAME": "Bot", "GIT_AUTHOR_EMAIL": "bot@x.io"})
    assert (str(a), str(c)) == ("Bot <bot@x.io>", "Bot <bot@x.io>")
    r = pr(fake, "--author", "Infra Bot <infra-bot@example.com>")
    assert r.exit_code == 0, r.output
    assert git(repo, "log", "-1", "--format=%an <%ae>|%cn <%ce>", remote_branch(repo)) == \
        "Infra Bot <infra-bot@example.com>|Infra Bot <infra-bot@example.com>"
    # The same identity must be used next time, or the branch counts as someone else's.
    r = pr(fake)
    assert r.exit_code == 1 and "iacfix did not make" in r.stderr
    r = pr(fake, "--author", "not an identity")
    assert r.exit_code == 2 and "iacfix: error: --author must look like 'Name <email>'" in r.stderr


def test_dry_run_touches_nothing(repo, fake):
    def snapshot():
        return (git(repo, "for-each-ref"), git(repo, "count-objects", "-v"), git(repo, "status", "--porcelain"),
                git(repo.parent / "remote.git", "for-each-ref"), git(repo, "worktree", "list"))

    before = snapshot()
    r = pr(fake, "--dry-run", token=None)
    assert r.exit_code == 0, r.output
    assert r.output.startswith("branch: iacfix/all (from origin/main at ")
    assert "commit 1/2 by iacfix <iacfix@users.noreply.github.com>:" in r.output
    assert "    fix(iac): customer-managed KMS keys have an alias (1 resource)" in r.output
    assert "title: fix(iac): production fixes from iacfix" in r.output
    assert "| `stack.yaml:3` | `AWS::SQS::Queue` Orders |" in r.output
    assert "would push the branch and open a pull request" in r.output
    assert snapshot() == before
    assert fake.requests == []
    assert Path("stack.yaml").read_text() == TEMPLATE


def test_no_token_is_a_clear_error(repo, fake):
    r = pr(fake, token=None)
    assert r.exit_code == 2
    assert r.stderr == "iacfix: error: GITHUB_TOKEN is not set; iacfix pr needs a token that may push and open pull requests\n"
    assert fake.requests == [] and remote_branch(repo) is None


@pytest.mark.parametrize("status,payload,headers,expected", [
    (422, {"message": "Validation Failed", "errors": [{"message": "No commits between main and iacfix/all"}]}, {},
     "GitHub API POST /repos/acme/infra/pulls failed with HTTP 422: Validation Failed (No commits between main and iacfix/all)"),
    (500, {"message": "Server Error"}, {}, "GitHub API POST /repos/acme/infra/pulls failed with HTTP 500: Server Error"),
    (403, {"message": "API rate limit exceeded for installation"}, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "0"},
     "GitHub API rate limit exceeded until 00:00:00 UTC: API rate limit exceeded for installation"),
    (429, {"message": "You have exceeded a secondary rate limit"}, {"Retry-After": "60"},
     "GitHub API POST /repos/acme/infra/pulls failed with HTTP 429: You have exceeded a secondary rate limit "
     "(retry after 60 s)"),
])
def test_api_errors_are_one_clear_line_and_the_next_run_recovers(repo, fake, monkeypatch, status, payload, headers,
                                                                 expected):
    slept = []
    monkeypatch.setattr(forge, "_sleep", slept.append)
    head = git(repo, "rev-parse", "HEAD")
    fake.fail("POST", "/repos/acme/infra/pulls", status, payload, headers, times=10)
    r = pr(fake)
    assert r.exit_code == 2
    assert r.stderr == f"iacfix: error: {expected}\n"
    limited = status in (403, 429)  # a rate limit is tried again 3 times, waiting as GitHub asks
    assert len(fake.calls("POST")) == (4 if limited else 1) and len(slept) == (3 if limited else 0)
    if status == 429:
        assert slept == [60, 60, 60]  # Retry-After
    fake._failures.clear()
    assert_checkout_untouched(repo, head)
    r = pr(fake)  # the branch was pushed; the pull request is opened now, once
    assert r.exit_code == 0 and "opened pull request #1" in r.output
    assert len(fake.pulls) == 1


def test_push_rejected(repo, fake, tmp_path):
    hook = tmp_path / "remote.git" / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'branch is protected' >&2\nexit 1\n")
    hook.chmod(0o755)
    head = git(repo, "rev-parse", "HEAD")
    r = pr(fake)
    assert r.exit_code == 2
    assert r.stderr.startswith("iacfix: error: push to origin rejected for iacfix/all: ")
    assert "pre-receive hook declined" in r.stderr and len(r.stderr.splitlines()) == 1
    assert {c.method for c in fake.requests} == {"GET"} and fake.pulls == {}
    assert_checkout_untouched(repo, head)


def test_not_a_checkout_no_remote_and_a_missing_path(tmp_path, monkeypatch, fake, repo):
    monkeypatch.chdir(tmp_path / "home")
    r = pr(fake)
    assert r.exit_code == 2 and "iacfix: error: not inside a git checkout" in r.stderr
    monkeypatch.chdir(repo)
    r = pr(fake, "--remote", "upstream")
    assert r.exit_code == 2 and "iacfix: error: no git remote named 'upstream'" in r.stderr
    assert pr(fake).exit_code == 0
    r = pr(fake, "stack.yml")  # a typo must not close the pull request as if nothing were left
    assert r.exit_code == 2 and r.stderr == "iacfix: error: stack.yml does not exist on origin/main\n"
    assert fake.open_pulls() and remote_branch(repo)


def test_commit_message_counts_resources_and_lines_follow_the_edits():
    cm = codemods.lookup("api-throttling")

    def fix(line, name, detail=""):
        gap = Gap(line, 3, line, "AWS::ApiGateway::Stage", name, "m", detail=detail)
        return Fix("a.yaml", line, Finding(cm.id, cm.slug, "a.yaml", gap))

    msg = commit_message(cm, [fix(9, "S9"), fix(4, "S4", "rate"), fix(4, "S4", "burst")])
    assert msg.splitlines()[0] == "fix(iac): API Gateway stages are throttled (2 resources)"
    assert msg.splitlines()[-2:] == ["a.yaml:4 AWS::ApiGateway::Stage S4", "a.yaml:9 AWS::ApiGateway::Stage S9"]
    where = line_map("a\nb\nc\nd\n", "a\nnew\nnew\nb\nC\nd\n")
    assert [where(n) for n in (1, 2, 3, 4)] == [1, 4, 5, 6]


@pytest.mark.parametrize("url,expected", [
    ("https://github.com/acme/infra.git", "acme/infra"),
    ("https://x-access-token:abc@github.com/acme/infra", "acme/infra"),
    ("git@github.com:acme/infra.git", "acme/infra"),
    ("ssh://git@ghe.example.com:2222/acme/infra.git", "acme/infra"),
    ("/srv/git/infra.git", None),
    ("https://github.com/acme", None),
])
def test_repo_from_url(url, expected):
    assert repo_from_url(url) == expected


# -- the GitHub Action and the pre-commit hooks ---------------------------------------------


def test_action_and_pre_commit_hooks_run_real_commands():
    yaml = YAML(typ="safe")
    action = yaml.load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"mode", "paths", "config", "args"}
    assert action["inputs"]["mode"]["default"] == "check"
    steps = action["runs"]["steps"]
    script = "\n".join(s.get("run", "") for s in steps)
    assert re.search(r'pip" install [^\n]*"\$\{\{ github\.action_path \}\}"', script)
    for cmd in ("iacfix check --format sarif", "iacfix fix", "iacfix pr"):
        assert cmd in script
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif@") for s in steps)
    (pr_step,) = [s for s in steps if "GITHUB_TOKEN" in s.get("env", {})]
    assert pr_step["env"]["GITHUB_TOKEN"] == "${{ inputs.token }}" and "iacfix pr " in pr_step["run"]
    assert action["inputs"]["token"]["default"] == "${{ github.token }}"
    assert pr_step["if"] == "inputs.mode == 'pr'"

    hooks = {h["id"]: h for h in yaml.load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"iacfix-check", "iacfix-fix"}
    for hook_id, sub in (("iacfix-check", "check"), ("iacfix-fix", "fix")):
        h = hooks[hook_id]
        assert h["language"] == "python" and h["pass_filenames"] is True
        assert h["entry"].split() == ["iacfix", sub]
        for name in ("stack.yaml", "a.yml", "main.tf", "t.json", "app.py", "x.template"):
            assert re.search(h["files"], name), name
        assert not re.search(h["files"], "README.md")
        # The entry as pre-commit runs it: the console script the package installs, then the
        # hook's args (and file names; here --help). In process, through the same entry point.
        exe, *args = h["entry"].split()
        assert os.access(Path(sys.executable).parent / exe, os.X_OK)
        (entry,) = entry_points(group="console_scripts", name=exe)
        r = CliRunner().invoke(entry.load(), [*args, "--help"], prog_name=exe)
        assert r.exit_code == 0 and f"Usage: {exe} {sub} " in r.output, r.output


def run_action_step(name, inputs, tmp_path, cwd):
    """One `run:` step of action.yml as the runner runs it: inputs through the step's env, bash -eo pipefail."""
    action = YAML(typ="safe").load((ROOT / "action.yml").read_text())
    (step,) = [s for s in action["runs"]["steps"] if s["name"] == name]
    assert "${{" not in step["run"]  # inputs reach the script as environment variables only
    values = {f"inputs.{k}": str(v.get("default", "")) for k, v in action["inputs"].items() if k != "token"}
    values.update({f"inputs.{k}": v for k, v in inputs.items()})
    env = {k: re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: values[m.group(1)], str(v))
           for k, v in step.get("env", {}).items()}
    (tmp_path / "runner").mkdir(exist_ok=True)
    env.update(RUNNER_TEMP=str(tmp_path / "runner"), GITHUB_OUTPUT=str(tmp_path / "output"),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                          cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True)


def test_action_check_step_writes_sarif_and_passes_with_findings(tmp_path):
    import json

    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "stack.yaml").write_text(TEMPLATE)
    (tmp_path / "output").write_text("")
    proc = run_action_step("iacfix check", {"paths": "infra", "args": "--select kms-key-alias -j 1"}, tmp_path, tmp_path)
    assert proc.returncode == 0, proc.stderr  # findings are alerts, not a failed step
    assert (tmp_path / "output").read_text() == f"sarif-file={tmp_path / 'runner' / 'iacfix.sarif'}\nexit-code=1\n"
    sarif = json.loads((tmp_path / "runner" / "iacfix.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["IAC004"]
    assert (tmp_path / "runner" / "iacfix.sarif").read_text().count("iacfix/v1") == 1  # fingerprinted
    proc = run_action_step("Check the mode", {"mode": "lint"}, tmp_path, tmp_path)
    assert proc.returncode == 2 and "mode must be check, fix or pr, not 'lint'" in proc.stdout
    proc = run_action_step("Check the mode", {"upload": "no"}, tmp_path, tmp_path)
    assert proc.returncode == 2 and "upload must be true or false, not 'no'" in proc.stdout


def test_action_check_step_without_upload_writes_annotations_and_a_job_summary(tmp_path, monkeypatch):
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "stack.yaml").write_text(TEMPLATE)
    (tmp_path / "output").write_text("")
    (tmp_path / "summary.md").write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    proc = run_action_step("iacfix check", {"paths": "infra", "args": "--select kms-key-alias -j 1", "upload": "false"},
                           tmp_path, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "output").read_text() == "exit-code=1\n"
    assert proc.stdout.startswith("::warning title=IAC004 kms-key-alias,file=infra/stack.yaml,line=7,")
    summary = (tmp_path / "summary.md").read_text()
    assert summary.startswith("earlier step\n### iacfix\n\n1 finding, 1 fixable")
    assert "| `infra/stack.yaml:7` | IAC004 `kms-key-alias` |" in summary
    assert not (tmp_path / "runner" / "iacfix.sarif").exists()
    action = YAML(typ="safe").load((ROOT / "action.yml").read_text())
    (upload,) = [s for s in action["runs"]["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["if"] == "inputs.mode == 'check' && inputs.upload != 'false'"


# -- hostile trees: symbolic links on the base branch ---------------------------------------

KEY_TF = 'resource "aws_kms_key" "k" {\n  description = "outside"\n}\n'


def push_link_to_main(tmp_path, name, target, message="add a link"):
    """A symbolic link committed on the base branch by someone else (the clone does not have it)."""
    seed = tmp_path / "seed"
    git(seed, "pull", "--quiet", "--ff-only")
    os.symlink(target, seed / name)
    git(seed, "add", name)
    git(seed, "commit", "--quiet", "-m", message)
    git(seed, "push", "--quiet", "origin", "main")


def test_a_directory_link_on_the_base_branch_to_outside_is_refused(repo, fake, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "main.tf").write_text(KEY_TF)
    push_link_to_main(tmp_path, "modules", str(outside))
    head = git(repo, "rev-parse", "HEAD")
    r = pr(fake, "modules")
    assert r.exit_code == 2, r.output
    assert r.stderr == ("iacfix: error: modules is a symbolic link on origin/main that leads outside the "
                        "repository; not read or written\n")
    assert (outside / "main.tf").read_text() == KEY_TF
    assert remote_branch(repo) is None and fake.pulls == {}
    assert_checkout_untouched(repo, head)


def test_a_path_under_a_directory_link_to_outside_is_refused(repo, fake, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "main.tf").write_text(KEY_TF)
    push_link_to_main(tmp_path, "modules", str(outside))
    r = pr(fake, "modules/main.tf")
    assert r.exit_code == 2 and "modules/main.tf is a symbolic link on origin/main" in r.stderr
    assert (outside / "main.tf").read_text() == KEY_TF


def test_a_file_link_on_the_base_branch_to_outside_is_refused(repo, fake, tmp_path):
    outside = tmp_path / "outside.tf"
    outside.write_text(KEY_TF)
    push_link_to_main(tmp_path, "keys.tf", str(outside))
    r = pr(fake, "keys.tf")
    assert r.exit_code == 2 and "keys.tf is a symbolic link on origin/main that leads outside" in r.stderr
    assert outside.read_text() == KEY_TF
    assert remote_branch(repo) is None


def test_a_file_link_inside_the_repository_fixes_its_target_and_keeps_the_link(repo, fake, tmp_path):
    push_link_to_main(tmp_path, "current.yaml", "stack.yaml")
    r = pr(fake, "current.yaml")
    assert r.exit_code == 0, r.output
    tip = remote_branch(repo, branch_name("iacfix/", "all", ["current.yaml"]))
    git(repo, "fetch", "--quiet", "origin")
    assert git(repo, "diff", "--name-only", "origin/main", tip).splitlines() == ["stack.yaml"]
    assert git(repo, "ls-tree", tip, "current.yaml").startswith("120000 ")  # still a link


def test_a_walked_tree_does_not_follow_a_link_to_outside(repo, fake, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "main.tf").write_text(KEY_TF)
    push_link_to_main(tmp_path, "modules", str(outside))
    r = pr(fake, ".")
    assert r.exit_code == 0, r.output
    assert (outside / "main.tf").read_text() == KEY_TF
    tip = remote_branch(repo)
    git(repo, "fetch", "--quiet", "origin")
    assert git(repo, "ls-tree", tip, "modules").startswith("120000 ")


def test_a_configuration_link_to_outside_is_not_read(repo, fake, tmp_path):
    outside = tmp_path / "outside.toml"
    outside.write_text('select = ["kms-key-alias"]\n')
    seed = tmp_path / "seed"
    git(seed, "pull", "--quiet", "--ff-only")
    os.unlink(seed / ".iacfix.toml")
    os.symlink(str(outside), seed / ".iacfix.toml")
    git(seed, "add", "-A")
    git(seed, "commit", "--quiet", "-m", "config link")
    git(seed, "push", "--quiet", "origin", "main")
    r = pr(fake)
    assert r.exit_code == 2, r.output
    assert "iacfix: error: " in r.stderr and ".iacfix.toml: a symbolic link that leads outside the repository" in r.stderr


# -- no secret is shown ----------------------------------------------------------------------

SECRET = "ghs_s3cr3tT0k3nValue"


def test_a_remote_url_with_a_token_is_not_shown(repo, fake):
    git(repo, "remote", "set-url", "origin", f"https://x-access-token:{SECRET}@git.example.com/a/b/c/d")
    r = CliRunner().invoke(main, ["pr", "--api-url", fake.url, "-j", "1"], env={"GITHUB_TOKEN": "test-token"})
    assert r.exit_code == 2
    assert SECRET not in r.output
    assert "https://***@git.example.com/a/b/c/d" in r.stderr


def test_credentials_in_the_api_url_are_not_shown(repo, fake):
    r = CliRunner().invoke(main, ["pr", "--repo", "acme/infra", "--api-url", f"http://user:{SECRET}@127.0.0.1:9",
                                  "-j", "1"], env={"GITHUB_TOKEN": "test-token"})
    assert r.exit_code == 2, r.output
    assert "cannot reach http://***@127.0.0.1:9" in r.stderr and SECRET not in r.output


def test_the_token_is_not_relayed_from_an_api_error(repo, fake):
    fake.fail("POST", "/repos/acme/infra/pulls", 401,
              {"message": "Bad credentials for token test-token", "errors": ["token test-token is revoked"]})
    r = pr(fake)
    assert r.exit_code == 2
    assert "test-token" not in r.output and "Bad credentials for token ***" in r.stderr


def test_the_token_is_not_relayed_from_git(repo, fake, tmp_path):
    hook = tmp_path / "remote.git" / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'rejected test-token for https://bot:test-token@git.example.com/x' >&2\nexit 1\n")
    hook.chmod(0o755)
    r = pr(fake)
    assert r.exit_code == 2
    assert "test-token" not in r.output
    assert "rejected *** for https://***@git.example.com/x" in r.stderr


def test_redact():
    from iacfix.redact import redact

    assert redact("see https://u:p@h/x and http://tok@h:8/y, ssh://git@h/z, git@h:o/r") == \
        "see https://***@h/x and http://***@h:8/y, ssh://git@h/z, git@h:o/r"
    assert redact("a secret-value here", ["secret-value"]) == "a *** here"


@pytest.mark.parametrize("prefix", ["bad..prefix/", "no space/", "x~y/", "lock.lock/", "-dash/", "a/"])
def test_an_invalid_branch_prefix_is_a_usage_error_before_anything_runs(repo, fake, prefix):
    r = pr(fake, "--branch-prefix", prefix)
    if prefix == "a/":  # a valid one, for contrast
        assert r.exit_code == 0 and remote_branch(repo, "a/all"), r.output
        return
    assert r.exit_code == 2, r.output
    assert r.stderr == (f"iacfix: error: --branch-prefix {prefix!r} does not make a valid git branch name "
                        f"(see `git check-ref-format`)\n")
    assert fake.requests == [] and git(repo, "ls-remote", "--heads", "origin") .count("\n") == 0


def test_a_checkov_skip_keeps_the_bot_off_the_resource(repo, fake):
    """A justified skip is a decision already made: no pull request against it. Without
    the skip the same run opens one (the control)."""
    skipped = TEMPLATE.replace("    Type: AWS::KMS::Key\n", "    Type: AWS::KMS::Key\n    Metadata:\n      checkov:\n"
                               "        skip:\n          - id: CKV_AWS_7\n"
                               "            comment: rotation by re-encryption (RB-12)\n")
    push_to_main(repo, "stack.yaml", skipped, "skip CKV_AWS_7 on the data key")
    r = pr(fake, "--select", "CKV_AWS_7")
    assert r.exit_code == 0, r.output
    assert fake.open_pulls() == [] and remote_branch(repo, "iacfix/kms-key-rotation") is None
    push_to_main(repo, "stack.yaml", TEMPLATE, "lift the skip")
    r = pr(fake, "--select", "CKV_AWS_7")
    assert r.exit_code == 0, r.output
    assert remote_branch(repo, "iacfix/kms-key-rotation") is not None and len(fake.open_pulls()) == 1


# -- GitHub's limits, monorepos, grouping, the JSON summary ------------------------------------


def test_the_fake_github_refuses_what_github_refuses(fake):
    gh = forge.GitHub("test-token", "acme/infra", fake.url)
    with pytest.raises(forge.ForgeError, match=r"HTTP 422: Validation Failed \(title is too long \(maximum is 256 characters\)\)"):
        gh.create_pull("t" * 257, "", "b", "main")
    with pytest.raises(forge.ForgeError, match=r"body is too long \(maximum is 65536 characters\)"):
        gh.create_pull("t", "\u00e9" * 65537, "b", "main")  # characters, not bytes
    pull = gh.create_pull("t" * 256, "\u00e9" * 65536, "b", "main")
    with pytest.raises(forge.ForgeError, match="title is too long"):
        gh.update_pull(pull["number"], title="x" * 257)
    assert fake.pulls[1]["title"] == "t" * 256


def test_a_rate_limit_is_waited_out(repo, fake, monkeypatch):
    slept = []
    monkeypatch.setattr(forge, "_sleep", slept.append)
    fake.fail("GET", "/repos/acme/infra/pulls", 403, {"message": "You have exceeded a secondary rate limit"},
              times=2)
    r = pr(fake)
    assert r.exit_code == 0, r.output
    assert slept == [60, 120]  # no header: one minute, then doubling
    fake.fail("POST", "/repos/acme/infra/issues/1/labels", 403, {"message": "Resource not accessible by integration"})
    r = pr(fake, "--label", "x")
    assert r.exit_code == 0 and slept == [60, 120]  # up to date: no label call
    push_to_main(repo, "queues.yaml", TEMPLATE.replace("Orders", "Invoices").replace("DataKey", "OtherKey"), "more")
    r = pr(fake, "--label", "x")  # a 403 that is no rate limit fails at once
    assert r.exit_code == 2 and "HTTP 403: Resource not accessible by integration" in r.stderr
    assert slept == [60, 120]


def test_titles_fit_githubs_limit_with_every_codemod():
    commits = [CodemodCommit(cm, "0" * 40, "t", f"fix(iac): {cm.title} (1 resource)\n", []) for cm in codemods.CATALOG]
    assert len(commits) >= 13
    slugs = ", ".join(cm.slug for cm in codemods.CATALOG)
    assert len(f"fix(iac): production fixes from iacfix ({slugs})") > 256  # what GitHub refused
    title = pr_title(commits)
    assert len(title) <= 256 and title == f"fix(iac): production fixes from iacfix ({len(commits)} codemods)"
    title = pr_title(commits, "teams/" + "x" * 300)
    assert len(title) == 256 and title.endswith("\u2026")
    assert pr_title(commits[:2], "teams/a") == (f"fix(iac): production fixes from iacfix in teams/a "
                                                f"({commits[0].codemod.slug}, {commits[1].codemod.slug})")


def queues(n: int) -> str:
    return "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + "".join(
        f"  OrdersForTheFulfilmentTeamInEuWest1Queue{i:04d}:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 60\n" for i in range(n))


def test_a_fix_of_400_resources_opens_a_pr_github_accepts(repo, fake):
    push_to_main(repo, "many.yaml", queues(400), "many queues")
    r = pr(fake, "--select", "dead-letter-queue", "many.yaml")
    assert r.exit_code == 0, r.output
    (pull,) = fake.open_pulls()
    body = pull["body"]
    assert len(body) <= 65536 and len(pull["title"]) <= 256
    row = next(ln for ln in body.splitlines() if ln.startswith("| `many.yaml:"))
    assert len(row) * 400 > 65536  # all 400 rows would not fit
    listed = body.count("| `many.yaml:")
    assert 100 < listed < 400
    tip = remote_branch(repo, pull["head"]["ref"])
    git(repo, "fetch", "--quiet", "origin")
    message = git(repo, "show", "-s", "--format=%B", tip)
    assert f"{400 - listed} more resources not listed here" in body and tip[:12] in body
    assert message.count("AWS::SQS::Queue OrdersForTheFulfilmentTeamInEuWest1Queue") == 400  # the commit lists every one
    assert "<details><summary>400 resources</summary>" in body and body.count("</details>") == 1


def test_pr_body_lists_every_resource_when_it_fits():
    cm = codemods.lookup("dead-letter-queue")
    fixes = [Fix("a.yaml", i, Finding(cm.id, cm.slug, "a.yaml", Gap(i, 1, i, "AWS::SQS::Queue", f"Q{i}", "no DLQ")),
                 final_line=i) for i in range(1, 6)]
    body = pr_body([CodemodCommit(cm, "1" * 40, "t", "m", ["a.yaml"], fixes)], "main")
    assert all(f"| `a.yaml:{i}` | `AWS::SQS::Queue` Q{i} |" in body for i in range(1, 6))
    assert "not listed here" not in body and "<details>" not in body
    small = pr_body([CodemodCommit(cm, "1" * 40, "t", "m", ["a.yaml"], fixes)], "main", limit=1300)
    assert len(small) <= 1300 and "more resources not listed here" in small


def push_teams(repo, *names):
    git(repo, "pull", "--quiet", "--ff-only")
    for name in names:
        Path(repo, "teams", name).mkdir(parents=True)
        Path(repo, "teams", name, "stack.yaml").write_text(TEMPLATE.replace("Orders", f"Orders{name.upper()}"))
    git(repo, "add", "teams")
    git(repo, "commit", "--quiet", "-m", "teams")
    git(repo, "push", "--quiet", "origin", "main")


def test_three_subdirectories_leave_three_open_prs(repo, fake):
    push_teams(repo, "a", "b", "c")
    for name in "abc":
        r = pr(fake, f"teams/{name}")
        assert r.exit_code == 0, r.output
        assert "opened pull request" in r.output
    pulls = fake.open_pulls()
    assert len(pulls) == 3
    branches = [p["head"]["ref"] for p in pulls]
    assert len(set(branches)) == 3 and "iacfix/all" not in branches
    for name in "abc":
        (pull,) = [p for p in pulls if p["head"]["ref"] == branch_name("iacfix/", "all", [f"teams/{name}"])]
        assert pull["head"]["ref"].startswith(f"iacfix/all-teams-{name}-")
        assert f"in teams/{name} (" in pull["title"] and f"under `teams/{name}`" in pull["body"]
        assert f"teams/{name}/stack.yaml" in pull["body"]
        assert all(f"teams/{other}/" not in pull["body"] for other in "abc" if other != name)
        assert remote_branch(repo, pull["head"]["ref"])
    r = pr(fake, "teams/a")  # again: nothing changes, nothing is closed
    assert r.exit_code == 0 and "is up to date" in r.output
    assert len(fake.open_pulls()) == 3


def test_branch_names_of_path_sets():
    assert branch_name("iacfix/", "all", ["."]) == branch_name("iacfix/", "all", ["a", "."]) == "iacfix/all"
    assert branch_name("iacfix/", "all", ["b", "a/"]) == branch_name("iacfix/", "all", ["a", "b"])
    assert branch_name("iacfix/", "all", ["a/b"]) != branch_name("iacfix/", "all", ["a-b"])
    long = branch_name("iacfix/", "kms-key-alias", ["x" * 200, "y..z"])
    assert len(long) < 80
    for name in (long, branch_name("p/", "all", ["..x/.lock"]), branch_name("p/", "all", ["é"])):
        assert subprocess.run(["git", "check-ref-format", f"refs/heads/{name}"]).returncode == 0, name


def test_group_directory_and_group_codemod(repo, fake):
    push_teams(repo, "a", "b")
    r = pr(fake, "--group", "directory", "teams/a", "teams/b")
    assert r.exit_code == 0, r.output
    assert sorted(p["head"]["ref"] for p in fake.open_pulls()) == sorted(
        branch_name("iacfix/", "all", [f"teams/{n}"]) for n in "ab")
    r = pr(fake, "--group", "codemod")
    assert r.exit_code == 0, r.output
    by_branch = {p["head"]["ref"]: p for p in fake.open_pulls()}
    assert len(by_branch) == 4
    dlq, kms = by_branch["iacfix/dead-letter-queue"], by_branch["iacfix/kms-key-alias"]
    assert "dead-letter queue" in dlq["title"] and "KMS" in kms["title"]
    for pull in (dlq, kms):  # each built on the base alone: one commit
        tip = remote_branch(repo, pull["head"]["ref"])
        git(repo, "fetch", "--quiet", "origin")
        assert git(repo, "rev-list", "--count", f"origin/main..{tip}") == "1"


def test_each_path_is_governed_by_its_nearest_configuration(repo, fake):
    # teams/a's own configuration selects only dead-letter-queue; the root's selects both codemods.
    # Named first, teams/a must not impose its choice on stack.yaml (nor the root's on teams/a).
    git(repo, "pull", "--quiet", "--ff-only")
    (repo / "teams" / "a").mkdir(parents=True)
    (repo / "teams" / "a" / "stack.yaml").write_text(TEMPLATE)
    (repo / "teams" / "a" / ".iacfix.toml").write_text('select = ["dead-letter-queue"]\n')
    git(repo, "add", "teams")
    git(repo, "commit", "--quiet", "-m", "team a")
    git(repo, "push", "--quiet", "origin", "main")
    r = pr(fake, "--branch", "iacfix/teams", "teams/a", "stack.yaml")
    assert r.exit_code == 0, r.output
    git(repo, "fetch", "--quiet", "origin")
    subjects = git(repo, "log", "--format=%s", "origin/main..origin/iacfix/teams").splitlines()
    assert len(subjects) == 2, subjects  # one commit per codemod any file's configuration selects
    root = git(repo, "show", "origin/iacfix/teams:stack.yaml")
    team = git(repo, "show", "origin/iacfix/teams:teams/a/stack.yaml")
    assert "RedrivePolicy" in root and "AWS::KMS::Alias" in root
    assert "RedrivePolicy" in team and "AWS::KMS::Alias" not in team
    files = git(repo, "show", "--name-only", "--format=", "origin/iacfix/teams").split()
    assert files == ["stack.yaml"]  # the newest commit (the alias) touches the root stack only


def test_explicit_branch(repo, fake):
    r = pr(fake, "--branch", "infra/iac-fixes")
    assert r.exit_code == 0, r.output
    assert [p["head"]["ref"] for p in fake.open_pulls()] == ["infra/iac-fixes"]
    r = pr(fake, "--branch", "infra/iac-fixes", "--group", "codemod")
    assert r.exit_code == 2 and "--branch names one branch" in r.stderr
    r = pr(fake, "--branch", "bad..name")
    assert r.exit_code == 2 and "does not make a valid git branch name" in r.stderr


def test_json_summary(repo, fake, tmp_path):
    push_teams(repo, "a")
    r = pr(fake, "--format", "json", "--group", "directory", "stack.yaml", "teams/a")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)  # stdout is the summary alone
    assert doc["exit_code"] == 0 and doc["counts"] == {"opened": 2}
    first = doc["pull_requests"][0]
    assert first["action"] == "opened" and first["paths"] == ["stack.yaml"] and first["number"] == 1
    assert first["url"] == "https://github.example/acme/infra/pull/1" and first["commits"] == 2
    assert "opened pull request #1" in r.stderr
    # refused (a foreign commit, exit 1) and failed (push rejected, exit 2) are told apart; the worst wins
    other = tmp_path / "other"
    branch = first["branch"]
    git(tmp_path, "clone", "--quiet", "--branch", branch, str(tmp_path / "remote.git"), str(other))
    (other / "stack.yaml").write_text((other / "stack.yaml").read_text() + "# reviewed\n")
    git(other, "commit", "--quiet", "-am", "tweak")
    git(other, "push", "--quiet", "origin", branch)
    push_to_main(repo, "teams/a/more.yaml", TEMPLATE, "more")
    hook = tmp_path / "remote.git" / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\nexit 1\n")
    hook.chmod(0o755)
    r = pr(fake, "--format", "json", "--group", "directory", "stack.yaml", "teams/a")
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    assert doc["exit_code"] == 2
    assert doc["counts"] == {"refused": 1, "failed": 1}
    assert [p["action"] for p in doc["pull_requests"]] == ["refused", "failed"]
    assert "push to origin rejected" in doc["pull_requests"][1]["message"]


def test_json_summary_of_a_usage_error(repo, fake):
    r = pr(fake, "--format", "json", "missing.yaml")
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    assert doc == {"exit_code": 2, "error": "missing.yaml does not exist on origin/main", "counts": {},
                   "pull_requests": []}


def test_json_summary_of_a_dry_run(repo, fake):
    r = pr(fake, "--format", "json", "--dry-run", "--group", "codemod")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert [(p["branch"], p["action"], p["message"]) for p in doc["pull_requests"]] == [
        ("iacfix/dead-letter-queue", "dry-run", "would push the branch and open a pull request"),
        ("iacfix/kms-key-alias", "dry-run", "would push the branch and open a pull request"),
    ]
    assert "branch: iacfix/dead-letter-queue" in r.stderr and fake.requests == []
