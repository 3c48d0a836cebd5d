// Progressive enhancement for the games: a slider beside the number field, a ticking clock
// for the timed quiz (with a spoken warning, 20 seconds before the end, that more time can be
// had: the buttons for it are plain form posts), and focus on the answer's result. Every game
// works without this file.
(function () {
  "use strict";

  function addSlider(input) {
    var min = parseFloat(input.min), max = parseFloat(input.max);
    if (isNaN(min) || isNaN(max)) return;
    var slider = document.createElement("input");
    slider.type = "range";
    slider.className = "game-slider";
    slider.id = input.id + "-slider";
    slider.min = input.min;
    slider.max = input.max;
    slider.step = input.dataset.sliderStep || "any";
    slider.value = input.value || String((min + max) / 2);
    var label = document.createElement("label");
    label.className = "game-slider-label";
    label.htmlFor = slider.id;
    label.textContent = "Or drag the slider (it fills in the box above)";
    slider.addEventListener("input", function () { input.value = slider.value; });
    input.addEventListener("input", function () { if (input.value !== "") slider.value = input.value; });
    input.insertAdjacentElement("afterend", slider);
    input.insertAdjacentElement("afterend", label);
  }

  function formatSeconds(total) {
    var minutes = Math.floor(total / 60), seconds = total % 60;
    return minutes ? minutes + " min " + seconds + " s" : seconds + " s";
  }

  var WARN_AT = 20;

  function warn(left) {
    var warning = document.querySelector(".quiz-more-time__warning");
    if (warning && !warning.textContent) {
      warning.textContent = left + " seconds left. Need more time? Use the buttons below.";
    }
  }

  function runClock(timer) {
    var left = parseInt(timer.dataset.secondsLeft, 10);
    var value = timer.querySelector(".quiz-timer__value");
    if (isNaN(left) || !value) return;
    var ends = Date.now() + left * 1000;
    var tick = window.setInterval(function () {
      var now = Math.max(0, Math.round((ends - Date.now()) / 1000));
      value.textContent = now ? formatSeconds(now) : "time is up; send your answer to see your score";
      timer.classList.toggle("quiz-timer--low", now <= 10);
      if (now && now <= WARN_AT) warn(now);
      if (!now) window.clearInterval(tick);
    }, 1000);
  }

  document.querySelectorAll(".game-form input[data-slider-step]").forEach(addSlider);
  document.querySelectorAll(".quiz-timer[data-seconds-left]").forEach(runClock);
  var result = document.querySelector(".error-summary, #result, #feedback");
  if (result) result.focus();
})();
