// The composer of discussions and replies: a toolbar for bold, lists and quotes, files that
// upload while the member writes, and the text kept in this browser until it is sent.
//
// Without this script the forms still work; the Markdown hint below the text says what the
// buttons would write, and chosen files go with the form. The toolbar is rendered by the page
// (its labels are translated there, `discussions/includes/composer_tools.html`) and shown here.
//
// A chosen file is uploaded at once, with its progress, as pending (`workspaces.attachments`):
// the form then sends only its id, in a hidden `attachments` field. An upload that fails says
// why beside the file and leaves the text alone; the form waits for uploads still running.
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
        var files = attachments(form, field, tools);
        keep(form, field, tools, files);
    }

    // The attached files: their list below the text, the hidden ids the form sends, the uploads.
    function attachments(form, field, tools) {
        var list = form.querySelector("[data-composer-files]");
        var input = form.querySelector('input[type="file"][name="attach"]');
        var button = tools.querySelector("[data-attach]");
        if (!list || !input || !button || !window.FormData) {
            return null;
        }
        var text = list.dataset;
        var running = 0;
        var row = input.closest(".field");
        if (row) {
            row.hidden = true;  // the toolbar's button chooses files now
        }
        field.parentNode.insertBefore(list, field.nextSibling);
        button.addEventListener("click", function () {
            input.click();
        });

        function idInput(id) {
            return form.querySelector('input[name="attachments"][value="' + id + '"]');
        }

        function entry(name) {
            var item = document.createElement("li");
            item.className = "composer__file";
            var label = document.createElement("span");
            label.className = "composer__file-name";
            label.dir = "auto";
            label.textContent = name;
            var status = document.createElement("span");
            status.className = "composer__file-status";
            item.append(label, status);
            list.appendChild(item);
            return item;
        }

        function removable(item) {
            var remove = document.createElement("button");
            remove.type = "button";
            remove.className = "composer__tool composer__file-remove";
            remove.textContent = text.textRemove;
            remove.setAttribute("aria-label", text.textRemove + ": " + item.firstChild.textContent);
            remove.addEventListener("click", function () {
                var id = item.dataset.id;
                if (id && idInput(id)) {
                    idInput(id).remove();
                }
                item.remove();
                form.dispatchEvent(new Event("composer:files"));
                field.focus();
            });
            item.appendChild(remove);
        }

        function attached(item, file) {
            item.dataset.id = file.id;
            item.querySelector(".composer__file-status").textContent = file.size || "";
            if (!idInput(file.id)) {
                var hidden = document.createElement("input");
                hidden.type = "hidden";
                hidden.name = "attachments";
                hidden.value = file.id;
                form.appendChild(hidden);
            }
        }

        function failed(item, errors) {
            item.classList.add("composer__file--failed");
            item.querySelector(".composer__file-status").textContent = text.textFailed;
            var messages = document.createElement("ul");
            messages.className = "field__errors";
            messages.setAttribute("role", "alert");
            errors.forEach(function (error) {
                var line = document.createElement("li");
                line.textContent = error;
                messages.appendChild(line);
            });
            item.appendChild(messages);
        }

        function upload(chosen) {
            var item = entry(chosen.name);
            var bar = document.createElement("progress");
            bar.max = 100;
            bar.value = 0;
            bar.setAttribute("aria-label", chosen.name);
            item.querySelector(".composer__file-status").textContent = text.textUploading;
            item.appendChild(bar);
            var data = new FormData();
            data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
            data.append("files", chosen);
            data.append("pending", "1");
            var request = new XMLHttpRequest();
            request.open("POST", text.uploadUrl);
            request.setRequestHeader("Accept", "application/json");
            request.upload.addEventListener("progress", function (event) {
                if (event.lengthComputable) {
                    bar.value = Math.round((event.loaded / event.total) * 100);
                }
            });
            function finish(body) {
                bar.remove();
                if (request.status === 201 && body && body.files) {
                    attached(item, body.files[0]);
                } else {
                    failed(item, body && body.errors ? body.errors : [text.textNetwork]);
                }
                removable(item);
                running -= 1;
                form.dispatchEvent(new Event("composer:files"));
            }
            request.addEventListener("load", function () {
                var body = null;
                try {
                    body = JSON.parse(request.responseText);
                } catch (error) {
                    body = null;
                }
                finish(body);
            });
            request.addEventListener("error", function () {
                finish(null);
            });
            running += 1;
            request.send(data);
        }

        input.addEventListener("change", function () {
            Array.prototype.forEach.call(input.files, upload);
            input.value = "";  // sent already: the form carries their ids, not their bytes
        });
        list.querySelectorAll(".composer__file[data-id]").forEach(removable);
        form.addEventListener("submit", function (event) {
            if (running > 0) {
                event.preventDefault();
                event.stopImmediatePropagation();
                var wait = list.querySelector(".composer__wait") || document.createElement("li");
                wait.className = "composer__wait field__errors";
                wait.setAttribute("role", "alert");
                wait.textContent = text.textWait;
                list.appendChild(wait);
            }
        });
        form.addEventListener("composer:files", function () {
            var wait = list.querySelector(".composer__wait");
            if (wait && running === 0) {
                wait.remove();
            }
        });

        return {
            // What a kept draft remembers of its files, and how it brings them back.
            saved: function () {
                return Array.prototype.map.call(list.querySelectorAll(".composer__file[data-id]"), function (item) {
                    return {id: item.dataset.id, title: item.firstChild.textContent};
                });
            },
            clear: function () {
                list.querySelectorAll(".composer__file-remove").forEach(function (remove) {
                    remove.click();
                });
            },
            restore: function (files) {
                (files || []).forEach(function (file) {
                    if (!idInput(file.id)) {
                        var item = entry(file.title);
                        attached(item, {id: file.id});
                        removable(item);
                    }
                });
            }
        };
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
