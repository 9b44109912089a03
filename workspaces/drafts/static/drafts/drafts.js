/*
 * Drafts: keep unsaved text in this browser until the server has it, and quote the passage a
 * comment is about, selected or tapped. Without this script everything still works; with it, a reload or a dropped
 * connection loses nothing typed.
 *
 * Kept work is stored under "cssr:draft-<page id>" as {base, fields, at}: `base` is the revision
 * the edit started from, so putting the text back also puts back that starting point, and the
 * server then detects any save made in between instead of writing over it.
 */
(function () {
    "use strict";

    var PREFIX = "cssr:";

    function read(key) {
        try {
            return JSON.parse(window.localStorage.getItem(PREFIX + key));
        } catch (error) {
            return null;
        }
    }

    function write(key, value) {
        try {
            window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
        } catch (error) {
            // Storage full or disabled: the form itself still holds the text.
        }
    }

    function forget(key) {
        try {
            window.localStorage.removeItem(PREFIX + key);
        } catch (error) {
            // Nothing to forget.
        }
    }

    function number(value) {
        return parseInt(value, 10) || 0;
    }

    // After a save the server names the revision that now holds the work: what was kept from
    // an edit that started before it is saved (or merged) and can go.
    // A draft's kept work is under its key, and under that key and "-<section>-<part>" for the
    // parts edited one at a time.
    function keysOf(key) {
        var found = [];
        try {
            for (var index = 0; index < window.localStorage.length; index += 1) {
                var name = window.localStorage.key(index);
                if (name === PREFIX + key || name.indexOf(PREFIX + key + "-") === 0) {
                    found.push(name.slice(PREFIX.length));
                }
            }
        } catch (error) {
            // Storage disabled: nothing was kept.
        }
        return found;
    }

    document.querySelectorAll("[data-draft-saved]").forEach(function (marker) {
        keysOf(marker.getAttribute("data-draft-saved")).forEach(function (key) {
            var kept = read(key);
            if (kept && number(kept.base) < number(marker.getAttribute("data-draft-revision"))) {
                forget(key);
            }
        });
    });

    var form = document.querySelector("form[data-draft-store]");
    if (form) {
        var key = form.getAttribute("data-draft-store");
        var base = form.elements.base_revision;
        var fields = Array.prototype.slice.call(
            form.querySelectorAll("[data-draft-field], [name=title]")
        );
        // While kept work waits for a decision, typing must not overwrite it.
        var waiting = false;

        var keep = function () {
            if (waiting) {
                return;
            }
            var values = {};
            fields.forEach(function (field) {
                values[field.name] = field.value;
            });
            write(key, { base: base ? base.value : "", fields: values, at: Date.now() });
        };

        var kept = read(key);
        var banner = document.querySelector("[data-draft-restore]");
        if (kept && kept.fields) {
            var differs = Object.keys(kept.fields).some(function (name) {
                return form.elements[name] && form.elements[name].value !== kept.fields[name];
            });
            if (!differs && (!base || number(kept.base) === number(base.value))) {
                forget(key);
            } else if (banner) {
                waiting = true;
                banner.hidden = false;
                var when = banner.querySelector("[data-draft-restore-when]");
                if (when) {
                    when.textContent = new Date(kept.at).toLocaleString(
                        document.documentElement.lang || undefined
                    );
                }
                banner.querySelector("[data-draft-restore-apply]").addEventListener("click", function () {
                    Object.keys(kept.fields).forEach(function (name) {
                        if (form.elements[name]) {
                            form.elements[name].value = kept.fields[name];
                        }
                    });
                    if (base) {
                        base.value = kept.base;
                    }
                    waiting = false;
                    banner.hidden = true;
                    keep();
                    fields[fields.length - 1].focus();
                });
                banner.querySelector("[data-draft-restore-discard]").addEventListener("click", function () {
                    forget(key);
                    waiting = false;
                    banner.hidden = true;
                });
            }
        }
        form.addEventListener("input", keep);
    }

    // Selecting words in the text fills in the passage a new comment is about.
    var text = document.querySelector("[data-draft-text]");
    var passage = document.querySelector("[data-draft-passage]");
    if (text && passage) {
        var quote = function () {
            var selection = window.getSelection();
            if (!selection || selection.isCollapsed) {
                return;
            }
            if (!text.contains(selection.anchorNode) || !text.contains(selection.focusNode)) {
                return;
            }
            var words = selection.toString().replace(/\s+/g, " ").trim();
            if (words) {
                passage.value = words.slice(0, 1000);
            }
        };
        text.addEventListener("mouseup", quote);
        text.addEventListener("keyup", quote);
        text.addEventListener("touchend", quote);

        // "Comment" under a part quotes the whole part: one tap where selecting words by touch
        // is hard. Without this script the link asks the page for the same, prefilled.
        text.addEventListener("click", function (event) {
            var link = event.target.closest("[data-comment-on]");
            if (!link) {
                return;
            }
            event.preventDefault();
            passage.value = link.getAttribute("data-comment-on");
            var body = passage.form.elements.body;
            body.scrollIntoView({block: "center"});
            body.focus();
        });
    }
})();
