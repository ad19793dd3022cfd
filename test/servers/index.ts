export { startFeedServer, type FeedServer } from './feedServer';
export { startFakeTwitch, type FakeTwitch } from './fakeTwitch';
