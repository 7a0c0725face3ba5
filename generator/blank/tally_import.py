"""Count a folder of filled fillable ballots into a tally sheet (``kiemdiem tally``).

One file is one voter's ballot. A ballot records what it is (chi bộ, đảng bộ, year,
regime, round, member list: its skeleton), so a file that is not a ballot of this vote
(another chi bộ, year or list, another round) is reported and not counted, never
guessed at. Validity follows the usual rule of a "phiếu hợp lệ":

* round 1: a member's row left without a choice makes the ballot invalid for that
  member only (no vote for anyone at that row); a ballot with no choice at all is
  wholly invalid (phiếu trắng);
* round 2: ticking more candidates than the places makes the ballot wholly invalid;
  an unticked candidate is a "không đồng ý", not an invalid ballot.

The result is a ``bien-ban-kiem-phieu`` document, then validated and judged like any
tally (``prepare``). Round 1: the meeting's fields and committee from the meeting file,
the counts and each member's ``phieu`` from the ballots. Round 2: the meeting file is
the round-1 tally (its counts and ``phieu`` stay, the sheet has one set of counts) and
each candidate gets ``phieu_vong_2``; the round-2 counts are reported beside it.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem
from ..inputfile import read_bytes
from ..pipeline import Prepared, prepare
from ..schema import load_schema, title_at
from ..validate import DEFAULT_REGIME, validate_partial
from .ballot_fields import CHOICE, NAME
from .ballot_fields import FORM as BALLOT
from .folder_import import filled_files
from .reading import read_docx_fields, read_fields

TALLY = "bien-ban-kiem-phieu"
AGREED = ("co", "on", "Yes")  # a round-2 box ticked: our export value, or a viewer's own "on"
COUNTED = ("so_phieu_thu_vao", "so_phieu_hop_le")  # from the ballots, never typed
SAME_VOTE = ("chi_bo", "dang_bo", "nam", "regime", "profile")  # a ballot and the meeting must agree on these


@dataclass
class Ballot:
    name: str  # the file's name, for messages
    skeleton: dict
    answers: dict[str, str]


class NoBallots(InputError):
    """No file of the folder is a ballot of this vote; ``rejected`` says why for each file (the web page lists them)."""

    def __init__(self, problems: list[Problem], rejected: list[tuple[str, list[Problem]]]):
        super().__init__(problems)
        self.rejected = rejected


@dataclass
class TallyResult:
    prepared: Prepared  # the bien-ban-kiem-phieu, validated and judged
    invalid: list[tuple[str, str]]  # (file, why) wholly invalid ballots (counted as received)
    partly: list[tuple[str, str]]  # (file, why) ballots invalid for some members only
    rejected: list[tuple[str, list[Problem]]] = field(default_factory=list)  # not ballots of this vote
    round: int = 1
    received: int = 0  # ballots of this vote read
    valid: int = 0  # of which valid

    @property
    def document(self) -> dict:
        return self.prepared.document


def read_ballot(path: Path) -> Ballot:
    """A filled ballot's skeleton and answers (raises ``InputError`` for another file)."""
    data = read_bytes(path, "Tệp", "blank")
    word = data[:2] == b"PK" or path.suffix.lower() == ".docx"
    skeleton, answers = read_docx_fields(data) if word else read_fields(data)
    if skeleton.get("form") != BALLOT:
        raise InputError(
            [
                Problem(
                    "$.form",
                    "Loại văn bản",
                    f"tệp là bản điền được của mẫu “{skeleton.get('form')}”, không phải phiếu biểu quyết",
                )
            ]
        )
    return Ballot(path.name, _normal(skeleton), answers)


def _normal(skeleton: dict) -> dict:
    """The skeleton with the defaults a ballot was printed with, so equal ballots compare equal."""
    return {"regime": DEFAULT_REGIME, "vong": 1, "so_dong_trong": 0, "dang_vien": [], **skeleton}


