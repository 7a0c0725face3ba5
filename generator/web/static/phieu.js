// The ballot page's date field read back as typed, day first (so_ngay.js, the server's own rules):
// "05/12/2025" shows "ngày 05 tháng 12 năm 2025" whatever the browser's language.
import {date, dayFirst, words} from "./so_ngay.js";

document.querySelectorAll("input[data-ngay]").forEach((input) => {
  const echo = input.parentElement.querySelector(".doc-lai");
  const show = () => {
    const text = input.value.trim();
    const read = text ? date(text) : null;
    echo.textContent = !read ? "" : read.error ? read.error : words(read.value);
    echo.classList.toggle("sai", Boolean(read && read.error));
  };
  input.addEventListener("input", show);
  input.addEventListener("blur", () => {
    const read = input.value.trim() ? date(input.value) : null;
    if (read && read.value) input.value = dayFirst(read.value);
  });
  show();
});
