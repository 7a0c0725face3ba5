// A number or a date as a person types it, read the Vietnamese way: the page's copy of generator/typed.py
// (the web tests run one list of inputs through both and compare). A browser's own date and number inputs
// follow the browser's language ("05/12/2025" became 12 May in an English Chromium, "27,5" became 275),
// so the form's fields are plain text read here, day first and with a decimal comma. An ES module:
// mau_o_nhap.js (the form page) and phieu.js import it.
const SPACES = /[\s\u00a0\u202f]+/gu;
const PLAIN = /^[-+]?[0-9]+$/;
const DECIMAL = /^([-+]?[0-9]+)[,.]([0-9]+)$/;
const VIETNAMESE = /^([-+]?[0-9]{1,3}(?:\.[0-9]{3})+)(?:,([0-9]+))?$/;
const GROUPED = /^[-+]?[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+$/;
const ENGLISH = /^[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/;
const SHORT_YEAR = /^[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2}$/;
const DATES = [
  [/^([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})$/, [3, 2, 1]], [/^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/, [1, 2, 3]],
  [/^([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})$/, [3, 2, 1]], [/^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})$/, [3, 2, 1]],
];
export const HINT = "dd/mm/yyyy";
const clean = (text) => String(text).normalize("NFC").trim();

// 27.5 → "27,5", 1234 → "1234": what a field shows and number() reads back.
export function shown(value) {
  if (Number.isInteger(value)) return BigInt(value).toString();
  let text = String(value);
  if (/e/i.test(text)) text = value.toFixed(20).replace(/0+$/, "");
  return text.replace(".", ",");
}

export function number(text) {
  const typed = clean(text);
  if (GROUPED.test(typed)) return {value: parseInt(typed.replace(SPACES, ""), 10)};
  if (/[\s\u00a0\u202f]/u.test(typed)) return {error: `cần một số, không phải “${typed}”`};  // "2 7" is a typo, not 27
  const raw = typed;
  if (PLAIN.test(raw)) return {value: parseInt(raw, 10)};
  if (ENGLISH.test(raw) && (raw.includes(".") || raw.split(",").length > 2)) {
    return {error: `“${typed}” viết theo kiểu tiếng Anh; hãy ghi theo kiểu Việt Nam ` +
      "(dấu phẩy trước phần thập phân: 27,5; không có dấu ngăn cách hàng nghìn: 1234,5)"};
  }
  const decimal = raw.match(DECIMAL);
  if (decimal && raw.includes(".") && decimal[2].length === 3) {
    const point = shown(Number(`${decimal[1]}.${decimal[2]}`)), thousands = decimal[1] + decimal[2];
    return {error: `“${typed}” là ${point} hay ${thousands}? Hãy ghi rõ ${point} hoặc ${thousands} ` +
      "(số thập phân dùng dấu phẩy, không dùng dấu chấm hàng nghìn)"};
  }
  if (decimal) return {value: Number(`${decimal[1]}.${decimal[2]}`)};
  const grouped = raw.match(VIETNAMESE);
  if (grouped) {
    const digits = grouped[1].replace(/\./g, "");
    return {value: grouped[2] ? Number(`${digits}.${grouped[2]}`) : parseInt(digits, 10)};
  }
  return {error: `cần một số, không phải “${typed}”`};
}

// A number in a message, as the server's generator/vietnamese.so writes it: "1.000.000,5", "27,5".
const VIETNAMESE_NUMBER = new Intl.NumberFormat("vi-VN", {maximumFractionDigits: 6});
export const so = (value) => VIETNAMESE_NUMBER.format(value);

const pad = (n, width) => String(n).padStart(width, "0");

export function date(text) {
  const typed = clean(text);
  if (SHORT_YEAR.test(typed)) return {error: `ngày “${typed}” cần năm đủ 4 chữ số (ghi dạng ${HINT})`};
  for (const [pattern, order] of DATES) {
    const found = typed.match(pattern);
    if (!found) continue;
    const [y, m, d] = order.map((i) => parseInt(found[i], 10));
    const day = new Date(Date.UTC(2000, m - 1, d));
    day.setUTCFullYear(y);
    if (y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d) {
      return {value: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`};
    }
    break;  // 31/02/2025: the form was right, the day is not
  }
  return {error: `ngày không hợp lệ “${typed}” (ghi dạng ${HINT})`};
}

// "2025-12-05" → "05/12/2025" (the field) and "ngày 05 tháng 12 năm 2025" (the echo, as the documents print it).
export function dayFirst(iso) {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export function words(iso) {
  const [y, m, d] = iso.split("-").map((part) => parseInt(part, 10));
  return `ngày ${pad(d, 2)} tháng ${m <= 2 ? pad(m, 2) : String(m)} năm ${pad(y, 4)}`;
}

// The same functions by name on the page (window.kiemdiemTyped), for the browser tests that run the page's
// reading against generator/typed.py, and for the console.
window.kiemdiemTyped = {number, date, shown, so, dayFirst, words, HINT};
