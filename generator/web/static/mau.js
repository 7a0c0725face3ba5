// The form page: fields drawn from the form's JSON Schema, checked by the server with the CLI's own
// rules and messages, printed by the same pipeline as `kiemdiem render`, kept in localStorage.
// The page's entry (mau.html loads only this module; each job is a mau_*.js module it imports): it opens
// a form (its description from /api/mau, the pickers, the fields), says what a change does, opens a file,
// wires the buttons and starts with the form last worked on; beside a bản tự kiểm điểm, the member's
// levels of the years before from the record (mau_ho_so.js).
import {$, pick, save, state, status} from "./mau_chung.js";
import {build, whenChanged} from "./mau_truong.js";
import {fillPickers, showApplicable, showFormCode} from "./mau_bien_the.js";
import {collect} from "./mau_du_lieu.js";
import {clearProblems} from "./mau_loi.js";
import {remember, stored} from "./mau_luu.js";
import {check, download, scheduleCheck} from "./mau_kiem_tra_in.js";
import {schedulePast} from "./mau_ho_so.js";

const form = $("#van-ban");
let saveTimer = null;

// ---- opening a form ------------------------------------------------------------------------
function draw(documentData) {
  state.onlyFor = [];
  state.root = build(state.desc.schema, "$", documentData || {}, true, 0);
  form.replaceChildren(state.root.el);
  showApplicable();
  state.touched = new Set();
  state.showAll = false;
  clearProblems();
  $("#ket-qua").hidden = true;
}

async function open(formId, documentData) {
  const params = new URLSearchParams();
  if (documentData && documentData.regime) params.set("regime", documentData.regime);
  if (documentData && documentData.profile) params.set("profile", documentData.profile);
  let response = await fetch(`/api/mau/${encodeURIComponent(formId)}?${params}`);
  if (!response.ok && params.toString()) {  // a saved regime or profile this form does not offer: start from the default
    status((await response.json()).error || "");
    response = await fetch(`/api/mau/${encodeURIComponent(formId)}`);
  }
  state.desc = await response.json();
  pick.form.value = state.desc.form;
  fillPickers(documentData);
  draw(documentData);
  remember();
  if (documentData && Object.keys(documentData).length > 1) scheduleCheck(0);
  schedulePast(0);
}

// ---- a change, a file opened ------------------------------------------------------------------
function changed(event) {
  if (event && event.target && event.target.closest) {
    const holder = event.target.closest("[data-path]");
    if (holder) state.touched.add(holder.dataset.path);
  }
  clearTimeout(saveTimer);
  saveTimer = setTimeout(remember, 300);
  scheduleCheck();
  schedulePast();
}

async function openFile(file) {
  const body = new FormData();
  body.append("tep", file);
  const response = await fetch("/api/mo-tep", {method: "POST", body});
  const answer = await response.json();
  if (!response.ok) {
    status(`Không mở được “${file.name}”: ` + (answer.problems ? answer.problems.map((p) => p.text).join("; ") : answer.error));
    return;
  }
  await open(answer.document.form, answer.document);
  status(`Đã mở “${file.name}”.`);
}

// ---- wiring ------------------------------------------------------------------------------------
whenChanged(changed);  // an item added to or removed from a list (mau_truong.js)
window.addEventListener("pagehide", remember);  // a reload or a closed tab keeps the last keystrokes too
form.addEventListener("input", changed);
form.addEventListener("change", changed);
form.addEventListener("submit", (event) => event.preventDefault());
pick.form.addEventListener("change", () => { remember(); open(pick.form.value, stored().documents[pick.form.value]); });
for (const select of [pick.regime, pick.profile]) {
  select.addEventListener("change", () => {
    const data = collect();
    data.regime = pick.regime.value;
    if (pick.profile.value && select === pick.profile) data.profile = pick.profile.value; else delete data.profile;
    open(state.desc.form, data);
  });
}
pick.variant.addEventListener("change", (event) => { showFormCode(); showApplicable(); changed(event); });
$("#kiem-tra").addEventListener("click", async () => { state.showAll = true; status("Đang kiểm tra…"); await check(); });
document.querySelectorAll(".tai-ve").forEach((button) => button.addEventListener("click", () => download(button.dataset.dinhDang)));
$("#luu-tep").addEventListener("click", () => {
  save(new Blob([JSON.stringify(collect(), null, 2) + "\n"], {type: "application/json"}), `${state.desc.form}.json`);
  status("Đã lưu tệp JSON.");
});
$("#mo-tep-nut").addEventListener("click", () => $("#mo-tep").click());  // a button: reached with Tab, opened with Enter
$("#mo-tep").addEventListener("change", (event) => { if (event.target.files[0]) openFile(event.target.files[0]); event.target.value = ""; });
$("#lam-lai").addEventListener("click", () => {
  if (!window.confirm("Xóa hết nội dung đang soạn của mẫu này?")) return;
  open(state.desc.form, {regime: state.desc.regime});
});

const kept = stored();
const first = kept.form && [...pick.form.options].some((o) => o.value === kept.form) ? kept.form : pick.form.value;
open(first, (kept.documents || {})[first]);
