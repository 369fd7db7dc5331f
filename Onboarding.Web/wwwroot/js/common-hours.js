// The check-in form's "When everyone is working" panel follows the participants, day, time and length as they
// change, before any save: the server renders the same partial the page shows, and this swaps it in. Without
// script the page still answers for what was saved, and again after each submit.
(() => {
    const form = document.querySelector("form[data-common-hours]");
    const live = document.getElementById("common-hours-live");
    if (!form || !live) {
        return;
    }
    const fields = ["ParticipantIds", "Weekday", "Time", "DurationMinutes"];
    let waiting;
    let running;

    const show = (html) => {
        live.innerHTML = html;
        live.removeAttribute("aria-busy");
    };
    const say = (text) => {
        const p = document.createElement("p");
        p.className = "warning";
        p.textContent = text;
        live.replaceChildren(p);
        live.removeAttribute("aria-busy");
    };

    const refresh = async () => {
        running?.abort();
        running = new AbortController();
        const query = new URLSearchParams();
        for (const [name, value] of new FormData(form)) {
            if (fields.includes(name)) {
                query.append(name, value);
            }
        }
        live.setAttribute("aria-busy", "true");
        try {
            // A session that ended answers with a redirect to sign in, never a page to put in the panel.
            const response = await fetch(`${form.dataset.commonHours}?${query}`, { signal: running.signal, redirect: "manual" });
            if (response.ok) {
                show(await response.text());
            } else if (response.status === 400 || response.status === 422) {
                say(await response.text());
            } else {
                say("The hours could not be updated just now; save the form to see them.");
            }
        } catch (error) {
            if (error.name !== "AbortError") {
                say("The hours could not be updated just now; save the form to see them.");
            }
        }
    };

    // Typing a time or a length waits for a pause; each new change cancels the answer to the one before.
    form.addEventListener("input", (event) => {
        if (fields.includes(event.target.name)) {
            clearTimeout(waiting);
            waiting = setTimeout(refresh, 250);
        }
    });
})();
