// The site menu folds behind a button on narrow screens. Without this script the menu is simply
// shown, as on wide screens.
(function () {
    "use strict";
    var button = document.querySelector(".menu-button");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) {
        return;
    }
    var narrow = window.matchMedia("(max-width: 47.99rem)");

    function show(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        menu.hidden = !open;
    }

    function fit() {
        button.hidden = !narrow.matches;
        show(!narrow.matches);
    }

    button.addEventListener("click", function () {
        show(button.getAttribute("aria-expanded") !== "true");
    });
    narrow.addEventListener("change", fit);
    fit();
})();
