// Client-side search over search-index.json: every word must match the title, BLUF or entities.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) return;
  var index = null;

  function load() {
    if (index) return Promise.resolve(index);
    return fetch(input.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
      index = data.map(function (d) { d.h = (d.t + " " + d.s + " " + d.e).toLowerCase(); return d; });
      return index;
    });
  }

  function show(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = index.filter(function (d) { return words.every(function (w) { return d.h.indexOf(w) !== -1; }); });
    status.textContent = hits.length + (hits.length === 1 ? " briefing" : " briefings");
    hits.slice(0, 100).forEach(function (d) {
      var li = document.createElement("li");
      li.className = "briefing-item";
      var a = document.createElement("a");
      a.className = "briefing-title"; a.href = d.u; a.textContent = d.t;
      var meta = document.createElement("span");
      meta.className = "meta"; meta.textContent = d.d || "undated";
      var p = document.createElement("p");
      p.className = "bluf"; p.textContent = d.s;
      li.append(a, meta, p);
      list.appendChild(li);
    });
  }

  input.addEventListener("input", function () { load().then(function () { show(input.value); }); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; load().then(function () { show(initial); }); }
})();
