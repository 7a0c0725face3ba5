// Fields of text: a line or a box of text (a date-format string goes to mau_o_nhap.js), paragraphs (one
// per line, "- " or "+ " a bullet point) and lists (one item per line). Blank is absent, never "".
import {h} from "./mau_chung.js";
import {leaf} from "./mau_o.js";
import {dateWidget} from "./mau_o_nhap.js";

export function textWidget(path, node, title, required, value, multiline) {
  if (node.format === "date" && !multiline) return dateWidget(path, node, title, required, value);
  const input = multiline ? h("textarea", {rows: 3}) : h("input", {type: "text"});
  if (node.maxLength && !multiline) input.maxLength = node.maxLength;
  if (value !== undefined) input.value = String(value);
  return {el: leaf(path, node, title, required, input), get: () => (input.value.trim() === "" ? undefined : input.value.trim())};
}

export function paragraphsWidget(path, node, title, required, value) {
  const area = h("textarea", {rows: 4, placeholder: "Mỗi dòng một đoạn; dòng bắt đầu bằng “- ” hoặc “+ ” là một ý gạch đầu dòng."});
  if (value !== undefined) area.value = Array.isArray(value) ? value.join("\n") : String(value);
  return {el: leaf(path, node, title, required, area), get: () => {
    const lines = area.value.split("\n").map((line) => line.trimEnd()).filter((line) => line.trim() !== "");
    return lines.length ? lines.join("\n") : undefined;
  }};
}

export function linesWidget(path, node, title, required, value) {
  const area = h("textarea", {rows: 4, placeholder: "Mỗi dòng một mục."});
  if (Array.isArray(value)) area.value = value.join("\n");
  return {el: leaf(path, node, title, required, area, "mỗi dòng một mục"), get: () => {
    const lines = area.value.split("\n").map((line) => line.trim()).filter(Boolean);
    return lines.length ? lines : undefined;
  }};
}
