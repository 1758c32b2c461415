"use strict";
(function () {
  var view = document.querySelector(".viewport");
  if (!view) { return; }
  var canvas = view.querySelector(".canvas"), svg = canvas.querySelector("svg");
  var out = document.querySelector(".zoom output"), tip = view.querySelector(".tip"), figure = view.closest(".map");
  var scale = 1, x = 0, y = 0, drag = null;
  var width = parseFloat(svg.getAttribute("width")), height = parseFloat(svg.getAttribute("height"));

  function apply() {
    canvas.style.transform = "translate(" + x + "px," + y + "px) scale(" + scale + ")";
    out.value = Math.round(scale * 100) + "%";
    figure.dataset.scale = String(scale);
  }
  function zoom(factor, cx, cy) {
    var next = Math.min(8, Math.max(0.1, scale * factor));
    cx = cx === undefined ? view.clientWidth / 2 : cx;
    cy = cy === undefined ? view.clientHeight / 2 : cy;
    x = cx - (cx - x) * next / scale;
    y = cy - (cy - y) * next / scale;
    scale = next;
    apply();
  }
  function fit() {
    scale = Math.max(0.1, Math.min(1, view.clientWidth / width));
    x = Math.max(0, (view.clientWidth - width * scale) / 2);
    y = 0;
    apply();
  }
  document.querySelectorAll("[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var how = button.dataset.zoom;
      if (how === "fit") { fit(); } else { zoom(how === "in" ? 1.25 : 0.8); }
    });
  });
  view.addEventListener("wheel", function (event) {
    event.preventDefault();
    var box = view.getBoundingClientRect();
    if (event.ctrlKey || event.metaKey) {
      zoom(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX - box.left, event.clientY - box.top);
    } else {
      x -= event.deltaX; y -= event.deltaY; apply();
    }
  }, {passive: false});
  view.addEventListener("pointerdown", function (event) {
    drag = {x: event.clientX - x, y: event.clientY - y};
    view.classList.add("dragging");
  });
  window.addEventListener("pointerup", function () { drag = null; view.classList.remove("dragging"); });
  view.addEventListener("pointermove", function (event) {
    if (drag) { x = event.clientX - drag.x; y = event.clientY - drag.y; apply(); tip.hidden = true; return; }
    var text = describe(event.target);
    tip.hidden = !text;
    if (text) {
      var box = view.getBoundingClientRect();
      tip.textContent = text;
      tip.style.left = Math.min(event.clientX - box.left + 14, view.clientWidth - tip.offsetWidth - 4) + "px";
      tip.style.top = (event.clientY - box.top + 16) + "px";
    }
  });
  view.addEventListener("pointerleave", function () { tip.hidden = true; });
  view.addEventListener("keydown", function (event) {
    var step = 60, keys = {ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step]};
    if (event.key === "+" || event.key === "=") { zoom(1.25); }
    else if (event.key === "-") { zoom(0.8); }
    else if (event.key === "0") { fit(); }
    else if (keys[event.key]) { x += keys[event.key][0]; y += keys[event.key][1]; apply(); }
    else { return; }
    event.preventDefault();
  });
  // The full text of what the pointer is on: the <title> of the nearest group that has one, else the text itself.
  function describe(node) {
    for (var el = node; el && el !== svg; el = el.parentNode) {
      if (el.tagName === "text") { return el.textContent.replace(/\s+/g, " ").trim(); }
      var title = el.querySelector && el.querySelector(":scope > title");
      if (title) { return title.textContent; }
    }
    return "";
  }
  document.querySelectorAll("input[name=persona]").forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.value) { figure.dataset.only = input.value; } else { delete figure.dataset.only; }
    });
  });
  window.addEventListener("resize", fit);
  fit();
})();
