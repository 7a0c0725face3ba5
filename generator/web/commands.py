"""``kiemdiem serve``: start the web app on this machine.

Loopback by default: only a browser on the same computer can reach it. Another
``--host`` is allowed (a chi bộ's shared office machine) with a warning, since the
app has no login. Exit status: 0 stopped normally; 2 the port or folder cannot be used.
"""

from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path

INVALID = 2
LOOPBACK_NAMES = {"localhost"}


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _port(text: str) -> int:
    """0 (any free port) to 65535; anything else is refused by argparse with exit 2."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"cổng phải là một số từ 0 đến 65535, không phải “{text[:40]}”") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"cổng phải từ 0 đến 65535, không phải {port}")
    return port


def loopback_hosts(port: int) -> set[str]:
    """The Host headers a browser on this machine sends (anything else is DNS rebinding)."""
    return {f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]")} | (
        {"127.0.0.1", "localhost", "[::1]"} if port == 80 else set()
    )


def cmd_serve(args) -> int:
    from werkzeug.serving import make_server

    from .app import create_app, default_workdir

    workdir = Path(args.workdir) if args.workdir else default_workdir()
    try:
        workdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"kiemdiem serve: không tạo được thư mục làm việc {workdir}: {exc.strerror or exc}", file=sys.stderr)
        return INVALID
    local = is_loopback(args.host)
    hosts: set[str] = set()  # filled once the port is known (--port 0 picks a free one)
    app = create_app(workdir, hosts if local else None)
    try:
        server = make_server(args.host, args.port, app, threaded=True)
    except (OSError, SystemExit) as exc:
        print(
            f"kiemdiem serve: không mở được cổng {args.host}:{args.port}: {getattr(exc, 'strerror', None) or exc}",
            file=sys.stderr,
        )
        return INVALID
    hosts.update(loopback_hosts(server.port))
    if not local:
        print(
            f"CẢNH BÁO: ứng dụng nghe trên {args.host}, không chỉ trên máy này: ai vào được mạng này cũng mở được "
            "trang và dữ liệu (không có đăng nhập). Chỉ dùng trong mạng nội bộ tin cậy.",
            file=sys.stderr,
        )
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(
        f"kiemdiem: mở trình duyệt tại http://{shown}:{server.port}/ (thư mục làm việc: {workdir}; Ctrl+C để dừng)",
        flush=True,
    )
    try:
        server.serve_forever()  # returns on Ctrl+C (werkzeug catches it): how a secretary closes the app
        print("kiemdiem: đã dừng ứng dụng.", file=sys.stderr)
    finally:
        server.server_close()
        app.extensions["kiemdiem_jobs"].shutdown()
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser(
        "serve", help="mở ứng dụng trên trình duyệt: soạn, kiểm tra, xếp loại, tải DOCX/PDF, in cả đảng bộ"
    )
    p.add_argument("--host", default="127.0.0.1", help="địa chỉ nghe (mặc định 127.0.0.1: chỉ máy này)")
    p.add_argument("--port", type=_port, default=8000, help="cổng (mặc định 8000; 0 = cổng trống bất kỳ)")
    p.add_argument(
        "--workdir",
        default=None,
        metavar="THƯ_MỤC",
        help="thư mục làm việc: mọi tệp ứng dụng ghi đều ở đây (mặc định một thư mục trong thư mục tạm của hệ thống)",
    )
    p.set_defaults(run=cmd_serve)
