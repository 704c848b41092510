"""The README's promises: its Python example runs, its commands match CI's."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_example_runs_and_gives_leaf_grads(capsys):
    code = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    assert "import graphstudio.engine as torch" in code
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    w, b = namespace["w"], namespace["b"]
    assert w.grad is not None and tuple(w.grad.shape) == (5, 3)
    assert b.grad is not None and tuple(b.grad.shape) == (3,)
    assert "tensor(" in capsys.readouterr().out


def test_ci_runs_the_readme_commands_verbatim():
    commands = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert len(commands) == 2, "the README has exactly two set-up commands"
    run_app, run_tests = commands
    assert run_app.endswith(".venv/bin/graphstudio") and "'.[test]'" not in run_app
    assert run_tests.endswith("-m pytest -q") and "'.[test]'" in run_tests
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    # each on a line of its own: executed, not quoted in a comment or a message
    assert run_app in ci and run_tests in ci
    # the test command's pass runs before torch is installed (the README: tests skip without it)
    torch_install = next(i for i, line in enumerate(ci) if 'pip install -q "$wheel"' in line)
    assert ci.index(run_app) < ci.index(run_tests) < torch_install
