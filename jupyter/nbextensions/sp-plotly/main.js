/* global define, document, window */
// sp-pathways: draws application/vnd.plotly.v1+json outputs live in the classic Jupyter Notebook (6.x), which
// has no renderer for that MIME type and would otherwise show the bundle's PNG. plotly.js comes from the
// project's node_modules through the plotly.min.js symlink beside this file: no network.
define(["jquery", "require", "base/js/namespace", "notebook/js/outputarea"], function (
  $,
  require,
  Jupyter,
  outputarea,
) {
  "use strict";
  var MIME = "application/vnd.plotly.v1+json";
  var plotly = null;

  function loadPlotly() {
    if (!plotly) {
      plotly = new Promise(function (resolve, reject) {
        // plotly.js 4 is not an AMD module: it sets window.Plotly (older builds define a module instead).
        require(["./plotly.min"], function (mod) {
          var Plotly = mod && mod.newPlot ? mod : window.Plotly;
          if (Plotly && Plotly.newPlot) resolve(Plotly);
          else reject(new Error("plotly.min.js loaded but defined no Plotly"));
        }, reject);
      });
    }
    return plotly;
  }

  // Called by OutputArea with itself as `this`, like the built-in append_png.
  function appendPlotly(json, md, element) {
    var toinsert = this.create_output_subarea(md, "output_plotly rendered_html", MIME);
    var div = document.createElement("div");
    div.className = "sp-plotly";
    toinsert.append(div);
    element.append(toinsert);
    loadPlotly()
      .then(function (Plotly) {
        // Plotly fills in what it computes (autorange: "reversed" becomes true plus range and type) on the
        // objects it is given. `json` is the output's own object, which the notebook saves: draw a copy, so a
        // run-and-save keeps the figure as the kernel sent it.
        var spec = JSON.parse(JSON.stringify(json));
        var config = $.extend({}, spec.config || {}, { responsive: false });
        return Plotly.newPlot(div, spec.data || [], spec.layout || {}, config);
      })
      .catch(function (err) {
        $(div).text("plotly.js could not draw this figure: " + err);
      });
    return toinsert;
  }

  // Outputs drawn before this extension registered (it loads alongside the notebook) are drawn again.
  function redrawExisting() {
    if (!Jupyter.notebook) return;
    // Redrawing changes nothing in the notebook: keep it clean so that autosave does not rewrite the file.
    var wasDirty = Jupyter.notebook.dirty;
    Jupyter.notebook.get_cells().forEach(function (cell) {
      var area = cell.output_area;
      if (!area || !area.outputs) return;
      var has = area.outputs.some(function (o) {
        return o.data && o.data[MIME];
      });
      if (!has) return;
      var outputs = area.toJSON();
      area.clear_output(false, true);
      area.fromJSON(outputs);
    });
    if (!wasDirty) Jupyter.notebook.set_dirty(false);
  }

  function load_ipython_extension() {
    var OutputArea = outputarea.OutputArea;
    if (!OutputArea.append_map[MIME]) {
      // index 0: ahead of image/png and text/html in the display order. safe: the payload is data, not code.
      OutputArea.prototype.register_mime_type(MIME, appendPlotly, { safe: true, index: 0 });
    }
    if (Jupyter.notebook && Jupyter.notebook._fully_loaded) redrawExisting();
    else if (Jupyter.notebook) Jupyter.notebook.events.one("notebook_loaded.Notebook", redrawExisting);
  }

  return { load_ipython_extension: load_ipython_extension };
});
