import { resolve } from 'node:path';

/**
 * Where `npm start` keeps what the streamer makes: `giftglow-data/` beside package.json
 * (git-ignored), or `GIFTGLOW_DATA`. Back it up by copying the folder.
 * - `media/`: the files alert rules play (served at `/media/<name>`);
 * - `rules.json`: the alert rules saved on the start page;
 * - `sessions/`: each session's board, kept by the server.
 */
export interface DataFolder {
  root: string;
  media: string;
  rules: string;
  sessions: string;
}

export function dataFolderOf(root: string, env: NodeJS.ProcessEnv = process.env): DataFolder {
  const data = resolve(root, env.GIFTGLOW_DATA?.trim() || 'giftglow-data');
  return {
    root: data,
    media: resolve(data, 'media'),
    rules: resolve(data, 'rules.json'),
    sessions: resolve(data, 'sessions'),
  };
}
