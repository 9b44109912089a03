// Search-as-you-type: fetch suggestions from our own server and list them as links.
// The form works without this script; it only adds the list.
(function () {
    "use strict";
    var input = document.getElementById("search-query");
    var list = document.getElementById("search-suggestions");
    if (!input || !list || !window.fetch) {
        return;
    }
    var timer = null;
    var latest = 0;

    function show(suggestions) {
        list.replaceChildren();
        suggestions.forEach(function (item) {
            var link = document.createElement("a");
            link.href = item.url;
            link.textContent = item.title;
            link.dir = "auto";
            var entry = document.createElement("li");
            entry.appendChild(link);
            list.appendChild(entry);
        });
    }

    input.addEventListener("input", function () {
        clearTimeout(timer);
        var query = input.value.trim();
        if (query.length < 2) {
            show([]);
            return;
        }
        timer = setTimeout(function () {
            var ticket = ++latest;
            fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
            })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) {
                    if (ticket === latest) {
                        show(data.suggestions);
                    }
                })
                .catch(function () { show([]); });
        }, 200);
    });
})();
