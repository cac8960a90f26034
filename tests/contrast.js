// WCAG 2.x AA contrast of every visible text on the page (an axe-core "color-contrast" equivalent).
// Text colour and background are composited with their alpha over the backgrounds behind them; disabled
// controls are exempt (WCAG 1.4.3); text over a background image is reported as unknown, not passed.
() => {
  const parse = (value) => {
    const match = value.match(/rgba?\(([^)]+)\)/);
    if (!match) return null;
    const [r, g, b, a = 1] = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a];
  };
  const over = (top, bottom) => top.slice(0, 3).map((c, i) => c * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const backdrops = new Map();  // element → its effective background, composited from the root down
  const backdrop = (element) => {
    if (!element) return { colour: [255, 255, 255, 1], image: false, opacity: 1 };
    if (backdrops.has(element)) return backdrops.get(element);
    const below = backdrop(element.parentElement);
    const style = getComputedStyle(element);
    const fill = parse(style.backgroundColor);
    const result = {
      colour: fill && fill[3] > 0 ? over(fill, below.colour) : below.colour,
      image: below.image || (style.backgroundImage !== "none" && !style.backgroundImage.includes("rgba(0, 0, 0, 0)")),
      opacity: below.opacity * Number(style.opacity),
    };
    backdrops.set(element, result);
    return result;
  };
  const visible = (element) => {
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.display === "none" || Number(style.opacity) === 0) return false;
    const box = element.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && !element.closest('[aria-hidden="true"], .hide, [hidden]');
  };
  const problems = [];
  for (const element of document.body.querySelectorAll("*")) {
    const text = [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
    if (!text || !visible(element) || element.closest("button:disabled, [aria-disabled='true'], script, style")) continue;
    const style = getComputedStyle(element);
    const { colour, image, opacity } = backdrop(element);
    const ink = parse(style.color);
    const fg = over([ink[0], ink[1], ink[2], ink[3] * opacity], colour);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const value = ratio(fg, colour);
    if (image || value < (large ? 3 : 4.5)) {
      problems.push({ text: text.slice(0, 40), ratio: Math.round(value * 100) / 100, color: style.color,
                      background: `rgb(${colour.slice(0, 3).map(Math.round).join(",")})`, image,
                      element: element.tagName.toLowerCase() + (element.id ? `#${element.id}` : "") +
                               (element.className && typeof element.className === "string" ? `.${element.className.split(" ")[0]}` : "") });
    }
  }
  return problems;
}
