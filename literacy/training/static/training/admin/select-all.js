// "Select all on this page" for the registrations list; without JavaScript the button stays hidden.
(() => {
  const setUp = () => {
    const button = document.querySelector("[data-select-all]");
    if (!button) return;
    const boxes = () => [...document.querySelectorAll('input[type="checkbox"][form="registration-actions"]')];
    button.hidden = false;
    button.addEventListener("click", () => {
      const select = boxes().some((box) => !box.checked);
      boxes().forEach((box) => { box.checked = select; });
      button.textContent = select ? "Clear the selection" : "Select all on this page";
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
