// The server's problems shown where they belong: beside the field (or the section, or the picker) that
// each names by path, only for what was touched until "Kiểm tra" or a refused print asks for all, then
// listed in a panel whose links open the field's sections and put the cursor in it.
import {$, h, parentPath, state} from "./mau_chung.js";

export function clearProblems() {
  document.querySelectorAll(".loi").forEach((box) => box.replaceChildren());
  document.querySelectorAll(".co-loi").forEach((node) => node.classList.remove("co-loi"));
  $("#danh-sach-loi").hidden = true;
}

function targetOf(path) {
  for (let current = path; ; current = parentPath(current)) {
    const found = document.querySelector(`.truong[data-path="${CSS.escape(current)}"], .nhom[data-path="${CSS.escape(current)}"], ` +
      `.goc[data-path="${CSS.escape(current)}"], .chon-mau select[data-path="${CSS.escape(current)}"]`);
    if (found) return found.matches("select") ? found.closest(".chon-mau") : found;
    if (current === "$" || current === parentPath(current)) return null;
  }
}

function wasTouched(path) {
  for (const done of state.touched) if (done === path || done.startsWith(path + ".") || done.startsWith(path + "[")) return true;
  return false;
}

export function showProblems(problems) {
  clearProblems();
  const listed = [];
  for (const problem of problems) {
    const target = targetOf(problem.path);
    if (!state.showAll && !wasTouched(target ? target.dataset.path || problem.path : problem.path)) continue;
    listed.push(problem);
    if (!target) continue;
    target.classList.add("co-loi");
    if (target.tagName === "DETAILS") target.open = true;
    const box = target.querySelector(":scope > .loi");
    const exact = (target.dataset.path || "") === problem.path;
    const reading = target.querySelector(":scope > .doc-lai");
    if (exact && reading && reading.textContent === problem.reason) continue;  // said already, as it was typed
    box.append(h("p", {className: "loi-truong", text: exact ? problem.reason : problem.text}));
  }
  const panel = $("#danh-sach-loi");
  if (state.showAll && listed.length) {
    panel.replaceChildren(h("h2", {text: `Còn ${listed.length} lỗi cần sửa`}),
      h("ul", {}, ...listed.map((p) => {
        const item = h("li", {}, h("a", {href: "#", text: p.text}));
        item.firstChild.addEventListener("click", (event) => { event.preventDefault(); focusPath(p.path); });
        return item;
      })));
    panel.hidden = false;
  }
}

function focusPath(path) {
  const target = targetOf(path);
  if (!target) return;
  let parent = target.parentElement;
  while (parent) { if (parent.tagName === "DETAILS") parent.open = true; parent = parent.parentElement; }
  target.scrollIntoView({block: "center"});
  const control = target.querySelector("input, select, textarea");
  if (control) control.focus();
}
