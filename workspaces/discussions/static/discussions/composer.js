// The composer of discussions and replies: a toolbar for bold, lists and quotes, files that
// upload while the member writes, and the text kept in this browser until it is sent.
//
// Without this script the forms still work; the Markdown hint below the text says what the
// buttons would write, and chosen files go with the form. The toolbar is rendered by the page
// (its labels are translated there, `discussions/includes/composer_tools.html`) and shown here.
//
// Chosen files upload at once, as pending (`workspaces/attachments.js`, the kit's), and a kept
// draft remembers them.
//
// What a member types is saved in localStorage under the form's address, as they type. On
// submit it is marked as sent but kept: only the next page, showing the success message with
// an empty composer, forgets it. A send that never arrived (no network, a closed tab) finds the
// text again on the next visit, with a notice and a way to discard it.
(function () {
    "use strict";

    var PREFIX = "cssr:composer:";

    function storage() {
        try {
            return window.localStorage;
        } catch (error) {
            return null;  // storage switched off: the composer simply keeps nothing
        }
    }

    function read(store, key) {
        try {
            return JSON.parse(store.getItem(key) || "null");
        } catch (error) {
            return null;
        }
    }

    // Wrap the selection in `mark` (bold), or start each selected line with `prefix`.
    function wrap(field, mark) {
        var start = field.selectionStart, end = field.selectionEnd, text = field.value;
        var chosen = text.slice(start, end);
        field.setRangeText(mark + chosen + mark, start, end, "end");
        if (!chosen) {
            field.setSelectionRange(start + mark.length, start + mark.length);
        }
    }

    function prefixLines(field, prefix) {
        var text = field.value;
        var start = text.lastIndexOf("\n", field.selectionStart - 1) + 1;
        var end = text.indexOf("\n", field.selectionEnd);
        if (end < 0) {
            end = text.length;
        }
        var lines = text.slice(start, end).split("\n").map(function (line, index) {
            var own = prefix === "1. " ? (index + 1) + ". " : prefix;
            return own + line;
        });
        // Markdown starts a list or a quote only after a blank line, unless one is going on.
        var previous = text.slice(text.lastIndexOf("\n", start - 2) + 1, Math.max(start - 1, 0));
        var apart = start > 0 && previous.trim() && !/^\s*([-*]\s|>|\d+\.\s)/.test(previous);
        field.setRangeText((apart ? "\n" : "") + lines.join("\n"), start, end, "end");
    }

    function setUp(tools) {
        var form = tools.closest("form");
        var field = form && form.querySelector("textarea");
        if (!field) {
            return;
        }
        // Right above the text, wherever the form's other fields put it.
        field.parentNode.insertBefore(tools, field);
        tools.hidden = false;
        var hint = document.getElementById(field.id + "_helptext");
        if (hint) {
            hint.hidden = true;  // the buttons say it now
        }
        tools.addEventListener("click", function (event) {
            var button = event.target.closest("button[data-wrap], button[data-line]");
            if (!button) {
                return;
            }
            field.focus();
            if (button.dataset.wrap) {
                wrap(field, button.dataset.wrap);
            } else {
                prefixLines(field, button.dataset.line);
            }
            field.dispatchEvent(new Event("input", {bubbles: true}));
        });
        // Files upload as they are chosen (workspaces/attachments.js, loaded before this).
        var files = window.cssrAttachments
            ? window.cssrAttachments(form, field, tools.querySelector("[data-attach]"))
            : null;
        keep(form, field, tools, files);
    }

    function keep(form, field, tools, files) {
        var store = storage();
        if (!store) {
            return;
        }
        var key = PREFIX + (form.getAttribute("action") || window.location.pathname) + "#" + field.name;
        var saved = read(store, key);
        var notice = form.querySelector("[data-composer-restored]");
        if (saved && saved.text && saved.text !== field.value) {
            // Unsent, or sent without arriving (forgetSent has dropped those that arrived).
            if (!saved.sent || !field.value.trim()) {
                var before = field.value;
                field.value = saved.text;
                if (files) {
                    files.restore(saved.files);
                }
                if (notice) {
                    field.parentNode.insertBefore(notice, tools);
                    notice.hidden = false;
                    notice.querySelector("button").addEventListener("click", function () {
                        field.value = before;
                        if (files) {
                            files.clear();
                        }
                        store.removeItem(key);
                        notice.hidden = true;
                        field.focus();
                    });
                }
            } else {
                store.removeItem(key);  // the page came back with what was sent, errors and all
            }
        } else if (saved) {
            store.removeItem(key);
        }

        function save(sent) {
            var attached = files ? files.saved() : [];
            if (field.value.trim() || attached.length) {
                store.setItem(key, JSON.stringify({text: field.value, sent: sent, files: attached}));
            } else {
                store.removeItem(key);
            }
        }

        var timer = null;
        field.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(save, 300, false);
        });
        form.addEventListener("composer:files", function () {
            save(false);
        });
        form.addEventListener("submit", function () {
            window.clearTimeout(timer);
            save(true);
        });
    }

    function sentAndShown() {
        return document.querySelector(".messages .message--success") !== null;
    }

    // A page that says something was posted or saved follows a send that arrived: texts marked
    // as sent, wherever they were written (a new discussion's form is not on its own page), go.
    function forgetSent() {
        var store = storage();
        if (!store || !sentAndShown()) {
            return;
        }
        for (var index = store.length - 1; index >= 0; index -= 1) {
            var key = store.key(index);
            if (key && key.indexOf(PREFIX) === 0 && (read(store, key) || {}).sent) {
                store.removeItem(key);
            }
        }
    }

    function start() {
        forgetSent();
        document.querySelectorAll("[data-composer-tools]").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
