// Numbers and dates typed as text and read by so_ngay.js (the server's generator/typed.py rules): a
// browser's own number and date inputs follow its language and turn "27,5" into 275, 05/12 into 12 May.
// Each field says under itself how it read what was typed, tidies it on leaving ("5-12-2025" → "05/12/2025"),
// and gives the document the number or the ISO date, or the text as typed when it could not be read.
import * as typed from "./so_ngay.js";
import {h, state} from "./mau_chung.js";
import {leaf} from "./mau_o.js";

function typedWidget(path, node, title, required, input, hint, readText, tidy) {
  const reading = h("small", {className: "doc-lai", "aria-live": "polite"});
  const read = () => (input.value.trim() === "" ? {} : readText(input.value));
  const show = () => {
    const found = read();
    reading.textContent = found.error || found.words || "";
    reading.classList.toggle("sai", Boolean(found.error));
  };
  input.addEventListener("input", show);
  input.addEventListener("blur", () => { const found = read(); if (found.value !== undefined && !found.error) input.value = tidy(found.value); show(); });
  show();
  return {el: leaf(path, node, title, required, input, hint, reading), get: () => {
    const found = read();
    if (found.value !== undefined) return found.value;  // read: the number, or the ISO date, as a file holds it
    return input.value.trim() === "" ? undefined : input.value.trim();  // unread: the server names the problem
  }};
}

export function numberWidget(path, node, title, required, value) {
  const max = state.desc.limits[path] !== undefined ? state.desc.limits[path] : node.maximum;
  const low = node.minimum !== undefined ? node.minimum : node.exclusiveMinimum;
  const integer = node.type === "integer";
  const input = h("input", {type: "text", className: "o-so", inputMode: integer ? "numeric" : "decimal", autocomplete: "off", spellcheck: false});
  if (value !== undefined) input.value = typeof value === "number" ? typed.shown(value) : String(value);
  const range = low !== undefined && max !== undefined ? `${typed.shown(low)}–${typed.shown(max)}` : (max !== undefined ? `tối đa ${typed.shown(max)}` : null);
  const readNumber = (text) => {
    const found = typed.number(text);
    if (found.error) return found;
    const v = found.value;
    if (integer && !Number.isInteger(v)) return {error: `cần một số nguyên, không phải “${text.trim()}”`};
    // The server's words (validate.py, checking._own_maximum), so the two never disagree on one field.
    if (node.minimum !== undefined && v < node.minimum) return {value: v, error: `${typed.so(v)} nhỏ hơn mức tối thiểu ${typed.so(node.minimum)}`};
    if (node.exclusiveMinimum !== undefined && v <= node.exclusiveMinimum) return {value: v, error: `phải lớn hơn ${typed.so(node.exclusiveMinimum)}`};
    if (max !== undefined && v > max) return {value: v, error: `${typed.so(v)} vượt quá mức tối đa ${typed.so(max)}`};
    return found;
  };
  return typedWidget(path, node, title, required, input, range, readNumber, typed.shown);
}

export function dateWidget(path, node, title, required, value) {
  const input = h("input", {type: "text", className: "o-ngay", inputMode: "numeric", autocomplete: "off", spellcheck: false, placeholder: typed.HINT});
  if (value !== undefined) input.value = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? typed.dayFirst(value) : String(value);
  const readDate = (text) => {
    const found = typed.date(text);
    return found.error ? found : {...found, words: typed.words(found.value)};
  };
  return typedWidget(path, node, title, required, input, typed.HINT, readDate, typed.dayFirst);
}
