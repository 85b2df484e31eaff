// Just enough of a DOM and of an anywidget model to run the ESM modules under `node --test`,
// with no npm dependencies.

class ClassList {
  constructor(node) { this.node = node; }
  get #set() { return new Set(this.node.className.split(/\s+/).filter(Boolean)); }
  #write(set) { this.node.className = [...set].join(" "); }
  contains(c) { return this.#set.has(c); }
  add(...cs) { const s = this.#set; cs.forEach((c) => s.add(c)); this.#write(s); }
  remove(...cs) { const s = this.#set; cs.forEach((c) => s.delete(c)); this.#write(s); }
  toggle(c, force) {
    const on = force === undefined ? !this.contains(c) : Boolean(force);
    if (on) this.add(c); else this.remove(c);
    return on;
  }
}

export class FakeElement {
  constructor(doc, tag) {
    this.ownerDocument = doc;
    this.tagName = tag.toUpperCase();
    this.children = [];
    this.parentElement = null;
    this.attributes = {};
    this.className = "";
    this.classList = new ClassList(this);
    this.style = {};
    this.listeners = {};
    this._text = "";
    this.disabled = false;
    this.clicks = 0;
  }
  get textContent() { return this._text + this.children.map((c) => c.textContent).join(""); }
  set textContent(v) { this.children = []; this._text = String(v); }
  appendChild(child) {
    if (child.parentElement) child.remove();
    child.parentElement = this;
    this.children.push(child);
    this.ownerDocument.log.push(["add", child]);
    return child;
  }
  remove() {
    const p = this.parentElement;
    if (!p) return;
    p.children = p.children.filter((c) => c !== this);
    this.parentElement = null;
    this.ownerDocument.log.push(["remove", this]);
  }
  setAttribute(k, v) { this.attributes[k] = String(v); }
  getAttribute(k) { return k in this.attributes ? this.attributes[k] : null; }
  removeAttribute(k) { delete this.attributes[k]; }
  get title() { return this.getAttribute("title") ?? ""; }
  set title(v) { this.setAttribute("title", v); }
  addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); }
  removeEventListener(type, fn) {
    this.listeners[type] = (this.listeners[type] || []).filter((f) => f !== fn);
  }
  click() {
    this.clicks += 1;
    this.ownerDocument.clicked.push(this);
    if (this.disabled) return;
    for (const fn of this.listeners.click || []) fn({ type: "click", target: this });
  }
  closest(selector) {
    if (!selector.startsWith(".")) throw new Error(`fake closest: only .class, got ${selector}`);
    const cls = selector.slice(1);
    for (let n = this; n; n = n.parentElement) if (n.classList.contains(cls)) return n;
    return null;
  }
  querySelector(selector) {
    const cls = selector.slice(1);
    for (const c of this.children) {
      if (c.classList.contains(cls)) return c;
      const hit = c.querySelector(selector);
      if (hit) return hit;
    }
    return null;
  }
}

export class FakeDocument {
  constructor() {
    this.log = [];       // ["add" | "remove", node], in order
    this.clicked = [];   // every element whose click() was called
    this.body = new FakeElement(this, "body");
  }
  createElement(tag) { return new FakeElement(this, tag); }
}

/** An anywidget model: get/set/on/off/send, with change events like Backbone's. */
export class FakeModel {
  constructor(values) {
    this.values = { ...values };
    this.handlers = {};
    this.sent = [];
  }
  get(k) { return this.values[k]; }
  set(k, v) {
    this.values[k] = v;
    for (const fn of this.handlers[`change:${k}`] || []) fn();
  }
  on(ev, fn) { (this.handlers[ev] ||= []).push(fn); }
  off(ev, fn) { this.handlers[ev] = (this.handlers[ev] || []).filter((f) => f !== fn); }
  send(msg) { this.sent.push(msg); }
  /** A custom message from the kernel (anywidget's "msg:custom"). */
  receive(msg, buffers = []) { for (const fn of this.handlers["msg:custom"] || []) fn(msg, buffers); }
  listeners() { return Object.values(this.handlers).reduce((n, fs) => n + fs.length, 0); }
}
