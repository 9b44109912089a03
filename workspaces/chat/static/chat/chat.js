// A conversation page made live: messages arrive over a WebSocket without reloading, and what
// the member sends is never lost.
//
// Without this script the page is a plain one: the latest messages, a link to older ones and a
// form. With it, sending goes through the same address (`send/`) in the background, each
// message with an id of its own (`client_id`) so that sending it again is harmless. A message
// written while offline waits in this browser (localStorage) and goes, in order, as soon as the
// connection is back; the page then asks `messages/?after=` for what it missed, in order and
// without duplicates. A new message of someone else's is shown from what the socket brings; one
// that changed (edited, deleted, hidden) and the member's own are fetched as the server renders
// them for this reader (`messages/?id=`), with what they may do with them. The socket says back
// only how far its reader has read; the server asks the access rule again before passing
// anything on, and a refusal (close code 4403) stops the page from reconnecting.
// Where the server answers no WebSockets (`CHAT_LIVE_UPDATES` off) the page fetches instead.
(function () {
    "use strict";

    var REFUSED = 4403;
    var root = document.querySelector("[data-chat]");
    if (!root || !window.WebSocket || !window.fetch || !window.FormData) {
        return;
    }
    var text = root.dataset;
    var list = root.querySelector("[data-chat-messages]");
    var form = root.querySelector("[data-chat-form]");
    var status = root.querySelector("[data-chat-status]");
    var empty = root.querySelector("[data-chat-empty]");
    var storeKey = "cssr:chat:" + text.messagesUrl;
    var socket = null, retry = 1000, refused = false, flushing = false;

    function store() {
        try {
            return window.localStorage;
        } catch (error) {
            return null;
        }
    }

    function queue() {
        var kept = store() && store().getItem(storeKey);
        try {
            return kept ? JSON.parse(kept) : [];
        } catch (error) {
            return [];
        }
    }

    function saveQueue(items) {
        if (!store()) {
            return;
        }
        if (items.length) {
            store().setItem(storeKey, JSON.stringify(items));
        } else {
            store().removeItem(storeKey);
        }
    }

    function say(message) {
        status.textContent = message || "";
        status.hidden = !message;
    }

    function lastId() {
        var shown = list.querySelectorAll(".chat-message[data-id]");
        return shown.length ? shown[shown.length - 1].dataset.id : 0;
    }

    function shownMessage(id) {
        return list.querySelector('.chat-message[data-id="' + id + '"]');
    }

    function atBottom() {
        return window.innerHeight + window.scrollY >= document.body.scrollHeight - 120;
    }

    function showLatest(force) {
        var last = list.lastElementChild;
        if (last && (force || atBottom())) {
            last.scrollIntoView({block: "end"});
        }
    }

    var dayOf = new Intl.DateTimeFormat("en-CA", {timeZone: text.timeZone || undefined});
    var clock = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
        hour: "numeric",
        minute: "2-digit",
        hour12: text.hour12 === "true",
        timeZone: text.timeZone || undefined
    });

    function lastDay() {
        var times = list.querySelectorAll(".chat-message[data-id] time");
        return times.length ? dayOf.format(new Date(times[times.length - 1].dateTime)) : null;
    }

    // A message as the page's own template renders it (chat/includes/messages.html).
    function element(message) {
        var item = document.createElement("li");
        item.className = "chat-message" + (String(message.author_id) === text.user ? " chat-message--own" : "");
        item.id = "message-" + message.id;
        item.dataset.id = message.id;
        var meta = document.createElement("p");
        meta.className = "chat-message__meta";
        var author = document.createElement("bdi");
        author.className = "chat-message__author";
        author.textContent = message.author;
        var time = document.createElement("time");
        time.dateTime = message.sent;
        time.textContent = clock.format(new Date(message.sent));
        meta.append(author, " ", time);
        item.appendChild(meta);
        if (message.quoted) {
            var quote = document.createElement("p");
            quote.className = "chat-message__quote";
            var whose = document.createElement("bdi");
            whose.textContent = message.quoted_author;
            var quoted = document.createElement("span");
            quoted.dir = "auto";
            quoted.textContent = message.quoted;
            quote.append(whose, ": ", quoted);
            item.appendChild(quote);
        }
        var body = document.createElement("div");
        body.className = "chat-message__body prose";
        body.innerHTML = message.html;  // sanitised by the server (workspaces.markup)
        item.append(body, actions(message, body.textContent.trim()));
        return item;
    }

    // An address of the page's for message 0 (`data-report-url`, ...), for message `id`.
    function urlFor(template, id) {
        var at = template.lastIndexOf("/0/");
        return template.slice(0, at) + "/" + id + "/" + template.slice(at + 3);
    }

    function action(label, href) {
        var link = document.createElement("a");
        link.href = href;
        link.textContent = label;
        var entry = document.createElement("li");
        entry.appendChild(link);
        return entry;
    }

    // What the page's template offers under someone else's message: Reply, and in the room
    // Report, and Hide for who moderates it (chat/includes/messages.html).
    function actions(message, words) {
        var list = document.createElement("ul");
        list.className = "post__actions chat-message__actions";
        if (form) {
            var reply = action(text.textReply, "?reply_to=" + message.id + "#composer");
            reply.firstChild.dataset.replyTo = message.id;
            reply.firstChild.dataset.quote = words.length > 120 ? words.slice(0, 119) + "…" : words;
            list.appendChild(reply);
        }
        if (text.reportUrl) {
            list.appendChild(action(text.textReport, urlFor(text.reportUrl, message.id)));
        }
        if (text.hideUrl) {
            var back = window.location.pathname + "#message-" + message.id;
            list.appendChild(action(text.textHide, urlFor(text.hideUrl, message.id) + "?next=" + encodeURIComponent(back)));
        }
        return list;
    }

    // The server has the message this page sent as `clientId`: its waiting bubble and its place
    // in the queue go, whichever way the news came (the answer, the socket, a catch-up).
    function forget(clientId) {
        if (!clientId) {
            return;
        }
        var pending = list.querySelector('.chat-message--pending[data-client-id="' + clientId + '"]');
        if (pending) {
            pending.remove();
        }
        saveQueue(queue().filter(function (kept) { return kept.client_id !== clientId; }));
    }

    function receive(message) {
        if (message.changed) {
            if (shownMessage(message.id)) {
                fetchOne(message.id);
            }
            return;
        }
        if (String(message.author_id) === text.user || message.files) {
            // The reader's own, from this page or another of theirs, and one with files: as
            // the server renders it for them (Edit and Delete, pictures and documents).
            if (String(message.author_id) !== text.user) {
                noteSeen(message.id);
            }
            fetchOne(message.id);
            return;
        }
        // After what is being fetched or sent, so messages stay in the order they were sent.
        inTurn(function () {
            return show(message);
        });
    }

    function show(message) {
        if (shownMessage(message.id)) {
            return null;
        }
        if (lastDay() && lastDay() !== dayOf.format(new Date(message.sent))) {
            return fetchMissed();  // a new day: the server renders its separator
        }
        var follow = atBottom();
        var firstPending = list.querySelector(".chat-message--pending");
        list.insertBefore(element(message), firstPending);
        noteSeen(message.id);
        if (empty) {
            empty.hidden = true;
        }
        showLatest(follow);
        return null;
    }

    // One request at a time, in the order asked: what the page fetched and sent stays in order,
    // and a server never sees one page's requests race each other.
    var previous = Promise.resolve();

    function inTurn(request) {
        previous = previous.then(request, request);
        return previous;
    }

    function catchUp() {
        return inTurn(fetchMissed);
    }

    function fetchMissed() {
        return fetchShown("?after=" + lastId()).then(function (placed) {
            if (placed) {
                showLatest(true);
            }
        });
    }

    // One message as the server shows it to this reader: edited, deleted, hidden, or their own.
    function fetchOne(id) {
        return inTurn(function () {
            var follow = atBottom();
            return fetchShown("?id=" + id).then(function () {
                showLatest(follow);
            });
        });
    }

    function fetchShown(query) {
        return fetch(text.messagesUrl + query, {
            headers: {"Accept": "application/json"},
            credentials: "same-origin"
        }).then(function (response) {
            return response.ok ? response.json() : null;
        }).then(function (answer) {
            return answer && answer.html ? place(answer.html) : false;
        }).catch(function () {
            // Offline: the next connection asks again.
            return false;
        });
    }

    function lastDayShown() {
        var days = list.querySelectorAll(".chat-day:not(.chat-day--unread)");
        return days.length ? days[days.length - 1].textContent.trim() : "";
    }

    // Messages as the server rendered them (chat/includes/messages.html): each one the page
    // shows already is replaced, the others go after everything shown, before what still
    // waits to be sent, each with its day's separator unless that day is showing.
    function place(html) {
        var holder = document.createElement("ol");
        holder.innerHTML = html;
        var day = null;
        Array.prototype.slice.call(holder.children).forEach(function (item) {
            if (item.classList.contains("chat-day")) {
                day = item.classList.contains("chat-day--unread") ? day : item;
                return;
            }
            forget(item.dataset.sentAs);
            var shown = shownMessage(item.dataset.id);
            if (shown) {
                shown.replaceWith(item);
            } else {
                var pending = list.querySelector(".chat-message--pending");
                if (day && day.textContent.trim() !== lastDayShown()) {
                    list.insertBefore(day, pending);
                }
                list.insertBefore(item, pending);
                if (empty) {
                    empty.hidden = true;
                }
            }
            day = null;
        });
        return true;
    }

    function pendingBubble(entry) {
        var item = document.createElement("li");
        item.className = "chat-message chat-message--own chat-message--pending";
        item.dataset.clientId = entry.client_id;
        var body = document.createElement("div");
        body.className = "chat-message__body";
        body.dir = "auto";
        body.textContent = entry.body;
        item.appendChild(body);
        (entry.attachments || []).forEach(function (file) {
            var name = document.createElement("p");
            name.className = "chat-message__file";
            name.dir = "auto";
            name.textContent = file.title;
            item.appendChild(name);
        });
        var state = document.createElement("p");
        state.className = "chat-message__meta chat-message__state";
        state.textContent = text.textWaiting;
        item.appendChild(state);
        list.appendChild(item);
        if (empty) {
            empty.hidden = true;
        }
        showLatest(true);
        return item;
    }

    function flush() {
        if (flushing || !form) {
            return;
        }
        var items = queue();
        if (!items.length) {
            return;
        }
        flushing = true;
        var entry = items[0];
        var data = new FormData();
        data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
        data.append("body", entry.body);
        data.append("client_id", entry.client_id);
        if (entry.reply_to) {
            data.append("reply_to", entry.reply_to);
        }
        (entry.attachments || []).forEach(function (file) {
            data.append("attachments", file.id);
        });
        inTurn(function () {
            return fetch(form.action, {
                method: "POST",
                body: data,
                headers: {"Accept": "application/json"},
                credentials: "same-origin"
            });
        }).then(function (response) {
            flushing = false;
            if (response.status === 201) {
                return response.json().then(function (answer) {
                    saveQueue(queue().filter(function (kept) { return kept.client_id !== entry.client_id; }));
                    if (shownMessage(answer.id)) {
                        forget(entry.client_id);
                    }
                    say("");
                    if (!text.socket) {
                        // No live connection: the page fetches its own message, then sends on.
                        return catchUp().then(flush);
                    }
                    flush();
                });
            }
            if (response.status === 400) {
                // Refused as it is (too long, say): back into the composer, nothing lost.
                forget(entry.client_id);
                form.elements.body.value = entry.body + (form.elements.body.value ? "\n" + form.elements.body.value : "");
                if (files) {
                    files.restore(entry.attachments);
                }
                say(text.textFailed);
                return null;
            }
            throw new Error("not sent");
        }).catch(function () {
            flushing = false;
            say(text.textOffline);
            window.setTimeout(flush, 5000);
        });
    }

    function connect() {
        if (refused) {
            return;
        }
        if (!text.socket) {
            // Live updates are off here (CHAT_LIVE_UPDATES): what others wrote comes with each
            // send and whenever the page is looked at again.
            document.addEventListener("visibilitychange", function () {
                if (!document.hidden) {
                    catchUp();
                }
            });
            catchUp().then(flush);
            return;
        }
        var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
        socket = new WebSocket(scheme + window.location.host + text.socket);
        socket.addEventListener("open", function () {
            retry = 1000;
            say(queue().length ? text.textWaiting : "");
            catchUp().then(flush);
        });
        socket.addEventListener("message", function (event) {
            try {
                receive(JSON.parse(event.data));
            } catch (error) {
                // Not a message: nothing to show.
            }
        });
        socket.addEventListener("close", function (event) {
            if (event.code === REFUSED) {
                refused = true;
                window.location.reload();  // the server says why, as a page
                return;
            }
            say(text.textOffline);
            window.setTimeout(connect, retry);
            retry = Math.min(retry * 2, 15000);
        });
    }

    var files = null;
    if (form) {
        var field = form.elements.body;
        // Files upload as they are chosen (workspaces/attachments.js): a message carries their
        // ids, so it can wait in this browser like any other. Its submit check comes first.
        if (window.cssrAttachments) {
            files = window.cssrAttachments(form, field, form.querySelector("[data-attach]"));
        }
        var note = form.querySelector("[data-chat-files-note]");
        var showNote = function () {
            note.hidden = !form.querySelector(".composer__file");
        };
        if (files && note) {
            showNote();
            form.addEventListener("composer:files", showNote);
            form.addEventListener("change", showNote);
        }
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var body = field.value;
            var attached = files ? files.saved() : [];
            if (!body.trim() && !attached.length) {
                return;
            }
            var entry = {
                body: body,
                attachments: attached,
                reply_to: form.elements.reply_to.value,
                client_id: (window.crypto && window.crypto.randomUUID) ? window.crypto.randomUUID() : String(Date.now()) + Math.random()
            };
            saveQueue(queue().concat([entry]));
            pendingBubble(entry);
            answer(null);
            if (files) {
                files.clear();
            }
            field.value = "";
            field.focus();
            flush();
        });
        // Enter sends, as in messaging apps; Shift+Enter starts a new line.
        field.addEventListener("keydown", function (event) {
            // While "@" suggestions are open (workspaces/mentions.js), Enter chooses one.
            if (field.getAttribute("aria-activedescendant")) {
                return;
            }
            if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                form.requestSubmit();
            }
        });
        // "Reply" under a message: answered in the composer, without leaving the page.
        var answering = form.querySelector("[data-chat-answering]");
        var answer = function (link) {
            form.elements.reply_to.value = link ? link.dataset.replyTo : "";
            answering.hidden = !link;
            answering.querySelector("[data-chat-answering-text]").textContent = link ? link.dataset.quote : "";
        };
        list.addEventListener("click", function (event) {
            var link = event.target.closest("[data-reply-to]");
            if (link) {
                event.preventDefault();
                answer(link);
                field.focus();
            }
        });
        answering.querySelector("[data-chat-answering-cancel]").addEventListener("click", function (event) {
            event.preventDefault();
            answer(null);
        });
        // What waited in this browser from an earlier visit goes first.
        queue().forEach(pendingBubble);
    }

    // Messages that arrived live while the page was in view count as read: the page says how
    // far over its socket, at most once a second, and at once when it is put aside or left.
    var seen = 0, reported = 0, reporting = null;

    function reportRead() {
        window.clearTimeout(reporting);
        reporting = null;
        if (seen > reported && socket && socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify({read: seen}));
            reported = seen;
        }
    }

    function noteSeen(id) {
        if (document.hidden || id <= seen) {
            return;
        }
        seen = id;
        reporting = reporting || window.setTimeout(reportRead, 1000);
    }

    document.addEventListener("visibilitychange", function () {
        if (document.hidden) {
            reportRead();
        } else {
            noteSeen(Number(lastId()));
        }
    });
    window.addEventListener("pagehide", reportRead);

    window.addEventListener("online", function () {
        flush();
        catchUp();
    });
    window.addEventListener("offline", function () {
        say(text.textOffline);
    });

    var unread = document.getElementById("unread");
    if (unread) {
        unread.scrollIntoView({block: "start"});
    } else {
        showLatest(true);
    }
    connect();
})();
