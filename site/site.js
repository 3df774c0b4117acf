// Draws each figure of a page as an interactive plotly chart from the spec embedded beside its PNG, using the
// plotly bundle shipped in assets/ (no network). Without JavaScript or plotly, or below MIN_WIDTH (a phone, where
// a 900-pixel chart squeezed to fit is unreadable), the PNG stays. Print shows the PNG (site.css).
/* global window, document */
(function () {
  "use strict";
  var MIN_WIDTH = 600;

  function each(fn) {
    Array.prototype.forEach.call(document.querySelectorAll("figure.figure"), fn);
  }

  function draw(fig) {
    var Plotly = window.Plotly;
    if (!Plotly) return;
    var box = fig.querySelector(".plot");
    var hasImage = Boolean(fig.querySelector("img.static"));
    var available = fig.clientWidth;
    if (available < MIN_WIDTH && hasImage) {
      if (fig.classList.contains("interactive")) {
        Plotly.purge(box);
        fig.classList.remove("interactive");
        delete fig.dataset.drawnWidth;
      }
      return;
    }
    var spec = JSON.parse(fig.querySelector("script.figure-spec").textContent);
    var layout = Object.assign({}, spec.layout);
    layout.width = Math.min(spec.layout.width || 900, available);
    if (fig.dataset.drawnWidth === String(layout.width)) return;
    var config = Object.assign({}, spec.config, { displaylogo: false, responsive: false });
    Plotly.react(box, spec.data, layout, config).then(function () {
      fig.classList.add("interactive");
      fig.dataset.drawnWidth = String(layout.width);
    });
  }

  var timer = null;
  function redrawSoon() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      each(draw);
    }, 150);
  }

  function start() {
    each(draw);
    window.addEventListener("resize", redrawSoon);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
