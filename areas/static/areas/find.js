// Autocomplete for "Find your area": the ARIA 1.2 combobox pattern on the search field. Without
// this file the form is a plain GET search, which works the same.
(function areaAutocomplete() {
  var form = document.querySelector("form[data-suggest]");
  var input = form && form.querySelector("input[name=q]");
  if (!input || !window.fetch) return;
  var listbox = document.createElement("ul");
  listbox.id = "area-q-listbox";
  listbox.className = "area-find__listbox";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", "Areas");
  listbox.hidden = true;
  input.parentNode.appendChild(listbox);
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.appendChild(status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);
  var results = [];
  var active = -1;
  var timer = null;
  var asked = 0;

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var options = listbox.querySelectorAll("[role=option]");
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function show(data) {
    results = data.results || [];
    listbox.textContent = "";
    results.forEach(function (result, i) {
      var option = document.createElement("li");
      option.id = "area-q-option-" + i;
      option.className = "area-find__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = result.name;
      var detail = document.createElement("small");
      detail.textContent = result.level + (result.parent ? " in " + result.parent : "") + ", " + result.code;
      option.appendChild(detail);
      option.addEventListener("mousedown", function (event) { event.preventDefault(); go(i); });
      listbox.appendChild(option);
    });
    var count = results.length;
    var noun = data.close_matches ? (count === 1 ? " close match" : " close matches") : (count === 1 ? " area" : " areas");
    status.textContent = count ? count + noun + " found: use the up and down arrow keys to choose." : "No area found.";
    if (count) {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    } else {
      close();
    }
  }

  function go(index) {
    if (results[index]) window.location.assign(results[index].url);
  }

  function ask() {
    var query = input.value.trim();
    if (!query) { close(); status.textContent = ""; return; }
    var ticket = ++asked;
    fetch(form.getAttribute("data-suggest") + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (ticket === asked) show(data); })
      .catch(function () { close(); });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 200);
  });
  input.addEventListener("keydown", function (event) {
    var count = results.length;
    if (event.key === "ArrowDown" && count) {
      event.preventDefault();
      if (listbox.hidden) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
      highlight((active + 1) % count);
    } else if (event.key === "ArrowUp" && count && !listbox.hidden) {
      event.preventDefault();
      highlight(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0 && !listbox.hidden) {
      event.preventDefault();
      go(active);
    } else if (event.key === "Escape" && !listbox.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
