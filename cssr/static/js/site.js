// What every page does with a little script. Without it, each part falls back to plain HTML:
// the menu stays open, messages stay at the top of the page, a language switch starts at the
// top of the other language's page.
(function () {
    "use strict";

    // The site menu folds behind a button on narrow screens.
    var button = document.querySelector(".menu-button");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (menu) {
        var narrow = window.matchMedia("(max-width: 47.99rem)");
        var show = function (open) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
            menu.hidden = !open;
        };
        var fit = function () {
            button.hidden = !narrow.matches;
            show(!narrow.matches);
        };
        button.addEventListener("click", function () {
            show(button.getAttribute("aria-expanded") !== "true");
        });
        narrow.addEventListener("change", fit);
        fit();
    }

    // Switching language keeps the reader's place: the #fragment they are at, or else how far
    // down the page they had read (the other language's page is not as long).
    var PLACE = "cssr-place";
    var remember = function (target) {
        var room = document.documentElement.scrollHeight - window.innerHeight;
        var place = {path: new URL(target, location.href).pathname, share: room > 0 ? window.scrollY / room : 0};
        try {
            sessionStorage.setItem(PLACE, JSON.stringify(place));
        } catch (error) {
            // Private browsing may refuse storage; the switch then starts at the top.
        }
    };
    document.querySelectorAll(".language-switch a").forEach(function (link) {
        link.addEventListener("click", function () {
            if (location.hash) {
                link.href = link.href.split("#")[0] + location.hash;
            } else {
                remember(link.href);
            }
        });
    });
    document.querySelectorAll(".language-switch form").forEach(function (form) {
        form.addEventListener("submit", function () {
            var next = form.querySelector("input[name=next]");
            if (location.hash) {
                next.value = next.value.split("#")[0] + location.hash;
            } else {
                remember(next.value);
            }
        });
    });

    // Restored once the page is laid out with its fonts and pictures, so the share is of its
    // real length.
    window.addEventListener("load", function () {
        var saved = null;
        try {
            saved = JSON.parse(sessionStorage.getItem(PLACE) || "null");
            sessionStorage.removeItem(PLACE);
        } catch (error) {
            saved = null;
        }
        if (saved && saved.path === location.pathname && !location.hash) {
            var room = document.documentElement.scrollHeight - window.innerHeight;
            window.scrollTo(0, Math.round(saved.share * room));
        }
    });

    // A field of several tags offers the known ones for the tag being typed: the suggestions
    // are rewritten as the text before the last comma (Latin or Arabic) followed by each tag.
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("datalist[data-tags]").forEach(function (list) {
            var names = Array.prototype.map.call(list.options, function (option) {
                return option.value;
            });
            var field = document.querySelector('input[list="' + list.id + '"]');
            if (!field) {
                return;
            }
            field.addEventListener("input", function () {
                var cut = Math.max(field.value.lastIndexOf(","), field.value.lastIndexOf("\u060c"));
                var before = cut < 0 ? "" : field.value.slice(0, cut + 1) + " ";
                list.replaceChildren.apply(list, names.map(function (name) {
                    var option = document.createElement("option");
                    option.value = before + name;
                    return option;
                }));
            });
        });
    });

    // What a member types is laid out by its dominant script, as it will be once posted
    // (core/bidi.py): `dir="auto"` alone follows the first letter, so "@name" or "PDF" at the
    // start of an Arabic message would turn all of it left to right.
    var RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
    var LETTER = /\p{L}/u;
    var MARK = /\p{M}/u;

    function direction(text) {
        var words = {rtl: 0, ltr: 0}, current = null;
        Array.from(text).forEach(function (character) {
            if (MARK.test(character)) {
                return;  // tashkeel continues the word it is in
            }
            var script = RTL_LETTER.test(character) ? "rtl" : LETTER.test(character) ? "ltr" : null;
            if (script && script !== current) {
                words[script] += 1;
            }
            current = script;
        });
        if (!words.rtl && !words.ltr) {
            return "auto";
        }
        return words.rtl >= words.ltr ? "rtl" : "ltr";
    }

    document.addEventListener("input", function (event) {
        var field = event.target;
        if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) {
            return;
        }
        if (!("dirAuto" in field.dataset)) {
            if (field.getAttribute("dir") !== "auto") {
                return;
            }
            field.dataset.dirAuto = "";
        }
        field.dir = direction(field.value);
    });

    document.addEventListener("DOMContentLoaded", function () {
        // A confirmation shows where the member is looking (after a reply, they are at the
        // reply, far below the top of the page) until they close it.
        var messages = document.querySelector(".messages");
        if (messages) {
            messages.classList.add("messages--toast");
            var item = document.createElement("li");
            var close = document.createElement("button");
            item.className = "messages__close";
            close.type = "button";
            close.className = "link-button";
            close.textContent = messages.dataset.closeLabel;
            close.addEventListener("click", function () {
                messages.remove();
            });
            item.appendChild(close);
            messages.appendChild(item);
        }
    });
})();
