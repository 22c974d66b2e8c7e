"""``iacfix pr`` end to end: a bare git repository as the remote, a clone, and a fake GitHub."""

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
from iacfix.bot import BOT_EMAIL, Fix, bot_identities, commit_message, line_map
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
def test_api_errors_are_one_clear_line_and_the_next_run_recovers(repo, fake, status, payload, headers, expected):
    head = git(repo, "rev-parse", "HEAD")
    fake.fail("POST", "/repos/acme/infra/pulls", status, payload, headers)
    r = pr(fake)
    assert r.exit_code == 1
    assert r.stderr == f"iacfix: error: {expected}\n"
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
    assert r.exit_code == 1
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
    assert (tmp_path / "output").read_text() == "exit-code=1\n"
    sarif = json.loads((tmp_path / "runner" / "iacfix.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["IAC004"]
    proc = run_action_step("Check the mode", {"mode": "lint"}, tmp_path, tmp_path)
    assert proc.returncode == 2 and "mode must be check, fix or pr, not 'lint'" in proc.stdout


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
    tip = remote_branch(repo)
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
    assert r.exit_code == 1, r.output
    assert "cannot reach http://***@127.0.0.1:9" in r.stderr and SECRET not in r.output


def test_the_token_is_not_relayed_from_an_api_error(repo, fake):
    fake.fail("POST", "/repos/acme/infra/pulls", 401,
              {"message": "Bad credentials for token test-token", "errors": ["token test-token is revoked"]})
    r = pr(fake)
    assert r.exit_code == 1
    assert "test-token" not in r.output and "Bad credentials for token ***" in r.stderr


def test_the_token_is_not_relayed_from_git(repo, fake, tmp_path):
    hook = tmp_path / "remote.git" / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'rejected test-token for https://bot:test-token@git.example.com/x' >&2\nexit 1\n")
    hook.chmod(0o755)
    r = pr(fake)
    assert r.exit_code == 1
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