def _vote_key(skeleton: dict) -> str:
    """What makes two ballots papers of one vote: everything the skeleton records (names, rows, round, places)."""
    return json.dumps(skeleton, ensure_ascii=False, sort_keys=True)


def _title(form: str, *path) -> str:
    return title_at(load_schema(form), list(path))


def _mismatch(skeleton: dict, meeting: dict) -> list[Problem]:
    return [
        Problem(
            f"$.{key}",
            _title(TALLY, key),
            f"phiếu của “{skeleton.get(key, '')}”, không phải “{meeting.get(key, '')}” của cuộc kiểm phiếu",
        )
        for key in SAME_VOTE
        if skeleton.get(key) != meeting.get(key)
    ]


def tally_folder(folder: str | Path, meeting: dict) -> TallyResult:
    """Read every ballot in ``folder``, count those of this vote, and judge the tally (raises
    ``InputError`` when the meeting data or the resulting tally is invalid, or no ballot counts)."""
    meeting = check_meeting(meeting)
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError([Problem("$", "Thư mục", "không tìm thấy thư mục các phiếu đã điền")])
    ballots, rejected = [], []
    for path in filled_files(folder):
        try:
            ballot = read_ballot(path)
        except InputError as error:
            rejected.append((path.name, error.problems))
            continue
        problems = _mismatch(ballot.skeleton, meeting)
        if problems:
            rejected.append((path.name, problems))
        else:
            ballots.append(ballot)
    if not ballots:
        found = "không có tệp .pdf, .docx nào" if not rejected else "không có phiếu nào của cuộc kiểm phiếu này"
        raise NoBallots([Problem("$", "Thư mục", found)] + [p for _, problems in rejected for p in problems], rejected)
    keys = [_vote_key(b.skeleton) for b in ballots]
    reference = Counter(keys).most_common(1)[0][0]  # the list most ballots carry; on a tie, the one met first
    counted = []
    for ballot, key in zip(ballots, keys):
        if key == reference:
            counted.append(ballot)
        else:
            rejected.append(
                (
                    ballot.name,
                    [
                        Problem(
                            "$.dang_vien",
                            _title(BALLOT, "dang_vien"),
                            "phiếu của danh sách hoặc vòng khác với các phiếu còn lại",
                        )
                    ],
                )
            )
    return _count(counted, meeting, rejected)


def check_meeting(meeting) -> dict:
    """The meeting file checked as a partial tally (raises ``InputError``): what it gives must be right."""
    meeting = validate_partial(TALLY, meeting)
    meeting.setdefault("regime", DEFAULT_REGIME)
    return meeting


