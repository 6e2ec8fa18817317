// jetbot web console: sends questions to /api/ask and renders the reply.
// Every piece of text goes through textContent; links are built as elements
// and only for http(s) URLs, so nothing from a question or the YAML becomes markup.
"use strict";

const URL_RE = /(https?:\/\/[^\s<>"'）」】]+)/g;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function linkified(text) {
  const box = el("div", "answer-text");
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    box.append(document.createTextNode(text.slice(last, match.index)));
    const a = el("a", null, match[0]);
    a.href = match[0];
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    box.append(a);
    last = match.index + match[0].length;
  }
  box.append(document.createTextNode(text.slice(last)));
  return box;
}

function sessionId() {
  let id = sessionStorage.getItem("jetbot-session");
  if (!id) {
    id = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
    sessionStorage.setItem("jetbot-session", id);
  }
  return id;
}

function score(value) {
  return Number(value).toFixed(1);
}

function meta(data) {
  const box = el("div", "meta");
  const intent = el("span", "meta-intent", data.intent ? data.intent : "(fallback)");
  if (data.intent_title) intent.title = data.intent_title;
  box.append("intent: ", intent, " · score: ", el("span", "meta-score", score(data.score)),
             " · kind: ", el("span", "meta-kind", data.kind));
  const runner = (data.candidates || [])[data.intent ? 1 : 0];
  const runnerBox = el("span", "meta-runnerup", runner ? `${runner.intent} (${score(runner.score)})` : "—");
  box.append(" · runner-up: ", runnerBox);
  return box;
}

function suggestionButton(label, intent) {
  const button = el("button", "suggestion", label);
  button.type = "button";
  button.dataset.intent = intent;
  button.addEventListener("click", () => ask(label, intent));
  return button;
}

// The main topics (the YAML menu, as on the LINE rich menu), offered before the first question.
async function showTopics() {
  const box = document.getElementById("topic-buttons");
  try {
    const response = await fetch("/api/topics");
    const data = await response.json();
    for (const topic of data.topics || []) box.append(suggestionButton(topic.label, topic.intent));
  } catch (error) {
    document.getElementById("status").textContent = "topics: " + error.message;
  }
}

// 👍 / 👎 under an answer: POST /api/feedback; the buttons give way to a thank-you (a second
// click changes the vote: the latest counts once).
function feedbackRow(inquiryId) {
  const row = el("div", "feedback");
  row.append(el("span", "feedback-prompt", "この回答で解決しましたか？ "));
  const note = el("span", "feedback-note");
  for (const [label, helpful, name] of [["👍", true, "helpful"], ["👎", false, "not helpful"]]) {
    const button = el("button", "vote", label);
    button.type = "button";
    button.dataset.helpful = String(helpful);
    button.setAttribute("aria-label", name);
    button.addEventListener("click", async () => {
      try {
        const response = await fetch("/api/feedback", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ inquiry_id: inquiryId, helpful: helpful, session: sessionId() }),
        });
        const data = await response.json();
        if (!response.ok) throw new Error(data.error || response.statusText);
        for (const b of row.querySelectorAll("button.vote")) b.remove();
        row.querySelector(".feedback-prompt").remove();
        note.textContent = helpful ? "ありがとうございました。お役に立ててよかったです。"
                                   : "ありがとうございました。お役に立てず申し訳ありません。";
      } catch (error) {
        note.textContent = "feedback: " + error.message;
      }
    });
    row.append(button);
  }
  row.append(note);
  return row;
}

function renderReply(data) {
  const item = el("li", "bot " + (data.fallback ? "fallback" : "answered"));
  item.append(linkified(data.display));
  if (data.suggestions && data.suggestions.length) {
    const row = el("div", "suggestions");
    for (const s of data.suggestions) row.append(suggestionButton(s.label, s.intent));
    item.append(row);
  }
  if (data.feedback && data.inquiry_id) item.append(feedbackRow(data.inquiry_id));
  item.append(meta(data));
  return item;
}

async function ask(question, choice) {
  const log = document.getElementById("log");
  const status = document.getElementById("status");
  log.append(el("li", "user", question));
  status.textContent = "…";
  const body = { question: question, session: sessionId() };
  if (choice) body.choice = choice;
  try {
    const response = await fetch("/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || response.statusText);
    log.append(renderReply(data));
    document.getElementById("version").textContent = data.version;
    status.textContent = "";
  } catch (error) {
    status.textContent = "error: " + error.message;
  }
  log.lastElementChild.scrollIntoView({ block: "end" });
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (!question) return;
    input.value = "";
    ask(question, null);
  });
  input.focus();
  showTopics();
});
