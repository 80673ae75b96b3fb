// Search over the Pagefind bundle (pagefind/, made at build time): ranked results with highlighted
// excerpts, ten at a time, filtered by kind; the query lives in the URL (?q=, ?kind=).
(function () {
  "use strict";
  var form = document.querySelector("form.search[data-bundle]");
  var input = document.getElementById("q");
  var kind = document.getElementById("kind");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!form || !input || !list) return;
  var PAGE = 10;
  var KINDS = { briefing: "Briefing", person: "Person", place: "Place", organisation: "Organisation", topic: "Topic" };
  var engine = null;
  var generation = 0;
  var hits = [];
  var shown = 0;
  var timer = null;

  function load() {
    if (!engine) {
      engine = import(form.dataset.bundle + "pagefind.js").then(function (pagefind) {
        return Promise.resolve(pagefind.options({ baseUrl: form.dataset.base })).then(function () { return pagefind; });
      });
    }
    return engine;
  }

  function remember(query, wanted) {
    var params = new URLSearchParams(location.search);
    if (query) params.set("q", query); else params.delete("q");
    if (wanted) params.set("kind", wanted); else params.delete("kind");
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  // Pagefind's excerpt is HTML with <mark> around the matched words: keep only text and marks.
  function excerpt(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html;
    var out = document.createElement("p");
    out.className = "bluf excerpt";
    holder.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "briefing-item search-result";
    var link = document.createElement("a");
    link.className = "briefing-title";
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var meta = document.createElement("span");
    meta.className = "meta";
    var kinds = (data.filters && data.filters.kind) || [];
    meta.textContent = [KINDS[kinds[0]] || "", (data.meta && data.meta.date) || ""].filter(Boolean).join(" · ");
    li.append(link, meta, excerpt(data.excerpt || ""));
    return li;
  }

  function showMore(token) {
    var batch = hits.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = true;
    return Promise.all(batch.map(function (hit) { return hit.data(); })).then(function (pages) {
      if (token !== generation) return;
      pages.forEach(function (data) { list.appendChild(item(data)); });
      more.hidden = shown >= hits.length;
    });
  }

  function run() {
    var query = input.value.trim();
    var wanted = kind ? kind.value : "";
    var token = ++generation;
    remember(query, wanted);
    list.textContent = "";
    more.hidden = true;
    hits = [];
    shown = 0;
    if (!query) { status.textContent = ""; return; }
    load().then(function (pagefind) {
      return pagefind.search(query, wanted ? { filters: { kind: wanted } } : {});
    }).then(function (search) {
      if (token !== generation || !search) return;
      hits = search.results;
      status.textContent = hits.length ? hits.length + (hits.length === 1 ? " result" : " results") : "No results";
      return showMore(token);
    }).catch(function () {
      if (token === generation) status.textContent = "Search is unavailable: this site was built without its search index.";
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
  input.addEventListener("input", later);
  if (kind) kind.addEventListener("change", run);
  more.addEventListener("click", function () { showMore(generation); });
  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (kind && params.get("kind") && KINDS[params.get("kind")]) kind.value = params.get("kind");
  if (input.value) run();
})();
