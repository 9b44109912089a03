// Uploads the chosen or dropped files one by one, each with its own progress bar.
// The form works without this script (one request for all files); every text shown here comes
// from the form's data- attributes, already in the reader's language.
(function () {
    "use strict";
    if (!window.FormData || !window.XMLHttpRequest) {
        return;
    }

    function setup(form) {
        var text = form.dataset;
        var fieldName = text.fileField;
        var input = form.querySelector('input[type="file"][name="' + fieldName + '"]');
        var list = form.querySelector("[data-upload-list]");
        var zone = form.querySelector("[data-dropzone]");
        var hint = form.querySelector("[data-dropzone-hint]");
        var button = form.querySelector('button[type="submit"]');
        if (!input || !list || !zone) {
            return;
        }
        var pending = [];
        var multiple = input.multiple;
        // Dropped files never reach the input, so the script checks for a choice itself.
        input.required = false;
        if (hint) {
            hint.hidden = false;
        }

        function entryFor(file) {
            var item = document.createElement("li");
            item.className = "upload-item";
            var name = document.createElement("span");
            name.className = "upload-item__name";
            name.dir = "auto";
            name.textContent = file.name;
            var bar = document.createElement("progress");
            bar.max = 100;
            bar.value = 0;
            bar.setAttribute("aria-label", file.name);
            var status = document.createElement("span");
            status.className = "upload-item__status";
            status.textContent = text.textWaiting;
            item.append(name, bar, status);
            return { item: item, bar: bar, status: status, file: file };
        }

        function choose(files) {
            if (!multiple) {
                pending = [];
            }
            Array.prototype.forEach.call(files, function (file) {
                if (multiple || pending.length === 0) {
                    pending.push(entryFor(file));
                }
            });
            list.replaceChildren.apply(list, pending.map(function (entry) { return entry.item; }));
            list.hidden = pending.length === 0;
        }

        input.addEventListener("change", function () {
            pending = [];
            choose(input.files);
        });

        ["dragenter", "dragover"].forEach(function (type) {
            zone.addEventListener(type, function (event) {
                event.preventDefault();
                zone.classList.add("dropzone--over");
            });
        });
        ["dragleave", "drop"].forEach(function (type) {
            zone.addEventListener(type, function (event) {
                event.preventDefault();
                zone.classList.remove("dropzone--over");
            });
        });
        zone.addEventListener("drop", function (event) {
            if (event.dataTransfer && event.dataTransfer.files.length) {
                choose(event.dataTransfer.files);
            }
        });

        function fields(entry) {
            var data = new FormData(form);
            data.delete(fieldName);
            data.append(fieldName, entry.file);
            // A title names one file; several files keep their own names.
            if (pending.length > 1) {
                data.delete("title");
            }
            return data;
        }

        function showErrors(entry, errors) {
            entry.item.classList.add("upload-item--failed");
            entry.status.textContent = text.textFailed;
            var messages = document.createElement("ul");
            messages.className = "field__errors";
            messages.setAttribute("role", "alert");
            errors.forEach(function (error) {
                var line = document.createElement("li");
                line.textContent = error;
                messages.appendChild(line);
            });
            entry.item.appendChild(messages);
        }

        function send(entry) {
            return new Promise(function (resolve) {
                var request = new XMLHttpRequest();
                request.open("POST", form.action);
                request.setRequestHeader("Accept", "application/json");
                request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
                request.upload.addEventListener("progress", function (event) {
                    if (event.lengthComputable) {
                        entry.bar.value = Math.round((event.loaded / event.total) * 100);
                    }
                });
                request.addEventListener("load", function () {
                    var body = null;
                    try {
                        body = JSON.parse(request.responseText);
                    } catch (error) {
                        body = null;
                    }
                    if (request.status === 201 && body) {
                        entry.bar.value = 100;
                        entry.item.classList.add("upload-item--done");
                        entry.status.replaceChildren();
                        var link = document.createElement("a");
                        link.href = body.files[0].url;
                        link.textContent = text.textDone;
                        entry.status.appendChild(link);
                        resolve(true);
                    } else {
                        showErrors(entry, body && body.errors ? body.errors : [text.textNetwork]);
                        resolve(false);
                    }
                });
                request.addEventListener("error", function () {
                    showErrors(entry, [text.textNetwork]);
                    resolve(false);
                });
                entry.status.textContent = text.textUploading;
                request.send(fields(entry));
            });
        }

        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var queue = pending.filter(function (entry) {
                return !entry.item.classList.contains("upload-item--done");
            });
            if (queue.length === 0) {
                choose([]);
                list.hidden = false;
                var note = document.createElement("li");
                note.className = "field__errors";
                note.textContent = text.textChoose;
                list.replaceChildren(note);
                return;
            }
            button.disabled = true;
            var succeeded = true;
            queue.reduce(function (previous, entry) {
                return previous.then(function () {
                    return send(entry).then(function (ok) {
                        succeeded = succeeded && ok;
                    });
                });
            }, Promise.resolve()).then(function () {
                button.disabled = false;
                input.value = "";
                if (succeeded) {
                    var done = document.createElement("li");
                    done.className = "upload-list__finished";
                    done.setAttribute("role", "status");
                    done.append(text.textFinished + " ");
                    var link = document.createElement("a");
                    link.href = text.doneUrl;
                    link.textContent = text.textLibrary;
                    done.appendChild(link);
                    list.appendChild(done);
                }
            });
        });
    }

    document.querySelectorAll("[data-upload-form]").forEach(setup);
})();
