"""``kiemdiem serve``: loopback by default, a Vietnamese warning otherwise."""

from __future__ import annotations

import signal
import subprocess
import sys
import urllib.request

import pytest

from generator.cli import build_parser
from generator.web.commands import is_loopback, loopback_hosts


@pytest.mark.parametrize(
    "host, expected",
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("may-chu", False),
    ],
)
def test_loopback(host, expected):
    assert is_loopback(host) is expected


def test_loopback_hosts_name_the_port():
    assert loopback_hosts(8000) == {"127.0.0.1:8000", "localhost:8000", "[::1]:8000"}


def test_serve_is_registered_with_safe_defaults():
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.workdir) == ("127.0.0.1", 8000, None)


def serve(tmp_path, *extra):
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", "0", "--workdir", str(tmp_path / "w"), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_serve_on_loopback_answers_and_writes_only_its_workdir(tmp_path):
    process = serve(tmp_path)
    try:
        line = process.stdout.readline()
        assert line.startswith("kiemdiem: mở trình duyệt tại http://127.0.0.1:")
        url = line.split(" tại ", 1)[1].split(" ", 1)[0]
        with urllib.request.urlopen(url, timeout=30) as response:
            assert "Soạn văn bản" in response.read().decode()
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl+C
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0 and "đã dừng ứng dụng" in err and "Traceback" not in err
    assert "CẢNH BÁO" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["w"] and (tmp_path / "w" / "jobs").is_dir()


def test_serve_on_another_host_warns_in_vietnamese(tmp_path):
    process = serve(tmp_path, "--host", "0.0.0.0")
    try:
        warning = process.stderr.readline()
    finally:
        process.terminate()
        process.communicate(timeout=30)
    assert warning.startswith("CẢNH BÁO: ứng dụng nghe trên 0.0.0.0, không chỉ trên máy này")


def test_serve_reports_a_port_in_use(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--port", str(port), "--workdir", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert f"không mở được cổng 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr
