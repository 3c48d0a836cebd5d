// "Was this page useful?" without leaving the page: the form still works without this script.
(function () {
  "use strict";
  document.querySelectorAll("form[data-page-feedback]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !form.querySelector("input[name=useful]:checked")) {
        return; // let the server explain what is missing
      }
      event.preventDefault();
      var status = form.querySelector(".page-feedback__status");
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.json().then(function (data) {
            return { ok: response.ok, data: data };
          });
        })
        .then(function (result) {
          if (result.ok && result.data.message) {
            status.textContent = result.data.message;
            form.classList.add("page-feedback--done");
          } else {
            form.submit(); // the server's page shows the problem with what was typed
          }
        })
        .catch(function () {
          form.submit();
        });
    });
  });
})();
