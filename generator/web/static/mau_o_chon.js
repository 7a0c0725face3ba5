// Fields that offer a choice: a list of the schema's constants ("— chọn —" first; a value the schema does
// not offer is kept, so its error shows), and a yes/no (a tick box, or Có/Không when an answer is required).
import {h} from "./mau_chung.js";
import {leaf} from "./mau_o.js";

export function selectWidget(path, node, title, required, value, options) {
  const select = h("select", {}, h("option", {value: "", text: "— chọn —"}));
  for (const option of options) {
    select.append(h("option", {value: JSON.stringify(option.const), text: option.title || String(option.const)}));
  }
  if (value !== undefined) select.value = JSON.stringify(value);
  if (value !== undefined && select.value === "") {  // a value the schema does not offer: keep it, so the error shows
    select.append(h("option", {value: JSON.stringify(value), text: String(value)}));
    select.value = JSON.stringify(value);
  }
  return {el: leaf(path, node, title, required, select), get: () => (select.value === "" ? undefined : JSON.parse(select.value))};
}

export function booleanWidget(path, node, title, required, value) {
  if (required) return selectWidget(path, node, title, required, value, [{const: true, title: "Có"}, {const: false, title: "Không"}]);
  const box = h("input", {type: "checkbox", checked: value === true});
  const wrap = leaf(path, node, title, false, box);
  wrap.classList.add("o-danh-dau");
  return {el: wrap, get: () => (box.checked ? true : undefined)};
}
