// Files attached to a post or a message while it is written (`workspaces.attachments`), for any
// feature's composer: `window.cssrAttachments(form, field, button)`.
//
// The form holds a `<ul data-composer-files>` (workspaces/includes/attached_files.html) and the
// `attach` file input, which without this script sends the files with the form. With it, the
// button chooses files instead, and each is uploaded at once to the library's upload address as
// pending, with its progress: the form then sends only its id, in a hidden `attachments` field.
// An upload that fails says why beside the file and leaves the text alone; sending waits for
// uploads still running.
(function () {
    "use strict";

    window.cssrAttachments = function (form, field, button) {
        var list = form.querySelector("[data-composer-files]");
        var input = form.querySelector('input[type="file"][name="attach"]');
        if (!list || !input || !button || !window.FormData) {
            return null;
        }
        button.hidden = false;
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
            // The files attached and uploaded, as a kept draft or a message waiting to be sent
            // remembers them; `restore` brings them back, `clear` empties the list.
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
    };
})();
