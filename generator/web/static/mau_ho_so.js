// The member's levels of the years before, from the record across years (/api/ho-so/dang-vien, web/past.py):
// once the bản tự kiểm điểm names the member and gives a date read as one (or the card), asked 0,6 s after
// the last change (the same question only once, only the newest answer shown) and listed, read-only, in
// #ho-so-truoc. Hidden when there is nothing to list, unless the record needs another date or the card to
// tell who the member is, or cannot be read.
import {$, h, state} from "./mau_chung.js";
import {collect} from "./mau_du_lieu.js";

const FORM = "ban-tu-kiem-diem";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
let timer = null, sequence = 0, asked = "";

// What the form says of the member, as the endpoint takes it; null when it cannot be asked yet.
function question() {
  if (!state.desc || state.desc.form !== FORM || !state.root) return null;
  const data = collect();
  const member = data.dang_vien || {};
  const name = typeof member.ho_ten === "string" ? member.ho_ten.trim() : "";
  const day = (value) => (typeof value === "string" && ISO_DATE.test(value) ? value : null);
  const card = typeof member.so_the_dang_vien === "string" && member.so_the_dang_vien.trim() ? member.so_the_dang_vien.trim() : null;
  const body = {ho_ten: name, ngay_sinh: day(member.ngay_sinh), ngay_vao_dang: day(member.ngay_vao_dang),
    so_the_dang_vien: card, nam: Number.isInteger(data.nam) ? data.nam : null};
  return name && (body.ngay_sinh || body.ngay_vao_dang || card) ? body : null;
}

function hide() { $("#ho-so-truoc").hidden = true; }

// "2023: Hoàn thành xuất sắc nhiệm vụ (95,5 điểm) — Chi bộ Khu phố 5, Đảng bộ phường Ba Đình".
function line(outcome) {
  const score = outcome.score === null || outcome.score === undefined ? "" : ` (${String(outcome.score).replace(".", ",")} điểm)`;
  const units = [outcome.chi_bo, outcome.dang_bo].filter(Boolean).join(", ");
  return h("li", {}, h("strong", {text: `${outcome.nam}: `}), `${outcome.level_label}${score}` + (units ? ` — ${units}` : ""));
}

function show(answer, ok) {
  const box = $("#ho-so-truoc");
  const list = $("#ho-so-truoc-ds");
  const note = $("#ho-so-truoc-ghi-chu");
  const found = ok && Array.isArray(answer.ket_qua) ? answer.ket_qua : [];
  list.replaceChildren(...found.map(line));
  list.hidden = found.length === 0;
  const said = !ok ? (answer.error || "Không đọc được hồ sơ xếp loại.") : (found.length === 0 && answer.can_ghi_them ? answer.ly_do : "");
  note.textContent = said || "";
  note.hidden = !said;
  box.hidden = found.length === 0 && !said;
}

async function ask(body, key) {
  const mine = ++sequence;
  try {
    const response = await fetch("/api/ho-so/dang-vien", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    const answer = await response.json();
    if (mine !== sequence) return;  // a newer question is on its way
    if (response.status === 400) { asked = key; hide(); return; }  // not a question the record can answer
    show(answer, response.ok);
    asked = response.ok ? key : "";  // an error is asked again on the next change
  } catch (error) {
    if (mine === sequence) { asked = ""; hide(); }
  }
}

// Called on every change of the form (mau.js) and when a form is opened.
export function schedulePast(delay = 600) {
  clearTimeout(timer);
  const body = question();
  if (body === null) { ++sequence; asked = ""; hide(); return; }
  const key = JSON.stringify(body);
  if (key === asked) return;
  timer = setTimeout(() => ask(body, key), delay);
}
