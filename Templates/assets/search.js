/*
 * Glossa search box: filters the site's search index as you type.
 *
 * The header holds a plain form that submits to the glossary index, so without JavaScript the
 * box still leads somewhere useful. This script turns it into a combobox (WAI-ARIA 1.2 pattern):
 * it loads the index named by the form's data-search-index attribute on first use, lists the
 * best matches on title, synonyms and description, and supports Arrow keys, Enter and Escape.
 * Results are built with createElement and textContent only: no text from the index is ever
 * parsed as HTML.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 8;

  /** Lower case without accents, so "cafe" finds "Café". */
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /** "cache" should find "Caching" and "queues" "Message Queue": drop a plural or final e. */
  function stem(word) {
    if (word.length < 4) return word;
    return word.replace(/(es|s|e)$/, "");
  }

  /** Only same-site paths and http(s) URLs are followed; anything else in the index is dropped. */
  function safeURL(url) {
    return typeof url === "string" && (/^\/(?!\/)/.test(url) || /^https?:\/\//i.test(url)) ? url : null;
  }

  function prepare(entries) {
    return entries.filter(function (entry) { return entry && safeURL(entry.url); }).map(function (entry, order) {
      var synonyms = Array.isArray(entry.synonyms) ? entry.synonyms.map(String) : [];
      return {
        title: String(entry.title || ""),
        description: String(entry.description || ""),
        url: entry.url,
        kind: entry.kind === "post" ? "post" : "term",
        synonyms: synonyms,
        order: order,
        foldedTitle: fold(entry.title),
        foldedSynonyms: synonyms.map(fold),
        foldedDescription: fold(entry.description)
      };
    });
  }

  /**
   * Every word of the query must occur in the title, a synonym or the description. The best
   * matches come first: title prefix, title word, synonym, then description; ties keep index order.
   */
  function search(entries, query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var phrase = words.join(" ");
    var results = [];
    entries.forEach(function (entry) {
      var haystack = [entry.foldedTitle].concat(entry.foldedSynonyms, [entry.foldedDescription]).join("\n");
      for (var i = 0; i < words.length; i++) {
        if (haystack.indexOf(words[i]) === -1 && haystack.indexOf(stem(words[i])) === -1) return;
      }
      var score = 5;
      var via = null;
      if (entry.foldedTitle.indexOf(phrase) === 0) score = 0;
      else if (entry.foldedTitle.indexOf(phrase) !== -1) score = 1;
      else {
        entry.foldedSynonyms.some(function (synonym, index) {
          if (synonym.indexOf(phrase) !== -1) {
            score = synonym.indexOf(phrase) === 0 ? 2 : 3;
            via = entry.synonyms[index];
            return true;
          }
          return false;
        });
        if (via === null && entry.foldedDescription.indexOf(phrase) !== -1) score = 4;
      }
      if (entry.kind === "post") score += 0.5;
      results.push({ entry: entry, score: score, via: via });
    });
    results.sort(function (a, b) { return a.score - b.score || a.entry.order - b.entry.order; });
    return results.slice(0, MAX_RESULTS);
  }

  function setUp(form, number) {
    var input = form.querySelector("input[type=search]");
    var indexURL = form.getAttribute("data-search-index");
    if (!input || !indexURL) return;

    var listID = "site-search-results-" + number;
    var list = document.createElement("ul");
    list.id = listID;
    list.className = "site-search-results";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "site-search-status";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listID);

    var entries = null;
    var loading = null;
    var results = [];
    var active = -1;

    function load() {
      if (!loading) {
        loading = fetch(indexURL, { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) throw new Error("HTTP " + response.status);
            return response.json();
          })
          .then(function (data) { entries = prepare(Array.isArray(data) ? data : []); })
          .catch(function () {
            entries = [];
            status.textContent = "Search is unavailable; use the glossary index.";
          });
      }
      return loading;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show() {
      if (!entries) return;
      var query = input.value.trim();
      results = search(entries, query);
      while (list.firstChild) list.removeChild(list.firstChild);
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!query) {
        status.textContent = "";
        close();
        return;
      }
      results.forEach(function (result, index) {
        var option = document.createElement("li");
        option.id = listID + "-" + index;
        option.className = "site-search-result";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var link = document.createElement("a");
        link.href = result.entry.url;
        link.tabIndex = -1;
        var title = document.createElement("span");
        title.className = "site-search-title";
        title.textContent = result.via ? result.via + " → " + result.entry.title : result.entry.title;
        link.appendChild(title);
        if (result.entry.kind === "post") {
          var kind = document.createElement("span");
          kind.className = "site-search-kind";
          kind.textContent = "Blog";
          link.appendChild(kind);
        }
        if (result.entry.description) {
          var description = document.createElement("span");
          description.className = "site-search-description";
          description.textContent = result.entry.description;
          link.appendChild(description);
        }
        option.appendChild(link);
        option.addEventListener("mousemove", function () { if (active !== index) highlight(index); });
        list.appendChild(option);
      });
      status.textContent = results.length === 0 ? "No matching terms." :
        results.length === 1 ? "1 result. Use the arrow keys to choose." : results.length + " results. Use the arrow keys to choose.";
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
    }

    function go(index) {
      var result = results[index];
      if (result) window.location.href = result.entry.url;
    }

    input.addEventListener("focus", function () { load(); });
    input.addEventListener("input", function () { load().then(show); });
    input.addEventListener("keydown", function (event) {
      switch (event.key) {
        case "ArrowDown":
          if (list.hidden) { load().then(show); break; }
          event.preventDefault();
          highlight(active + 1 < results.length ? active + 1 : 0);
          break;
        case "ArrowUp":
          if (list.hidden) break;
          event.preventDefault();
          highlight(active > 0 ? active - 1 : results.length - 1);
          break;
        case "Enter":
          if (results.length && !list.hidden) {
            event.preventDefault();
            go(active >= 0 ? active : 0);
          }
          break;
        case "Escape":
          if (!list.hidden) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            status.textContent = "";
          }
          break;
      }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });

    // The no-JavaScript fallback lands on the glossary index with ?q=…: pick the query up there.
    var query = new URLSearchParams(window.location.search).get("q");
    if (query && number === 0 && form.getAttribute("action") === window.location.pathname) {
      input.value = query;
      load().then(function () { show(); input.focus(); });
    }
  }

  function start() {
    var forms = document.querySelectorAll("form.site-search[data-search-index]");
    for (var i = 0; i < forms.length; i++) setUp(forms[i], i);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
