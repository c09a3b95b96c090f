// Home page: keep only the timeline stage of this month on the reader's device (the page lists the
// whole year for readers without JavaScript). Months come from catalog/linimasa.yml (`bulan`).
(function () {
  var now = new Date();
  var month = String(now.getMonth() + 1);
  var stages = document.querySelectorAll(".bulan-ini__tahap[data-bulan]");
  var current = Array.prototype.filter.call(stages, function (stage) {
    return stage.dataset.bulan.split(" ").indexOf(month) >= 0;
  });
  if (!current.length) return;
  stages.forEach(function (stage) { stage.hidden = current.indexOf(stage) < 0; });
  var whole = document.querySelector("[data-bulan-kapan]");  // "the whole year", no longer true
  if (whole) whole.hidden = true;
})();
