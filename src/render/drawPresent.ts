const css = (rgb: number) => `#${(rgb & 0xffffff).toString(16).padStart(6, '0')}`;

function roundRect(
  g: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
) {
  g.beginPath();
  g.moveTo(x + r, y);
  g.arcTo(x + w, y, x + w, y + h, r);
  g.arcTo(x + w, y + h, x, y + h, r);
  g.arcTo(x, y + h, x, y, r);
  g.arcTo(x, y, x + w, y, r);
  g.closePath();
}

/**
 * A procedural wrapped present (the art for gifts nobody has a picture or emoji for), drawn into a square
 * canvas of `size` px: a 100-unit design centred in it. Plain Canvas 2D (`roundRect` on the context
 * itself is Chromium 99+, drawn by hand here to stay readable without it).
 */
export function drawPresent(
  g: CanvasRenderingContext2D,
  size: number,
  colour: number,
  ribbon: number,
): void {
  g.save();
  g.translate(size / 2, size / 2 + 6);
  g.fillStyle = css(colour);
  roundRect(g, -46, -18, 92, 64, 8);
  g.fill();
  roundRect(g, -52, -34, 104, 22, 6);
  g.fill();
  g.fillStyle = css(ribbon);
  g.fillRect(-8, -34, 16, 80);
  g.strokeStyle = css(ribbon);
  g.lineWidth = 7;
  for (const x of [-18, 18]) {
    g.beginPath();
    g.ellipse(x, -42, 18, 11, 0, 0, Math.PI * 2);
    g.stroke();
  }
  g.restore();
}
