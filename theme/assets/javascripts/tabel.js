// On a phone, tables are shown as stacked rows (handbook.css): each cell gets its column's
// header as a label. A header may give a fuller label in data-label (e.g. the predikat matrix).
// Without JavaScript the table scrolls sideways inside itself instead; words are never broken.
document.querySelectorAll(".md-typeset table:not([class])").forEach((table) => {
  const heads = [...table.querySelectorAll("thead th")].map((th) => (th.dataset.label || th.textContent).trim());
  if (heads.length < 2) return;
  for (const row of table.querySelectorAll("tbody tr")) {
    [...row.children].forEach((cell, i) => { if (heads[i]) cell.dataset.label = heads[i]; });
  }
  table.dataset.tumpuk = "";
});
