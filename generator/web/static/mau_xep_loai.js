// The classification the server computed by the chosen regime, shown beside the form: the level, the
// form code, the score line as the CLI writes it ("88,5/100"), the reasons with their rules, a warning
// when the table is older than the document, and a word when problems still stop the print.
import {$, h} from "./mau_chung.js";

export function showResult(result, problems) {
  const panel = $("#ket-qua");
  if (!result) { panel.hidden = true; return; }
  const parts = [h("h2", {text: "Kết quả tính theo quy định"})];
  if (result.level_label) parts.push(h("p", {className: "muc-xep-loai"}, h("strong", {text: result.level_label}), result.level ? ` (${result.level})` : ""));
  if (result.form_code) parts.push(h("p", {text: result.form_code}));
  if (result.score_line) {  // written by the server as the CLI writes it ("88,5/100")
    parts.push(h("p", {className: "tong-diem", text: result.score_line}));
  }
  if (result.reasons && result.reasons.length) {
    parts.push(h("h3", {text: "Lý do"}), h("ul", {className: "ly-do"},
      ...result.reasons.map((r) => h("li", {text: r.rule ? `${r.text} (${r.rule})` : r.text}))));
  }
  if (result.lines && result.lines.length) parts.push(h("ul", {className: "dong"}, ...result.lines.map((line) => h("li", {text: line}))));
  if (result.canh_bao) parts.push(h("p", {className: "canh-bao", text: result.canh_bao}));  // a table older than the document: not printed in it
  if (problems.length) parts.push(h("p", {className: "loi-chung", text: "Chưa in được: còn lỗi (xem bên dưới và cạnh từng ô)."}));
  panel.replaceChildren(...parts);
  panel.hidden = false;
}
