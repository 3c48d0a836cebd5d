// The satisfaction survey invitation: this browser draws its own chance once per visit (the rate
// comes with the page, which may be cached for everyone), and is not asked again for the period
// after it answers or says no (a first-party cookie that says only "asked").
(function () {
  "use strict";
  var COOKIE = "portal_survey";
  var DRAW = "portal_survey_draw";
  var box = document.querySelector("[data-survey-invitation]");
  if (!box) {
    return;
  }
  var rate = parseFloat(box.getAttribute("data-rate"));
  var days = parseInt(box.getAttribute("data-period-days"), 10) || 90;
  var asked = document.cookie.split(";").some(function (part) {
    return part.trim().indexOf(COOKIE + "=") === 0;
  });
  if (!(rate > 0) || asked) {
    return;
  }
  var drawn = null;
  try {
    drawn = window.sessionStorage.getItem(DRAW);
  } catch (error) {
    drawn = null;
  }
  if (drawn === null) {
    drawn = Math.random() < rate ? "1" : "0";
    try {
      window.sessionStorage.setItem(DRAW, drawn);
    } catch (error) {
      // Without storage the draw is made again on each page, at the same rate.
    }
  }
  if (drawn !== "1") {
    return;
  }

  function remember() {
    document.cookie = COOKIE + "=1; max-age=" + days * 86400 + "; path=/; samesite=lax";
  }

  function dismiss() {
    remember();
    var hadFocus = box.contains(document.activeElement);
    box.hidden = true;
    if (hadFocus) {
      document.getElementById("main").focus();
    }
  }

  box.querySelector("[data-survey-accept]").addEventListener("click", remember);
  box.querySelector("[data-survey-dismiss]").addEventListener("click", dismiss);
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      dismiss();
    }
  });
  box.hidden = false;
})();