def _count(ballots: list[Ballot], meeting: dict, rejected: list) -> TallyResult:
    reference = ballots[0].skeleton
    ballot_doc = prepare(dict(reference))  # validates the ballot and computes round 2's places
    round_1 = reference["vong"] == 1
    levels = [code for code, _ in ballot_doc.evaluation.levels]
    places = ballot_doc.evaluation.places
    names = list(reference["dang_vien"])
    rows = len(names) + reference["so_dong_trong"]
    counts: dict[str, Counter] = {name: Counter() for name in names}
    valid, invalid, partly = 0, [], []
    for ballot in ballots:
        choices, written, unnamed = {}, [], []
        for i in range(rows):
            choice = ballot.answers.get(f"dang_vien[{i}].{CHOICE}", "")
            name = names[i] if i < len(names) else " ".join(ballot.answers.get(f"dang_vien[{i}].{NAME}", "").split())
            if i >= len(names) and name:
                written.append(name)
            if not name:
                if choice:
                    unnamed.append(str(i + 1))
                continue
            if round_1 and choice in levels:
                choices[name] = choice
            elif not round_1 and choice in AGREED:
                choices[name] = "co"
            else:
                choices.setdefault(name, None)
        picked = {n: c for n, c in choices.items() if c}
        if round_1 and not picked:
            invalid.append((ballot.name, "không đánh dấu mức nào (phiếu trắng)"))
            continue
        if not round_1 and places is not None and len(picked) > places:
            invalid.append((ballot.name, f"chọn {len(picked)} đồng chí, nhiều hơn {places} chỗ"))
            continue
        valid += 1
        for name in written:
            counts.setdefault(name, Counter())
        for name, choice in picked.items():
            counts[name][choice] += 1
        left = [n for n, c in choices.items() if not c] if round_1 else []
        notes = ([f"không đánh dấu cho {', '.join(left)}: không hợp lệ đối với đồng chí đó"] if left else []) + (
            [f"đánh dấu ở dòng {', '.join(unnamed)} không ghi tên: không tính"] if unnamed else []
        )
        if notes:
            partly.append((ballot.name, "; ".join(notes)))
    document = {"form": TALLY, **copy.deepcopy(meeting)}
    if round_1:
        typed = [key for key in COUNTED if key in meeting]
        if typed:
            raise InputError(
                [
                    Problem(
                        f"$.{key}",
                        _title(TALLY, key),
                        "kiemdiem tally đếm số này từ các phiếu; bỏ trường này khỏi tệp cuộc họp",
                    )
                    for key in typed
                ]
            )
        document.update(so_phieu_thu_vao=len(ballots), so_phieu_hop_le=valid)
    document["dang_vien"] = _members(meeting, counts, round_1, levels)
    return TallyResult(prepare(document), invalid, partly, rejected, reference["vong"], len(ballots), valid)


def _members(meeting: dict, counts: dict[str, Counter], round_1: bool, levels: list[str]) -> list[dict]:
    """Round 1: each member's votes per level (the meeting file may add ``nhom``); round 2: the
    round-1 list from the meeting file with each candidate's ``phieu_vong_2``."""
    given = meeting.get("dang_vien") or []
    problems = []
    if round_1:
        extra = {entry.get("ho_ten"): entry for entry in given}
        for i, entry in enumerate(given):
            if "phieu" in entry:
                problems.append(
                    Problem(
                        f"$.dang_vien[{i}].phieu",
                        _title(TALLY, "dang_vien", i, "phieu"),
                        "phiếu vòng 1 được đếm từ các phiếu; bỏ trường này khỏi tệp cuộc họp",
                    )
                )
            elif entry.get("ho_ten") not in counts:
                problems.append(
                    Problem(
                        f"$.dang_vien[{i}].ho_ten",
                        _title(TALLY, "dang_vien", i, "ho_ten"),
                        f"“{entry.get('ho_ten')}” không có trên phiếu",
                    )
                )
        if problems:
            raise InputError(problems)
        return [
            {
                **{k: v for k, v in extra.get(name, {}).items() if k != "ho_ten"},
                "ho_ten": name,
                "phieu": {code: tally[code] for code in levels if tally[code]},
            }
            for name, tally in counts.items()
        ]
    if not given:
        raise InputError(
            [
                Problem(
                    "$.dang_vien",
                    _title(TALLY, "dang_vien"),
                    "kiểm phiếu vòng 2 cần biên bản kiểm phiếu vòng 1 làm tệp "
                    "cuộc họp (số phiếu và phiếu từng đảng viên): phiếu vòng 2 chỉ ghi các đồng chí được đề nghị",
                )
            ]
        )
    members = copy.deepcopy(given)
    known = {entry.get("ho_ten") for entry in members}
    for name in counts:
        if name not in known:
            problems.append(
                Problem(
                    "$.dang_vien",
                    _title(TALLY, "dang_vien"),
                    f"“{name}” có trên phiếu vòng 2 nhưng không có trong danh sách vòng 1",
                )
            )
    if problems:
        raise InputError(problems)
    for entry in members:
        if entry.get("ho_ten") in counts:
            entry["phieu_vong_2"] = counts[entry["ho_ten"]]["co"]
    return members
