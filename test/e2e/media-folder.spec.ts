import { expect, test } from '@playwright/test';
import { pngBytes, wavBytes } from '../helpers/mediaSamples';
import { hubToken } from './hubToken';

/**
 * The media folder and the saved rules of `npm start`, as Chromium uses them: an uploaded PNG
 * decodes in an <img>, a WAV plays in an <audio> (which fetches by byte ranges), a text file named
 * .png is refused with its reason, and a page watching `/hub/rules` hears a save.
 */

const auth = () => ({ Authorization: `Bearer ${hubToken()}` });

test.afterEach(async ({ request }) => {
  for (const name of ['e2e-lion.png', 'e2e-roar.wav'])
    await request.delete(`/hub/media?name=${name}`, { headers: auth() });
  await request.put('/hub/rules', { headers: auth(), data: { v: 1, rules: [] } });
});

test('an uploaded PNG shows and a WAV plays from /media/; a text file named .png is refused', async ({
  page,
  request,
}) => {
  const png = await request.post('/hub/media?name=e2e-lion.png', {
    headers: auth(),
    data: pngBytes(6, 4),
  });
  expect(await png.json()).toEqual({ done: 'saved', name: 'e2e-lion.png' });
  const wav = await request.post('/hub/media?name=e2e-roar.wav', {
    headers: auth(),
    data: wavBytes(),
  });
  expect(wav.status()).toBe(200);
  const fake = await request.post('/hub/media?name=e2e-fake.png', {
    headers: auth(),
    data: Buffer.from('I am not a picture\n'),
  });
  expect(fake.status()).toBe(415);
  expect(await fake.json()).toMatchObject({ refused: 'media-type' });
  const listed = (await (await request.get('/hub/media')).json()) as { files: { name: string }[] };
  // Other specs share the e2e server's folder: this test's two files are there, by their types.
  expect(listed.files).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'e2e-lion.png', type: 'png' }),
      expect.objectContaining({ name: 'e2e-roar.wav', type: 'wav' }),
    ]),
  );

  await page.goto('./');
  const played = await page.evaluate(async () => {
    const img = new Image();
    img.src = '/media/e2e-lion.png';
    await img.decode();
    const audio = new Audio('/media/e2e-roar.wav');
    await new Promise((resolve, reject) => {
      audio.onloadedmetadata = resolve;
      audio.onerror = () => reject(new Error(`audio error ${String(audio.error?.code)}`));
    });
    const missing = await fetch('/media/e2e-fake.png');
    return {
      width: img.naturalWidth,
      height: img.naturalHeight,
      seconds: audio.duration,
      missing: missing.status,
    };
  });
  expect(played).toEqual({ width: 6, height: 4, seconds: 0.1, missing: 404 });
});

test('a page watching /hub/rules hears the rules on connect and after a save', async ({
  page,
  request,
}) => {
  await page.goto('./');
  await page.evaluate(() => {
    const heard: unknown[] = [];
    Object.assign(window, { heard });
    const ws = new WebSocket(`ws://${location.host}/hub/rules`);
    ws.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as { type: string; rules?: unknown };
      if (frame.type === 'rules') heard.push(frame.rules);
    };
  });
  const heard = () => page.evaluate(() => (window as unknown as { heard: unknown[] }).heard);
  await expect.poll(heard).toEqual([{ v: 1, rules: [] }]);
  const lion = { name: 'Lion', when: { gift: 'Lion' }, then: { media: 'e2e-lion.png' } };
  const saved = await request.put('/hub/rules', {
    headers: auth(),
    data: { v: 1, rules: [lion] },
  });
  expect(await saved.json()).toEqual({ done: 'saved', rules: 1, problems: [] });
  await expect.poll(heard).toEqual([
    { v: 1, rules: [] },
    { v: 1, rules: [lion] },
  ]);
});
