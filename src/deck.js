/* kgraph's deck page (kgraph deck -o FILE.html): one slide at a time,
 * the arrow keys, Page Up and Down, Space, Home and End, or the buttons
 * step through them; the address's #N opens slide N. The slides are the
 * page's own SVG; nothing is fetched. */
(function () {
  "use strict";
  var slides = document.querySelectorAll("section.kg-slide");
  var label = document.getElementById("kg--deck-label");
  var prev = document.getElementById("kg--deck-prev");
  var next = document.getElementById("kg--deck-next");
  var at = 0;

  function show(k) {
    if (!slides.length) return;
    at = Math.max(0, Math.min(slides.length - 1, k));
    for (var i = 0; i < slides.length; i++) slides[i].hidden = i !== at;
    label.textContent = "Slide " + (at + 1) + " of " + slides.length;
    prev.disabled = at === 0;
    next.disabled = at === slides.length - 1;
    if (history.replaceState) history.replaceState(null, "", "#" + (at + 1));
  }
  prev.addEventListener("click", function () { show(at - 1); });
  next.addEventListener("click", function () { show(at + 1); });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key;
    if (k === "ArrowRight" || k === "PageDown" || k === " ") show(at + 1);
    else if (k === "ArrowLeft" || k === "PageUp") show(at - 1);
    else if (k === "Home") show(0);
    else if (k === "End") show(slides.length - 1);
    else return;
    e.preventDefault();
  });
  var n = parseInt((location.hash || "#1").slice(1), 10);
  show(isNaN(n) ? 0 : n - 1);
})();
