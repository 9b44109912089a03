// Suggestions after "@" in a composer (discussions, replies, chat): the people who may read the
// text, found by any part of their name or username, chosen by tap, arrow keys and Enter or Tab.
// The choice writes "@username", which the post shows as a mention (`workspaces.markup`).
//
// The people come with the page, as the hidden list `data-composer-people` of the form
// (workspaces/includes/people_to_mention.html), and only for a form that can post. Without
// this script, "@username" typed by hand is a mention all the same.
(function () {
    "use strict";

    var SHOWN = 6;

    // Close to `search.text.normalise`: case, tashkeel and tatweel, alef, yeh and teh marbuta
    // forms, so "@احمد" finds "أحمد".
    function fold(text) {
        return text
            .toLowerCase()
            .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
            .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
            .replace(/\u0649/g, "\u064A")
            .replace(/\u0629/g, "\u0647");
    }

    function setUp(holder) {
        var form = holder.closest("form");
        var field = form && form.querySelector("textarea");
        var people = Array.prototype.map.call(holder.children, function (item) {
            return {username: item.dataset.username, name: item.textContent, title: item.dataset.title};
        });
        if (!field || !people.length) {
            return;
        }
        var list = document.createElement("ul");
        list.className = "mention-list";
        list.id = field.id + "-mentions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", holder.dataset.textLabel);
        list.hidden = true;
        field.parentNode.insertBefore(list, field.nextSibling);
        field.setAttribute("aria-autocomplete", "list");
        field.setAttribute("aria-controls", list.id);
        var shown = [], active = -1, start = -1;

        // The "@word" the caret is at the end of, if any.
        function typed() {
            var before = field.value.slice(0, field.selectionStart);
            var match = /(^|[\s(\[«"'])@([^\s@]*)$/.exec(before);
            if (!match) {
                return null;
            }
            return {start: field.selectionStart - match[2].length - 1, query: fold(match[2])};
        }

        function close() {
            list.hidden = true;
            shown = [];
            active = -1;
            field.removeAttribute("aria-activedescendant");
        }

        function highlight(index) {
            active = index;
            Array.prototype.forEach.call(list.children, function (option, at) {
                option.setAttribute("aria-selected", at === index ? "true" : "false");
            });
            if (index >= 0) {
                field.setAttribute("aria-activedescendant", list.children[index].id);
            }
        }

        function choose(person) {
            var end = field.selectionStart;
            field.setRangeText("@" + person.username + " ", start, end, "end");
            close();
            field.focus();
            field.dispatchEvent(new Event("input", {bubbles: true}));
        }

        function option(person, index) {
            var item = document.createElement("li");
            item.id = list.id + "-" + index;
            item.className = "mention-list__option";
            item.setAttribute("role", "option");
            var name = document.createElement("span");
            name.className = "mention-list__name";
            name.dir = "auto";
            name.textContent = person.name;
            var about = document.createElement("span");
            about.className = "mention-list__about";
            var handle = document.createElement("bdi");
            handle.textContent = "@" + person.username;
            about.appendChild(handle);
            if (person.title) {
                var title = document.createElement("span");
                title.dir = "auto";
                title.textContent = person.title;
                about.append(" · ", title);
            }
            item.append(name, about);
            // Chosen on press, before the text loses focus and the list closes.
            item.addEventListener("mousedown", function (event) {
                event.preventDefault();
            });
            item.addEventListener("click", function () {
                choose(person);
            });
            return item;
        }

        function update() {
            var found = typed();
            if (!found) {
                close();
                return;
            }
            start = found.start;
            shown = people.filter(function (person) {
                return fold(person.name).indexOf(found.query) >= 0 ||
                    person.username.toLowerCase().indexOf(found.query) >= 0;
            }).slice(0, SHOWN);
            if (!shown.length) {
                close();
                return;
            }
            list.replaceChildren.apply(list, shown.map(option));
            list.hidden = false;
            highlight(0);
        }

        field.addEventListener("input", update);
        field.addEventListener("click", update);
        field.addEventListener("blur", close);
        field.addEventListener("keydown", function (event) {
            if (list.hidden) {
                return;
            }
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                var step = event.key === "ArrowDown" ? 1 : -1;
                highlight((active + step + shown.length) % shown.length);
            } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
                event.preventDefault();
                choose(shown[active]);
            } else if (event.key === "Escape") {
                event.preventDefault();
                close();
            }
        });
    }

    function start() {
        document.querySelectorAll("[data-composer-people]").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
